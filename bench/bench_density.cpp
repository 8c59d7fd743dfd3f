// Kernel density: Mirador's FFT engine against QGIS's heatmap, and the sliding time window.
//
//   bench_density [--rows N] [--no-qgis] [--dir DIR] [--keep] [--threads T]
//
// Generates N clustered incidents over Mexico (deterministic): 85 % around 36 city anchors
// (Gaussian scatter of 2-40 km, Zipf-like weights), 15 % uniform in Mexico's bounding box,
// dated over 2014-2023 (mostly to the day, some to the month or the year). Generation is not
// timed. Then:
//   1. QGIS (unless --no-qgis): the points go to DIR/bench-density.gpkg in EPSG:6372,
//      qgis:heatmapkerneldensityestimation makes a 1 km quartic raw surface with a 25 km radius;
//      Mirador's engine computes the same surface on exactly QGIS's grid (its geotransform),
//      timed as binning + convolution, and the two are compared. Without QGIS the grid is
//      the points' extent plus the radius.
//   2. The heatmap's sliding window: the display grid (display_grid_for, 25 km), a monthly
//      moving window stepped across the ten years, a cumulative one, and a rebuild from
//      scratch for comparison; then the fixed colour scale over the monthly axis.
// Peak RSS is the process's (getrusage), so each figure includes the phases before it.
#include <gdal_priv.h>
#include <ogr_spatialref.h>
#include <ogrsf_frmts.h>
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <numbers>
#include <string>
#include <vector>

#include "BenchSupport.hpp"
#include "CityIncidents.hpp"
#include "PeerTools.hpp"
#include "mirador/geo/DensityEngine.hpp"
#include "mirador/geo/DensityRaster.hpp"
#include "mirador/geo/IncidentStore.hpp"
#include "mirador/geo/Projector.hpp"

using namespace mirador::geo;
using namespace mirador::bench;

namespace {

// ---------------------------------------------------------------------------------------------
// Synthetic incidents (CityIncidents.hpp)

struct Dataset {
    IncidentStore store;
    DensityPoints pts;
    double project_s = 0;
};

Dataset generate(std::size_t n) {
    Dataset d{to_store(city_incidents(n)), {}, 0};
    const auto t = Clock::now();
    auto pts = make_density_points(d.store, DensityWeight::Count);
    d.project_s = s_since(t);
    if (!pts) die(pts.error());
    d.pts = std::move(pts).value();
    return d;
}

std::pair<Vec2, Vec2> extent_of(const DensityPoints& p) {
    const auto e = placed_extent(p);
    if (!e) die("no placed points");
    return *e;
}

// ---------------------------------------------------------------------------------------------
// QGIS

// The engine's own float positions, placed ones only.
void write_gpkg(const std::string& path, const DensityPoints& p) {
    std::vector<Vec2> xy;
    for (std::size_t i = 0; i < p.size(); ++i)
        if (!std::isnan(p.x[i])) xy.push_back({p.x[i], p.y[i]});
    write_points_gpkg(path, xy);
}

struct QgisRun {
    double wall_s = 0;
    DensityGrid raw;  // QGIS's raw values on its grid
};

QgisRun run_qgis(const std::string& gpkg, const std::string& tif, const std::string& log) {
    std::filesystem::remove(tif);
    setenv("QT_QPA_PLATFORM", "offscreen", 1);
    QgisRun r;
    r.wall_s = run_process(qgis_kde_args(gpkg, 25000, 1000, tif), log).wall_s;
    r.raw = read_density_raster(tif);
    return r;
}

// ---------------------------------------------------------------------------------------------

struct Options {
    std::size_t rows = 1000000;
    bool qgis = true, keep = false;
    std::string dir = std::filesystem::temp_directory_path().string();
    int threads = 2;
};

Options parse(int argc, char** argv) {
    Options o;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        const bool has_value = i + 1 < argc;
        if (a == "--rows" && has_value) o.rows = std::stoull(argv[++i]);
        else if (a == "--no-qgis") o.qgis = false;
        else if (a == "--keep") o.keep = true;
        else if (a == "--dir" && has_value) o.dir = argv[++i];
        else if (a == "--threads" && has_value) o.threads = std::stoi(argv[++i]);
        else die("usage: bench_density [--rows N] [--no-qgis] [--dir DIR] [--keep] [--threads T]");
    }
    return o;
}

