#include "commands/Density.hpp"

#include <algorithm>
#include <chrono>
#include <climits>
#include <cmath>
#include <cstdio>
#include <optional>
#include <condition_variable>
#include <future>
#include <mutex>
#include <thread>

#include "platform/Report.hpp"
#include "commands/IncidentInput.hpp"
#include "document/Limits.hpp"
#include "mirador/geo/AtomicFile.hpp"
#include "mirador/geo/DensityRaster.hpp"
#include "mirador/geo/IncidentAggregation.hpp"
#include "mirador/geo/DensitySurface.hpp"
#include "mirador/geo/Projector.hpp"
#include "document/TimePlayback.hpp"

namespace mirador {

namespace {

bool overlaps(const std::pair<geo::Vec2, geo::Vec2>& a, const std::pair<geo::Vec2, geo::Vec2>& b) {
    return a.first.x <= b.second.x && b.first.x <= a.second.x && a.first.y <= b.second.y && b.first.y <= a.second.y;
}

}  // namespace

namespace {

// `fast`: a clean CSV may be read without a store (load_clean_incident_positions); false once
// it turned out to repeat an id, so that the loader reports them.
int run_density(const doc::MapDocument& document, const DensityOptions& o, bool fast) {
    const char* cmd = "mirador density";
    const geo::DayRange window = current_window(document.time).value_or(geo::DayRange{INT32_MIN / 2, INT32_MAX / 2});
    const doc::HeatmapStyle heat = document.style_of<doc::HeatmapStyle>() ? *document.style_of<doc::HeatmapStyle>()
                                                                           : doc::HeatmapStyle{};
    const geo::KernelSpec k = heat.kernel_spec();
    const geo::DensityWeight weight = heat.weight;
    const DataOptions data = data_options(document);
    const geo::IncidentSource& source = document.sources.incidents.front();
    const double cell = o.cell_km * 1000;
    // An explicit extent fixes the grid before anything is loaded: refuse an unusable one at once.
    if (o.extent) {
        if (auto ok = geo::check_density_size(o.extent->first, o.extent->second, 0, cell, k.radius_m, limits::kMaxGridCells);
            !ok) {
            eprint("%s: --extent with --cell-km %g: %s\n", cmd, o.cell_km, ok.error().c_str());
            return 2;
        }
    }

    // Where the time goes, printed at the end (bench_process reads it).
    using Clock = std::chrono::steady_clock;
    const auto since = [](Clock::time_point t) { return std::chrono::duration<double>(Clock::now() - t).count(); };
    auto t = Clock::now();
    double read_s = 0, project_s = 0, surface_s = 0, write_s = 0;

    // Positions only: no boundaries or gazetteer unless some row must be geocoded. A clean CSV
    // (no problem to report, every row with coordinates, no repeated id) is read without building
    // an incident store; any other source goes through the loader that reports and geocodes.
    const bool with_fatalities = weight == geo::DensityWeight::Fatalities;
    std::optional<geo::IncidentStore> store;
    geo::Result<geo::DensityPoints> pts = geo::make_error("not read");
    // The repeated-id check of the clean path runs alongside the rest; its answer is awaited
    // before the file is kept.
    std::future<bool> ids_repeat;
    std::optional<geo::IncidentPositions> clean;
    if (fast)
        clean = geo::load_clean_incident_positions(
            source, [&](geo::CsvColumnMapping& c) { blank_unread_columns(c, with_fatalities); }, geo::IdCheck::Caller);
    if (clean) {
        read_s = since(t), t = Clock::now();
        ids_repeat = std::async(std::launch::async,
                                [hashes = std::move(clean->id_hashes)] { return geo::ids_may_repeat(hashes); });
        pts = geo::make_density_points(std::move(*clean), weight);
    } else {
        auto loaded = load_positioned_incidents(data, source, cmd, with_fatalities);
        if (!loaded) {
            eprint("%s: %s\n", cmd, loaded.error().c_str());
            return 1;
        }
        store.emplace(std::move(loaded).value());
        read_s = since(t), t = Clock::now();
        // Positions that stand for a whole state, region or country stay out of the surface: a
        // state's centroid would show as a hot spot (README, "Where an incident counts").
        const std::vector<std::uint8_t> local = geo::local_mask(*store);
        pts = geo::make_density_points(*store, weight, &local);
    }
    project_s = since(t);
    if (!pts) {
        eprint("%s: %s\n", cmd, pts.error().c_str());
        return 1;
    }
    const auto data_extent = geo::placed_extent(*pts);
    if (!data_extent) {
        eprint("%s: %s: no incident has a position\n", cmd, source.path.c_str());
        return 1;
    }
    // By default the extent is every placed incident's, whatever the window, so files made
    // for different windows share one grid.
    const double margin = o.extent ? 0 : k.radius_m;
    const auto extent = o.extent.value_or(*data_extent);
    if (o.extent) {
        const std::pair<geo::Vec2, geo::Vec2> reach{{data_extent->first.x - k.radius_m, data_extent->first.y - k.radius_m},
                                                    {data_extent->second.x + k.radius_m, data_extent->second.y + k.radius_m}};
        if (!overlaps(*o.extent, reach)) {
            eprint("%s: --extent %.0f,%.0f,%.0f,%.0f is outside the data: no incident reaches it (the incidents and "
                   "their kernels cover %.0f,%.0f,%.0f,%.0f in EPSG:6372 metres)\n",
                   cmd, o.extent->first.x, o.extent->first.y, o.extent->second.x, o.extent->second.y, reach.first.x,
                   reach.first.y, reach.second.x, reach.second.y);
            return 2;
        }
    } else if (auto ok = geo::check_density_size(extent.first, extent.second, margin, cell, k.radius_m,
                                                 limits::kMaxGridCells);
               !ok) {
        eprint("%s: --cell-km %g over the incidents' extent: %s\n", cmd, o.cell_km, ok.error().c_str());
        return 2;
    }
    const geo::GridSpec grid = geo::grid_covering(extent.first, extent.second, margin, cell);

    // Exact sum or binning + FFT, whichever is cheaper at this cell/radius ratio and number of
    // points while staying within 1e-3 of the exact sum (DensitySurface.hpp).
    t = Clock::now();
    const std::size_t in_window = geo::count_in_window(*pts, window);
    const geo::DensityPlan plan = geo::plan_density(grid, k, in_window);
    const char* units = weight == geo::DensityWeight::Count ? "incidents per km²" : "fatalities per km²";
    const geo::RasterMetadata metadata = {{"DENSITY_METHOD", geo::to_string(plan.method)},
                                          {"DENSITY_METHOD_DETAIL", geo::describe(plan, grid, k)},
                                          {"DENSITY_KERNEL", geo::to_string(k.shape)},
                                          {"DENSITY_RADIUS_M", std::to_string(k.radius_m)},
                                          {"DENSITY_WEIGHT", geo::to_string(weight)},
                                          {"DENSITY_UNITS", units}};
    auto file = geo::AtomicFile::create(o.out);
    if (!file) {
        eprint("%s: %s\n", cmd, file.error().c_str());
        return 1;
    }
    // The GeoTIFF is made (file, CRS look-up, metadata) on a thread of its own while the surface
    // is computed, and written there north first, each band of rows as soon as it is final, so
    // compressing the north overlaps computing the south. GDAL writes through the temporary
    // file's /proc path; messages name the output instead.
    geo::DensityGrid surface;
    std::mutex rows_mutex;
    std::condition_variable rows_changed;
    int rows_ready = 0;
    geo::Result<bool> written = true;
    std::thread writer([&] {
        auto w = geo::DensityGeoTiffWriter::create(grid, file->path(), units, metadata,
                                                   o.compress == "none" ? geo::RasterCompression::Plain
                                                                        : geo::RasterCompression::Deflate);
        const auto wait_for_rows = [&](int have) {
            std::unique_lock lock(rows_mutex);
            rows_changed.wait(lock, [&] { return rows_ready > have; });
            return rows_ready;
        };
        written = w ? w->write(surface, wait_for_rows) : geo::Result<bool>(geo::make_error(w.error()));
    });
    geo::compute_density(*pts, window, grid, k, plan, surface, o.threads, [&](int rows) {
        {
            std::lock_guard lock(rows_mutex);
            rows_ready = rows;
        }
        rows_changed.notify_all();  // the writer's threads all wait for rows
    });
    surface_s = since(t), t = Clock::now();

    // Where the peak is, for the summary line, on a thread of its own while the file is written:
    // a scan of every cell and a PROJ set-up (10 ms) that would otherwise run alone.
    float peak = 0;
    geo::Vec2 where;
    std::thread locate([&] {
        const auto top = std::max_element(surface.values.begin(), surface.values.end());
        const auto at = static_cast<std::size_t>(top - surface.values.begin());
        peak = *top;
        where = {grid.center_x(static_cast<int>(at % grid.nx)), grid.center_y(static_cast<int>(at / grid.nx))};
        if (auto proj = geo::Projector::create("EPSG:4326", grid.crs)) where = proj->inverse(where);
    });
    writer.join();
    locate.join();
    if (ids_repeat.valid() && ids_repeat.get()) {
        // Not clean after all: the file (never committed) is dropped, and the loader reads the
        // source again and says which ids repeat.
        file->fail("repeated ids");
        return run_density(document, o, false);
    }
    if (!written) {
        std::string why = written.error();
        if (why.rfind(file->path() + ": ", 0) == 0) why.erase(0, file->path().size() + 2);
        file->fail(why);
    }
    if (auto ok = file->commit(); !ok) {
        eprint("%s: %s\n", cmd, ok.error().c_str());
        return 1;
    }
    write_s = since(t);
    eprint("%s: %d x %d cells of %g km (%zu), %s kernel of %g km, %zu incidents in the window; max %.6g %s at lon %.3f "
           "lat %.3f; %s -> %s\n",
           cmd, grid.nx, grid.ny, o.cell_km, grid.cells(), geo::to_string(k.shape), k.radius_m / 1000, in_window, peak,
           units, where.x, where.y, geo::describe(plan, grid, k).c_str(), o.out.c_str());
    eprint("%s: time: read %.3f s, project %.3f s, surface (%s) %.3f s, write %.3f s\n", cmd, read_s, project_s,
           geo::to_string(plan.method), surface_s, write_s);
    return 0;
}

}  // namespace

int run_density_command(const doc::MapDocument& document, const DensityOptions& o) { return run_density(document, o, true); }

}  // namespace mirador
