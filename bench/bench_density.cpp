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
#include <random>
#include <string>
#include <vector>

#include "BenchSupport.hpp"
#include "mirador/geo/DensityEngine.hpp"
#include "mirador/geo/DensityRaster.hpp"
#include "mirador/geo/IncidentStore.hpp"
#include "mirador/geo/Projector.hpp"

using namespace mirador::geo;
using namespace mirador::bench;

namespace {

[[noreturn]] void die(const std::string& message) {
    std::fprintf(stderr, "error: %s\n", message.c_str());
    std::exit(1);
}

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v.empty() ? 0 : v[v.size() / 2];
}

// ---------------------------------------------------------------------------------------------
// Synthetic incidents

struct City {
    double lon, lat, spread_km, weight;
};
// Approximate centres of large or violence-affected cities, written out for this benchmark.
constexpr City kCities[] = {
    {-99.13, 19.43, 25, 10}, {-103.35, 20.67, 20, 8}, {-100.31, 25.67, 18, 6}, {-107.39, 24.80, 8, 7},
    {-106.42, 23.23, 6, 4},  {-106.49, 31.69, 12, 6}, {-117.04, 32.51, 15, 7}, {-115.45, 32.62, 10, 3},
    {-110.96, 29.07, 10, 3}, {-104.66, 24.03, 8, 2},  {-103.23, 25.54, 10, 3}, {-97.50, 25.87, 8, 4},
    {-99.51, 27.48, 6, 4},   {-98.30, 26.08, 8, 3},   {-97.86, 22.25, 10, 3}, {-99.89, 16.86, 8, 5},
    {-99.54, 18.35, 5, 4},   {-99.50, 17.55, 5, 3},   {-101.18, 19.70, 8, 4}, {-102.05, 19.41, 5, 4},
    {-102.90, 18.92, 30, 3}, {-101.26, 20.52, 6, 5},  {-101.35, 20.68, 5, 4}, {-101.68, 21.12, 12, 4},
    {-100.39, 20.59, 10, 3}, {-102.57, 22.77, 8, 4},  {-96.13, 19.18, 10, 3}, {-94.45, 18.14, 8, 2},
    {-98.20, 19.04, 12, 3},  {-96.72, 17.06, 10, 2},  {-92.95, 17.99, 10, 2}, {-93.12, 16.75, 8, 2},
    {-86.85, 21.16, 8, 3},   {-89.62, 20.97, 10, 1},  {-104.89, 21.50, 6, 2}, {-103.72, 19.24, 40, 3}};

struct Dataset {
    IncidentStore store;
    DensityPoints pts;
    double project_s = 0;
};

