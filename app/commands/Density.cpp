#include "commands/Density.hpp"

#include <algorithm>
#include <chrono>
#include <climits>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>

#include "mirador/geo/DensityEngine.hpp"
#include "mirador/geo/DensityRaster.hpp"
#include "mirador/geo/IncidentAggregation.hpp"
#include "mirador/geo/Projector.hpp"

namespace mirador {

namespace {

// Beyond this the FFT buffers alone pass 2 GB.
constexpr std::size_t kMaxCells = std::size_t{1} << 28;

std::optional<std::pair<geo::Vec2, geo::Vec2>> parse_extent(const std::string& text) {
    double v[4];
    const char* p = text.c_str();
    for (int k = 0; k < 4; ++k) {
        char* end = nullptr;
        v[k] = std::strtod(p, &end);
        if (end == p || !std::isfinite(v[k])) return std::nullopt;
        p = end;
        if (k < 3 && *p++ != ',') return std::nullopt;
    }
    if (*p != '\0' || v[0] >= v[2] || v[1] >= v[3]) return std::nullopt;
    return std::pair{geo::Vec2{v[0], v[1]}, geo::Vec2{v[2], v[3]}};
}

}  // namespace

int run_density_command(const DataOptions& data, const DensityOptions& o) {
    const char* cmd = "mirador density";
    const auto kernel = geo::parse_kernel_shape(o.kernel);
    if (!kernel) {
        std::fprintf(stderr, "%s: --kernel is quartic, epanechnikov or gaussian\n", cmd);
        return 2;
    }
    if (o.weight != "count" && o.weight != "fatalities") {
        std::fprintf(stderr, "%s: --weight is count or fatalities\n", cmd);
        return 2;
    }
    if (!(o.cell_km > 0) || !(o.radius_km > 0)) {
        std::fprintf(stderr, "%s: --cell-km and --radius-km must be positive\n", cmd);
        return 2;
    }
    std::optional<std::pair<geo::Vec2, geo::Vec2>> extent;
    if (!o.extent.empty() && !(extent = parse_extent(o.extent))) {
        std::fprintf(stderr, "%s: --extent is xmin,ymin,xmax,ymax in EPSG:6372 metres, got '%s'\n", cmd, o.extent.c_str());
        return 2;
    }
    const auto bounds = parse_date_bounds(o.from, o.to, cmd);
    if (!bounds) return 2;
    // Open sides: far enough that a span length never overflows.
    const geo::DayRange window{std::max(bounds->first, INT32_MIN / 2), std::min(bounds->second, INT32_MAX / 2)};

    auto loaded = load_placed_incidents(data, o.incidents, cmd);
    if (!loaded) {
        std::fprintf(stderr, "%s: %s\n", cmd, loaded.error().c_str());
        return 1;
    }
    const auto weight = o.weight == "count" ? geo::DensityWeight::Count : geo::DensityWeight::Fatalities;
    // Positions that stand for a whole state, region or country stay out of the surface: a
    // state's centroid would show as a hot spot (README, "Where an incident counts").
    const std::vector<std::uint8_t> local = geo::local_mask(loaded->placed);
    auto pts = geo::make_density_points(loaded->store, weight, &local);
    if (!pts) {
        std::fprintf(stderr, "%s: %s\n", cmd, pts.error().c_str());
        return 1;
    }
    const geo::KernelSpec k{*kernel, o.radius_km * 1000};
    const double cell = o.cell_km * 1000;
    // By default the extent is every placed incident's, whatever the window, so files made
    // for different windows share one grid.
    if (!extent) {
        extent = geo::placed_extent(*pts);
        if (!extent) {
            std::fprintf(stderr, "%s: %s: no incident has a position\n", cmd, o.incidents.path.c_str());
            return 1;
        }
    }
    const geo::GridSpec grid = o.extent.empty() ? geo::grid_covering(extent->first, extent->second, k.radius_m, cell)
                                                : geo::grid_covering(extent->first, extent->second, 0, cell);
    if (grid.cells() > kMaxCells) {
        std::fprintf(stderr, "%s: a grid of %d x %d cells is too large: use a larger --cell-km or a smaller --extent\n",
                     cmd, grid.nx, grid.ny);
        return 2;
    }

    const auto t0 = std::chrono::steady_clock::now();
    geo::DensityEngine engine(grid, k, o.threads);
    geo::DensityGrid surface;
    engine.compute(*pts, window, surface);
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();

    const char* units = weight == geo::DensityWeight::Count ? "incidents per km²" : "fatalities per km²";
    const std::string tmp = o.out + ".part";
    auto written = geo::write_density_geotiff(surface, tmp, units);
    std::error_code ec;
    if (!written || (std::filesystem::rename(tmp, o.out, ec), ec)) {
        std::filesystem::remove(tmp, ec);
        std::fprintf(stderr, "%s: %s\n", cmd, written ? (o.out + ": cannot write").c_str() : written.error().c_str());
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
    std::fprintf(stderr,
                 "%s: %d x %d cells of %g km (%zu), %s kernel of %g km, %zu incidents in the window; max %.6g %s at "
                 "lon %.3f lat %.3f; computed in %.3f s -> %s\n",
                 cmd, grid.nx, grid.ny, o.cell_km, grid.cells(), geo::to_string(*kernel), o.radius_km, in_window, *peak,
                 units, where.x, where.y, seconds, o.out.c_str());
    return 0;
}

}  // namespace mirador