void surface_vs_qgis(const Options& o, const Dataset& d) {
    const KernelSpec k{KernelShape::Quartic, 25000};
    QgisRun q;
    const std::string gpkg = o.dir + "/bench-density.gpkg", tif = o.dir + "/bench-density-qgis.tif";
    if (o.qgis) {
        auto t = Clock::now();
        write_gpkg(gpkg, d.pts);
        std::printf("gpkg for QGIS written in %.1f s (untimed)\n", s_since(t));
        q = run_qgis(gpkg, tif, o.dir + "/bench-density-qgis.log");
        std::printf("QGIS heatmap (qgis_process, start-up included): %.2f s; grid %d x %d\n", q.wall_s, q.raw.spec.nx, q.raw.spec.ny);
    } else {
        const auto [lo, hi] = extent_of(d.pts);
        q.raw.spec = grid_covering(lo, hi, k.radius_m, 1000);
    }
    auto t = Clock::now();
    DensityEngine engine(q.raw.spec, k, o.threads);
    const double plan_s = s_since(t);
    std::vector<double> bin_s, conv_s, total;
    std::vector<double> binned;
    DensityGrid ours;
    const DayRange all{INT32_MIN / 2, INT32_MAX / 2};
    for (int rep = 0; rep < 5; ++rep) {
        t = Clock::now();
        engine.compute(d.pts, all, ours);
        total.push_back(s_since(t));
        // The two halves through the public API (a double grid in between).
        t = Clock::now();
        engine.bin(d.pts, all, binned);
        bin_s.push_back(s_since(t));
        t = Clock::now();
        engine.convolve(binned, ours);
        conv_s.push_back(s_since(t));
    }
    const GridSpec& b = engine.binned_grid();
    std::printf("Mirador engine on %d x %d cells (binned %d x %d): plan %.3f s; compute (bin + convolve) %.3f s "
                "(median of 5, best %.3f s), %d threads; separately: bin %.3f s, convolve %.3f s\n",
                q.raw.spec.nx, q.raw.spec.ny, b.nx, b.ny, plan_s, median(total), *std::min_element(total.begin(), total.end()),
                o.threads, median(bin_s), median(conv_s));
    if (!o.qgis) return;
    const QgisComparison c = compare_to_qgis_raw(ours, q.raw, 25.0);
    if (o.keep) {
        DensityGrid raw = ours;
        for (float& v : raw.values) v = static_cast<float>(v * std::numbers::pi * 25.0 * 25.0 / 3.0);
        if (auto w = write_density_geotiff(raw, o.dir + "/bench-density-mirador-raw.tif", "raw"); !w) die(w.error());
    }
    std::printf("vs QGIS: %.0fx faster (QGIS wall / bin+convolve); max|ours-QGIS|/max(QGIS) = %.2e; worst per-cell "
                "relative error where QGIS > 1 %% of its max = %.2e (QGIS max %.1f)\n",
                q.wall_s / median(total), c.max_diff, c.worst_cell, c.peak);
    if (!o.keep) {
        std::filesystem::remove(gpkg);
        std::filesystem::remove(tif);
        std::filesystem::remove(o.dir + "/bench-density-qgis.log");
    }
}

void sliding_window(const Options& o, const Dataset& d) {
    const KernelSpec k{KernelShape::Quartic, 25000};
    const auto [lo, hi] = extent_of(d.pts);
    const GridSpec grid = display_grid_for(lo, hi, k.radius_m);
    const DayRange extent = data_extent(d.store);
    for (WindowMode mode : {WindowMode::Moving, WindowMode::Cumulative}) {
        const TimeAxis axis(extent, {mode, WindowUnit::Month, 30});
        auto t = Clock::now();
        SlidingDensity sliding(d.pts, grid, k, o.threads);
        const double plan_s = s_since(t);
        std::vector<double> move_s;
        std::size_t touched = 0;
        for (std::size_t i = 0; i < axis.count(); ++i) {
            t = Clock::now();
            sliding.move_to(axis.window(i));
            if (i > 0) move_s.push_back(s_since(t)), touched += sliding.last_points_touched();
        }
        std::printf("%s monthly window, %zu steps over %d x %d display cells of %.0f m: move median %.4f s, max %.4f s, "
                    "%.0f incidents re-binned per step (engine made in %.3f s)\n",
                    to_string(mode), move_s.size(), grid.nx, grid.ny, grid.cell, median(move_s),
                    *std::max_element(move_s.begin(), move_s.end()), double(touched) / double(move_s.size()), plan_s);
        // From scratch: the same windows through the engine (bin all of the window, convolve).
        DensityEngine engine(grid, k, o.threads);
        DensityGrid g;
        std::vector<double> scratch_s;
        for (std::size_t i = 0; i < axis.count(); i += std::max<std::size_t>(1, axis.count() / 12)) {
            t = Clock::now();
            engine.compute(d.pts, axis.window(i), g);
            scratch_s.push_back(s_since(t));
        }
        std::printf("  rebuild from scratch (engine.compute on %zu of the windows): median %.4f s, max %.4f s\n",
                    scratch_s.size(), median(scratch_s), *std::max_element(scratch_s.begin(), scratch_s.end()));
        if (mode == WindowMode::Moving) {
            t = Clock::now();
            const FixedScaleResult f = fixed_scale_max(d.pts, axis, engine);
            std::printf("  fixed colour scale over %zu monthly windows: %.3f s, %zu convolved (%zu pruned), max %.4g per km²\n",
                        f.windows, s_since(t), f.evaluated, f.windows - f.evaluated, f.max);
        }
    }
    const std::size_t fixed_grid = SlidingDensity(d.pts, grid, k, 1).engine().binned_grid().cells() * sizeof(std::int64_t);
    const std::size_t points = d.pts.size() * 3 * sizeof(float);
    std::printf("memory: store %.0f MB; density points (x, y, weight) %.0f MB; sliding grid (int64) %.1f MB + FFT buffers; "
                "peak RSS %ld MB\n",
                d.store.memory_bytes() / 1e6, points / 1e6, fixed_grid / 1e6, peak_rss_mb());
}

}  // namespace

int main(int argc, char** argv) {
    const Options o = parse(argc, argv);
    GDALAllRegister();
    auto t = Clock::now();
    const Dataset d = generate(o.rows);
    std::printf("%zu synthetic incidents generated in %.1f s (untimed); projected to EPSG:6372 in %.2f s; peak RSS %ld MB\n",
                o.rows, s_since(t), d.project_s, peak_rss_mb());
    surface_vs_qgis(o, d);
    std::printf("peak RSS after the surface: %ld MB\n", peak_rss_mb());
    sliding_window(o, d);
    return 0;
}