Dataset generate(std::size_t n) {
    std::mt19937_64 rng(20250101);
    std::vector<double> w;
    for (const City& c : kCities) w.push_back(c.weight);
    std::discrete_distribution<std::size_t> pick(w.begin(), w.end());
    std::uniform_real_distribution<double> u01(0, 1);
    std::normal_distribution<double> g(0, 1);
    auto proj = lonlat_to_display(DisplayCrs::Mexico6372);
    if (!proj) die(proj.error());
    std::vector<Vec2> anchor;
    for (const City& c : kCities) anchor.push_back(proj->forward(Vec2{c.lon, c.lat}));
    const std::int32_t first = days_from_civil(2014, 1, 1), span = days_from_civil(2023, 12, 31) - first;
    std::vector<Vec2> pos(n);
    std::vector<IncidentDate> dates(n);
    for (std::size_t i = 0; i < n; ++i) {
        if (u01(rng) < 0.15) {
            pos[i] = {-117.1 + 30.3 * u01(rng), 14.5 + 18.2 * u01(rng)};  // lon/lat already
        } else {
            const std::size_t c = pick(rng);
            const double s = kCities[c].spread_km * 1000;
            pos[i] = proj->inverse(Vec2{anchor[c].x + s * g(rng), anchor[c].y + s * g(rng)});
        }
        const CivilDate d = civil_from_days(first + static_cast<std::int32_t>(span * u01(rng)));
        const double p = u01(rng);
        IncidentDate& date = dates[i];
        date.day_start = date.day_end = days_from_civil(d.year, d.month, d.day);
        if (p > 0.97) {
            date.precision = DatePrecision::Year;
            date.day_start = days_from_civil(d.year, 1, 1), date.day_end = days_from_civil(d.year, 12, 31);
        } else if (p > 0.90) {
            date.precision = DatePrecision::Month;
            date.day_start = days_from_civil(d.year, d.month, 1);
            date.day_end = days_from_civil(d.year, d.month, days_in_month(d.year, d.month));
        }
    }
    IncidentStoreBuilder b;
    b.reserve(n);
    for (std::size_t i = 0; i < n; ++i) {
        IncidentView v;
        v.lon = pos[i].x;
        v.lat = pos[i].y;
        v.date = dates[i];
        b.add(v);
    }
    Dataset d{b.finish(), {}, 0};
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

void write_gpkg(const std::string& path, const DensityPoints& p) {
    std::filesystem::remove(path);
    GDALDriver* drv = GetGDALDriverManager()->GetDriverByName("GPKG");
    GDALDataset* ds = drv ? drv->Create(path.c_str(), 0, 0, 0, GDT_Unknown, nullptr) : nullptr;
    if (!ds) die("cannot create " + path);
    OGRSpatialReference srs;
    srs.importFromEPSG(6372);
    OGRLayer* layer = ds->CreateLayer("pts", &srs, wkbPoint, nullptr);
    if (!layer) die("cannot create a layer in " + path);
    ds->StartTransaction();
    for (std::size_t i = 0; i < p.size(); ++i) {
        if (std::isnan(p.x[i])) continue;
        OGRFeature f(layer->GetLayerDefn());
        f.SetGeometryDirectly(new OGRPoint(p.x[i], p.y[i]));  // the engine's own float positions
        if (layer->CreateFeature(&f) != OGRERR_NONE) die("cannot write " + path);
    }
    ds->CommitTransaction();
    GDALClose(ds);
}

struct QgisRun {
    double wall_s = 0;
    GridSpec grid;
    std::vector<float> raw;  // row 0 = south, as DensityGrid
};

QgisRun run_qgis(const std::string& gpkg, const std::string& tif, const std::string& log) {
    std::filesystem::remove(tif);
    const std::string cmd = std::string("QT_QPA_PLATFORM=offscreen /usr/bin/qgis_process.bin run "
                                        "qgis:heatmapkerneldensityestimation -- INPUT=")
                                .append(gpkg)
                                .append(" RADIUS=25000 PIXEL_SIZE=1000 KERNEL=0 OUTPUT_VALUE=0 OUTPUT=")
                                .append(tif)
                                .append(" >")
                                .append(log)
                                .append(" 2>&1");
    QgisRun r;
    const auto t = Clock::now();
    if (std::system(cmd.c_str()) != 0) die("QGIS failed, see " + log);
    r.wall_s = s_since(t);
    GDALDataset* ds = GDALDataset::Open(tif.c_str(), GDAL_OF_RASTER);
    if (!ds) die("cannot read " + tif);
    double t6[6];
    ds->GetGeoTransform(t6);
    const int nx = ds->GetRasterXSize(), ny = ds->GetRasterYSize();
    if (std::abs(t6[1] + t6[5]) > 1e-9 || t6[2] != 0 || t6[4] != 0) die(tif + ": not a north-up square grid");
    r.grid = GridSpec{t6[0], t6[3] + ny * t6[5], t6[1], nx, ny, "EPSG:6372"};
    r.raw.resize(r.grid.cells());
    // Negative line spacing stores the northern file rows last.
    const GSpacing row = static_cast<GSpacing>(nx) * sizeof(float);
    if (ds->GetRasterBand(1)->RasterIO(GF_Read, 0, 0, nx, ny, r.raw.data() + static_cast<std::size_t>(ny - 1) * nx, nx,
                                       ny, GDT_Float32, sizeof(float), -row, nullptr) != CE_None)
        die("cannot read the cells of " + tif);
    // QGIS marks cells that no point reaches as nodata (-9999): their density is zero.
    int has_nodata = 0;
    const double nodata = ds->GetRasterBand(1)->GetNoDataValue(&has_nodata);
    if (has_nodata)
        for (float& v : r.raw)
            if (v == static_cast<float>(nodata)) v = 0;
    GDALClose(ds);
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
        std::printf("QGIS heatmap (qgis_process, start-up included): %.2f s; grid %d x %d\n", q.wall_s, q.grid.nx, q.grid.ny);
    } else {
        const auto [lo, hi] = extent_of(d.pts);
        q.grid = grid_covering(lo, hi, k.radius_m, 1000);
    }
    auto t = Clock::now();
    DensityEngine engine(q.grid, k, o.threads);
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
                q.grid.nx, q.grid.ny, b.nx, b.ny, plan_s, median(total), *std::min_element(total.begin(), total.end()),
                o.threads, median(bin_s), median(conv_s));
    if (!o.qgis) return;
    // QGIS's raw value is Σ(1 - d²/r²)²: per km² density x πr_km²/3.
    const double to_raw = std::numbers::pi * 25.0 * 25.0 / 3.0;
    double max_ref = 0, max_diff = 0, worst_cell = 0;
    for (float v : q.raw) max_ref = std::max<double>(max_ref, v);
    for (std::size_t i = 0; i < q.raw.size(); ++i) {
        const double a = ours.values[i] * to_raw, r = q.raw[i];
        max_diff = std::max(max_diff, std::abs(a - r));
        if (r > 0.01 * max_ref) worst_cell = std::max(worst_cell, std::abs(a - r) / r);
    }
    if (o.keep) {
        DensityGrid raw = ours;
        for (float& v : raw.values) v = static_cast<float>(v * to_raw);
        if (auto w = write_density_geotiff(raw, o.dir + "/bench-density-mirador-raw.tif", "raw"); !w) die(w.error());
    }
    std::printf("vs QGIS: %.0fx faster (QGIS wall / bin+convolve); max|ours-QGIS|/max(QGIS) = %.2e; worst per-cell "
                "relative error where QGIS > 1 %% of its max = %.2e (QGIS max %.1f)\n",
                q.wall_s / median(total), max_diff / max_ref, worst_cell, max_ref);
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
