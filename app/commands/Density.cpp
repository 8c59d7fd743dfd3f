#include "commands/Density.hpp"

#include <algorithm>
#include <chrono>
#include <climits>
#include <cmath>
#include <cstdio>

#include "commands/IncidentInput.hpp"
#include "document/Limits.hpp"
#include "mirador/geo/AtomicFile.hpp"
#include "mirador/geo/DensityEngine.hpp"
#include "mirador/geo/DensityRaster.hpp"
#include "mirador/geo/Projector.hpp"
#include "cli/Report.hpp"

namespace mirador {

namespace {

bool overlaps(const std::pair<geo::Vec2, geo::Vec2>& a, const std::pair<geo::Vec2, geo::Vec2>& b) {
    return a.first.x <= b.second.x && b.first.x <= a.second.x && a.first.y <= b.second.y && b.first.y <= a.second.y;
}

}  // namespace

int run_density_command(const DataOptions& data, const DensityOptions& o) {
    const char* cmd = "mirador density";
    const geo::DayRange window = o.window.value_or(geo::DayRange{INT32_MIN / 2, INT32_MAX / 2});
    const double cell = o.cell_km * 1000;
    // An explicit extent fixes the grid before anything is loaded: refuse an unusable one at once.
    if (o.extent) {
        if (auto ok = geo::check_density_size(o.extent->first, o.extent->second, 0, cell, o.kernel.radius_m,
                                              limits::kMaxGridCells);
            !ok) {
            eprint("%s: --extent with --cell-km %g: %s\n", cmd, o.cell_km, ok.error().c_str());
            return 2;
        }
    }

    auto loaded = load_placed_incidents(data, o.incidents, cmd);
    if (!loaded) {
        eprint("%s: %s\n", cmd, loaded.error().c_str());
        return 1;
    }
    auto pts = geo::make_density_points(loaded->store, o.weight);
    if (!pts) {
        eprint("%s: %s\n", cmd, pts.error().c_str());
        return 1;
    }
    const auto data_extent = geo::placed_extent(*pts);
    if (!data_extent) {
        eprint("%s: %s: no incident has a position\n", cmd, o.incidents.path.c_str());
        return 1;
    }
    // By default the extent is every placed incident's, whatever the window, so files made
    // for different windows share one grid.
    const double margin = o.extent ? 0 : o.kernel.radius_m;
    const auto extent = o.extent.value_or(*data_extent);
    if (o.extent) {
        const std::pair<geo::Vec2, geo::Vec2> reach{{data_extent->first.x - o.kernel.radius_m, data_extent->first.y - o.kernel.radius_m},
                                                    {data_extent->second.x + o.kernel.radius_m, data_extent->second.y + o.kernel.radius_m}};
        if (!overlaps(*o.extent, reach)) {
            eprint(
                         "%s: --extent %.0f,%.0f,%.0f,%.0f is outside the data: no incident reaches it (the incidents "
                         "and their kernels cover %.0f,%.0f,%.0f,%.0f in EPSG:6372 metres)\n",
                         cmd, o.extent->first.x, o.extent->first.y, o.extent->second.x, o.extent->second.y, reach.first.x,
                         reach.first.y, reach.second.x, reach.second.y);
            return 2;
        }
    } else if (auto ok = geo::check_density_size(extent.first, extent.second, margin, cell, o.kernel.radius_m,
                                                 limits::kMaxGridCells);
               !ok) {
        eprint("%s: --cell-km %g over the incidents' extent: %s\n", cmd, o.cell_km, ok.error().c_str());
        return 2;
    }
    const geo::GridSpec grid = geo::grid_covering(extent.first, extent.second, margin, cell);

    const auto t0 = std::chrono::steady_clock::now();
    geo::DensityEngine engine(grid, o.kernel, o.threads);
    geo::DensityGrid surface;
    engine.compute(*pts, window, surface);
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();

    const char* units = o.weight == geo::DensityWeight::Count ? "incidents per km²" : "fatalities per km²";
    auto out = geo::AtomicFile::create(o.out);
    if (!out) {
        eprint("%s: %s\n", cmd, out.error().c_str());
        return 1;
    }
    auto written = geo::write_density_geotiff(surface, out->path(), units);
    if (!written) out->fail(written.error());
    if (auto ok = out->commit(); !ok) {
        eprint("%s: %s\n", cmd, ok.error().c_str());
        return 1;
    }

    std::size_t in_window = 0;
    const auto& store = loaded->store;
    for (std::size_t i = 0; i < store.size(); ++i)
        in_window += store.overlaps(i, window.from, window.to) && !std::isnan(pts->x[i]) && pts->weight[i] > 0;
    const auto peak = std::max_element(surface.values.begin(), surface.values.end());
    const auto at = static_cast<std::size_t>(peak - surface.values.begin());
    geo::Vec2 where{grid.center_x(static_cast<int>(at % grid.nx)), grid.center_y(static_cast<int>(at / grid.nx))};
    if (auto proj = geo::Projector::create("EPSG:4326", grid.crs)) where = proj->inverse(where);
    eprint(
                 "%s: %d x %d cells of %g km (%zu), %s kernel of %g km, %zu incidents in the window; max %.6g %s at "
                 "lon %.3f lat %.3f; computed in %.3f s -> %s\n",
                 cmd, grid.nx, grid.ny, o.cell_km, grid.cells(), geo::to_string(o.kernel.shape), o.kernel.radius_m / 1000,
                 in_window, *peak, units, where.x, where.y, seconds, o.out.c_str());
    return 0;
}

}  // namespace mirador
