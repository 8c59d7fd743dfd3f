#include <catch2/catch.hpp>

#include <gdal_priv.h>
#include <ogr_spatialref.h>

#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <csignal>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <sstream>
#include <limits>
#include <random>

#include "TestData.hpp"
#include "mirador/geo/DensityEngine.hpp"
#include "mirador/geo/DensityRaster.hpp"
#include "mirador/geo/IncidentStore.hpp"

using namespace mirador;
using namespace mirador::geo;

namespace {

constexpr DayRange kAllTime{std::numeric_limits<std::int32_t>::min() / 2, std::numeric_limits<std::int32_t>::max() / 2};

struct Synthetic {
    IncidentStore store;
    DensityPoints pts;
};

IncidentDate day_date(std::int32_t day, DatePrecision p = DatePrecision::Day) {
    IncidentDate d;
    const CivilDate c = civil_from_days(day);
    d.precision = p;
    d.day_start = d.day_end = day;
    if (p == DatePrecision::Month) {
        d.day_start = days_from_civil(c.year, c.month, 1);
        d.day_end = days_from_civil(c.year, c.month, days_in_month(c.year, c.month));
    } else if (p == DatePrecision::Year) {
        d.day_start = days_from_civil(c.year, 1, 1);
        d.day_end = days_from_civil(c.year, 12, 31);
    }
    return d;
}

// Clusters around a few Sinaloa towns (Gaussian scatter of 2-10 km) plus uniform noise, dated
// over 2018-2020 (mostly to the day, some to the month or the year).
// `skew` > 1 crowds the dates towards the end (counts that grow over the years).
Synthetic clustered(std::size_t n, unsigned seed, double skew = 1) {
    const double centres[][3] = {{-107.39, 24.80, 0.02}, {-106.42, 23.23, 0.05}, {-108.99, 25.79, 0.09}, {-107.9, 25.3, 0.03}};
    std::mt19937 rng(seed);
    const std::int32_t first = days_from_civil(2018, 1, 1), last = days_from_civil(2020, 12, 31);
    std::uniform_int_distribution<int> pick(0, 4);
    std::uniform_real_distribution<double> u(0, 1);
    std::normal_distribution<double> g(0, 1);
    IncidentStoreBuilder b;
    for (std::size_t i = 0; i < n; ++i) {
        Incident in;
        in.id = std::string("s").append(std::to_string(i));
        const int c = pick(rng);
        if (c == 4) {
            in.lon = -109.5 + 3.5 * u(rng);
            in.lat = 22.8 + 3.5 * u(rng);
        } else {
            in.lon = centres[c][0] + centres[c][2] * g(rng);
            in.lat = centres[c][1] + centres[c][2] * g(rng);
        }
        const double p = u(rng);
        const auto day = first + static_cast<std::int32_t>((last - first) * std::pow(u(rng), skew));
        in.date = day_date(day, p < 0.85 ? DatePrecision::Day : p < 0.95 ? DatePrecision::Month : DatePrecision::Year);
        in.fatalities = static_cast<std::uint32_t>(i % 4);
        b.add(in);
    }
    Synthetic s{b.finish(), {}};
    auto pts = make_density_points(s.store, DensityWeight::Count);
    REQUIRE(pts.ok());
    s.pts = std::move(pts).value();
    return s;
}

Incident incident_at(std::string id, double lon, double lat, const char* date) {
    Incident in;
    in.id = std::move(id);
    in.lon = lon;
    in.lat = lat;
    in.date = parse_incident_date(date).value();
    return in;
}

GridSpec grid_around(const DensityPoints& p, double cell, double radius) {
    const auto e = placed_extent(p);
    REQUIRE(e);
    return grid_covering(e->first, e->second, radius, cell);
}

// max|a - b| / max|b|: the error relative to the surface's peak.
double peak_relative_error(const DensityGrid& a, const DensityGrid& b) {
    REQUIRE(a.values.size() == b.values.size());
    double diff = 0;
    for (std::size_t i = 0; i < a.values.size(); ++i) diff = std::max(diff, std::abs(double(a.values[i]) - b.values[i]));
    return diff / b.max_value();
}

// The largest |a - b| / b over the cells where b is above 1 % of its maximum.
double cell_relative_error(const DensityGrid& a, const DensityGrid& b) {
    const double floor = 0.01 * b.max_value();
    double worst = 0;
    for (std::size_t i = 0; i < a.values.size(); ++i)
        if (b.values[i] > floor) worst = std::max(worst, std::abs(double(a.values[i]) - b.values[i]) / b.values[i]);
    return worst;
}

}  // namespace

TEST_CASE("kernels integrate to one and match their formulas", "[density]") {
    for (auto shape : {KernelShape::Quartic, KernelShape::Epanechnikov, KernelShape::Gaussian}) {
        const KernelSpec k{shape, 1000};
        double mass = 0;
        const int n = 4000;
        for (int i = 0; i < n; ++i) {
            const double r = (i + 0.5) * k.radius_m / n;
            mass += kernel_density(k, r) * 2 * M_PI * r * (k.radius_m / n);
        }
        CHECK(mass == Approx(1.0).epsilon(1e-6));
        CHECK(kernel_density(k, 1000) == 0.0);
        CHECK(kernel_shape(k, 0) == 1.0);
        CHECK(parse_kernel_shape(to_string(shape)) == shape);
    }
    CHECK(kernel_density({KernelShape::Quartic, 1000}, 500) == Approx(3 / (M_PI * 1e6) * 0.75 * 0.75));
    CHECK(kernel_density({KernelShape::Epanechnikov, 1000}, 500) == Approx(2 / (M_PI * 1e6) * 0.75));
    CHECK_FALSE(parse_kernel_shape("triangular"));
}

TEST_CASE("the FFT engine matches the per-point reference", "[density]") {
    const Synthetic s = clustered(6000, 7);
    struct Case {
        KernelShape shape;
        double cell, peak_tol, cell_tol;
    };
    // Quartic at radius/cell 25: 1e-3 of the peak is the requirement. The Epanechnikov kernel
    // has a kink and the cut Gaussian a step (1.1 % of its peak) at the radius, which linear
    // binning smears over a cell: they are held to looser bounds.
    // Per cell (cells above 1 % of the peak) the worst cells are those near the rim of an
    // isolated point's kernel, where one point's binning error is not averaged away; at
    // radius/8 (the heatmap's display cells) that reaches 20 %, 0.3 % of the peak.
    // Measured (seed 7): quartic 1.0e-4 / 7.7e-3, radius/8 2.8e-3 / 0.19, Epanechnikov
    // 1.4e-3 / 0.059, Gaussian 9.0e-4 / 0.074.
    const Case cases[] = {{KernelShape::Quartic, 1000, 1e-3, 2e-2},
                          {KernelShape::Quartic, 25000.0 / 8, 1e-2, 0.3},
                          {KernelShape::Epanechnikov, 1000, 3e-3, 0.1},
                          {KernelShape::Gaussian, 1000, 3e-3, 0.1}};
    for (const Case& c : cases) {
        const KernelSpec k{c.shape, 25000};
        const GridSpec grid = grid_around(s.pts, c.cell, k.radius_m);
        const DensityGrid ref = density_reference(s.pts, kAllTime, grid, k);
        DensityEngine engine(grid, k, 2);
        DensityGrid fast;
        engine.compute(s.pts, kAllTime, fast);
        REQUIRE(fast.spec == grid);
        const double peak = peak_relative_error(fast, ref), cell = cell_relative_error(fast, ref);
        INFO(to_string(c.shape) << " cell " << c.cell << ": peak-relative " << peak << ", per cell " << cell);
        CHECK(ref.max_value() > 0);
        CHECK(peak <= c.peak_tol);
        CHECK(cell <= c.cell_tol);
    }
}

TEST_CASE("density surfaces conserve the weight of points away from the border", "[density]") {
    // Tolerance 2e-3: the kernel sampled at 1 km cells sums to 1 within that, the Gaussian's
    // step at the radius being the worst.
    const Synthetic s = clustered(3000, 11);
    auto fatal = make_density_points(s.store, DensityWeight::Fatalities);
    REQUIRE(fatal.ok());
    double total = 0;
    for (float w : fatal->weight) total += w;
    for (auto shape : {KernelShape::Quartic, KernelShape::Epanechnikov, KernelShape::Gaussian}) {
        const KernelSpec k{shape, 20000};
        const GridSpec grid = grid_around(s.pts, 1000, k.radius_m + 5000);
        DensityEngine engine(grid, k, 2);
        DensityGrid g;
        engine.compute(s.pts, kAllTime, g);
        const double km2 = grid.cell * grid.cell / 1e6;
        CHECK(g.sum() * km2 == Approx(double(s.pts.size())).epsilon(2e-3));
        CHECK(density_reference(s.pts, kAllTime, grid, k).sum() * km2 == Approx(double(s.pts.size())).epsilon(2e-3));
        engine.compute(*fatal, kAllTime, g);
        CHECK(g.sum() * km2 == Approx(total).epsilon(2e-3));
    }
}

TEST_CASE("an incident dated to a month adds its share of the window", "[density]") {
    IncidentStoreBuilder b;
    b.add(incident_at("m", -107.39, 24.80, "2019-10"));
    b.add(incident_at("d", -99.13, 19.43, "2019-10-17"));  // far from the first
    const IncidentStore store = b.finish();
    auto pts = make_density_points(store, DensityWeight::Count);
    REQUIRE(pts.ok());
    const KernelSpec k{KernelShape::Quartic, 25000};
    const Vec2 m = test::to_6372(-107.39, 24.80);
    const GridSpec grid = grid_covering(m, m, 30000, 1000);  // only the month incident reaches it
    const double km2 = 1.0;
    const DayRange one_day{days_from_civil(2019, 10, 17), days_from_civil(2019, 10, 17)};
    const double whole = density_reference(*pts, kAllTime, grid, k).sum() * km2;
    CHECK(density_reference(*pts, one_day, grid, k).sum() * km2 == Approx(whole / 31));
    DensityEngine engine(grid, k, 1);
    DensityGrid g;
    engine.compute(*pts, one_day, g);
    CHECK(g.sum() * km2 == Approx(1.0 / 31).epsilon(2e-3));
    engine.compute(*pts, {days_from_civil(2019, 11, 1), days_from_civil(2019, 11, 30)}, g);
    CHECK(g.max_value() == 0.0f);
}

TEST_CASE("unplaced incidents have NaN positions and add nothing", "[density]") {
    IncidentStoreBuilder b;
    b.add(incident_at("p", -99.13, 19.43, "2019-10-17"));
    b.add(incident_at("x", std::nan(""), std::nan(""), "2019-10-17"));
    const IncidentStore store = b.finish();
    auto pts = make_density_points(store, DensityWeight::Count);
    REQUIRE(pts.ok());
    const long lost_i = store.find_id("x"), placed_i = store.find_id("p");
    CHECK(std::isnan(pts->x[lost_i]));
    const Vec2 expect = test::to_6372(-99.13, 19.43);
    CHECK(pts->x[placed_i] == Approx(expect.x).margin(2));
    CHECK(pts->y[placed_i] == Approx(expect.y).margin(2));
    const GridSpec grid = grid_covering(expect, expect, 10000, 1000);
    DensityEngine engine(grid, {KernelShape::Quartic, 8000}, 1);
    DensityGrid g;
    engine.compute(*pts, kAllTime, g);
    CHECK(g.sum() == Approx(1.0).epsilon(5e-3));  // 8 cells per radius: the sampled kernel's mass
}

TEST_CASE("a sliding window gives the same grid as one built from scratch", "[density]") {
    const Synthetic s = clustered(20000, 3);
    const KernelSpec k{KernelShape::Quartic, 25000};
    const GridSpec grid = display_grid_for({s.pts.x[0] - 2e5, s.pts.y[0] - 2e5}, {s.pts.x[0] + 2e5, s.pts.y[0] + 2e5}, k.radius_m, 1 << 16);
    SlidingDensity sliding(s.pts, grid, k, 2);
    std::mt19937 rng(5);
    const std::int32_t first = days_from_civil(2017, 6, 1), last = days_from_civil(2021, 6, 1);
    std::uniform_int_distribution<std::int32_t> start(first, last), length(1, 400), step(-40, 40);
    DayRange w{days_from_civil(2019, 1, 1), days_from_civil(2019, 1, 31)};
    std::size_t small_steps = 0, incremental = 0;
    for (int move = 0; move < 60; ++move) {
        if (move % 3 == 0) {
            w.from = start(rng);
            w.to = w.from + length(rng);
        } else {  // drag: both ends by a few days
            const std::int32_t d = step(rng);
            w = {w.from + d, w.to + d + step(rng) / 4};
            if (w.empty()) std::swap(w.from, w.to);
            ++small_steps;
        }
        sliding.move_to(w);
        REQUIRE(sliding.window() == w);
        if (move % 3 != 0 && sliding.last_points_touched() < s.store.size() / 10) ++incremental;
    }
    CHECK(incremental > small_steps / 2);  // drags re-bin a few incidents, not all of them
    const DensityGrid walked = sliding.move_to(w);
    SlidingDensity fresh(s.pts, grid, k, 2);
    const DensityGrid& direct = fresh.move_to(w);
    CHECK(walked.values == direct.values);  // bit-identical
    // And the same surface as the engine's, within float rounding.
    DensityEngine engine(grid, k, 2);
    DensityGrid g;
    engine.compute(s.pts, w, g);
    CHECK(peak_relative_error(walked, g) < 1e-5);

    // Away and back: identical again.
    const DensityGrid before = sliding.move_to({w.from, w.to + 30});
    sliding.move_to({w.from - 300, w.to});
    sliding.move_to({w.from + 10, w.to + 900});
    CHECK(sliding.move_to({w.from, w.to + 30}).values == before.values);
}

TEST_CASE("the fixed scale is the maximum over every window, pruned", "[density]") {
    const Synthetic s = clustered(8000, 19, 4.0);
    const KernelSpec k{KernelShape::Quartic, 25000};
    const GridSpec grid = grid_around(s.pts, 5000, k.radius_m);
    DensityEngine engine(grid, k, 2);
    const TimeAxis axis(data_extent(s.store), {WindowMode::Moving, WindowUnit::Month, 30});
    REQUIRE(axis.count() >= 36);
    double brute = 0;
    DayRange brute_at;
    DensityGrid g;
    for (std::size_t i = 0; i < axis.count(); ++i) {
        engine.compute(s.pts, axis.window(i), g);
        if (g.max_value() > brute) brute = g.max_value(), brute_at = axis.window(i);
    }
    const FixedScaleResult r = fixed_scale_max(s.pts, axis, engine);
    CHECK(r.windows == axis.count());
    CHECK(r.max == brute);
    CHECK(r.argmax == brute_at);
    CHECK(r.evaluated < r.windows);
    INFO("evaluated " << r.evaluated << " of " << r.windows);

    // Whatever the engine or a slider computed last, the answer is the same.
    engine.compute(s.pts, axis.window(3), g);
    SlidingDensity sliding(s.pts, grid, k, 1);
    sliding.move_to(axis.window(7));
    const FixedScaleResult again = fixed_scale_max(s.pts, axis, engine);
    CHECK(again.max == r.max);

    const TimeAxis cumulative(data_extent(s.store), {WindowMode::Cumulative, WindowUnit::Quarter, 30});
    const FixedScaleResult c = fixed_scale_max(s.pts, cumulative, engine);
    engine.compute(s.pts, kAllTime, g);
    CHECK(c.max == Approx(g.max_value()).epsilon(1e-6));
    CHECK(c.evaluated == 1);
}

TEST_CASE("density grids round-trip through GeoTIFF", "[density]") {
    DensityGrid g;
    g.spec = GridSpec{2.5e6, 1.1e6, 1000, 7, 5, "EPSG:6372"};
    g.values.resize(g.spec.cells());
    for (std::size_t i = 0; i < g.values.size(); ++i) g.values[i] = 0.25f * static_cast<float>(i * i % 17);
    const std::string dir = test::temp_dir("density-tif");
    const std::string path = std::string(dir).append("/d.tif");
    auto w = write_density_geotiff(g, path, "incidents per km²");
    REQUIRE(w.ok());
    GDALAllRegister();
    std::unique_ptr<GDALDataset, void (*)(GDALDataset*)> ds(GDALDataset::Open(path.c_str(), GDAL_OF_RASTER),
                                                           [](GDALDataset* d) { GDALClose(d); });
    REQUIRE(ds);
    CHECK(ds->GetRasterXSize() == 7);
    CHECK(ds->GetRasterYSize() == 5);
    double t[6];
    REQUIRE(ds->GetGeoTransform(t) == CE_None);
    CHECK(t[0] == 2.5e6);
    CHECK(t[1] == 1000);
    CHECK(t[3] == 1.1e6 + 5000);
    CHECK(t[5] == -1000);
    const OGRSpatialReference* srs = ds->GetSpatialRef();
    REQUIRE(srs);
    CHECK(std::string(srs->GetAuthorityCode(nullptr)) == "6372");
    GDALRasterBand* band = ds->GetRasterBand(1);
    CHECK(band->GetRasterDataType() == GDT_Float32);
    CHECK(std::string(band->GetDescription()) == "incidents per km²");
    int has_nodata = 0;
    band->GetNoDataValue(&has_nodata);
    CHECK_FALSE(has_nodata);
    std::vector<float> rows(35);
    REQUIRE(band->RasterIO(GF_Read, 0, 0, 7, 5, rows.data(), 7, 5, GDT_Float32, 0, 0) == CE_None);
    for (auto [i, j] : {std::pair{0, 0}, {6, 4}, {3, 1}, {2, 4}})
        CHECK(rows[static_cast<std::size_t>(4 - j) * 7 + i] == g.at(i, j));  // file row 0 is the north

    // Several tiles of 256 x 256, the last ones cut by the grid's edges, compressed or not: the
    // same cells come back. The compressed file says how it is compressed, as GDAL reads it.
    DensityGrid big;
    big.spec = GridSpec{2.5e6, 1.1e6, 1000, 600, 530, "EPSG:6372"};
    big.values.resize(big.spec.cells());
    std::mt19937 rng(1910);
    std::uniform_real_distribution<float> noise(0.0f, 1e-3f);
    for (int j = 0; j < big.spec.ny; ++j)
        for (int i = 0; i < big.spec.nx; ++i) {
            const double d2 = (std::pow(i - 300.0, 2) + std::pow(j - 200.0, 2)) / (150.0 * 150.0);
            big.values[static_cast<std::size_t>(j) * big.spec.nx + i] =
                d2 < 1 ? static_cast<float>(12.5 * (1 - d2) * (1 - d2)) + (i % 7 == 0 ? noise(rng) : 0.0f) : 0.0f;
        }
    big.values.back() = 99.0f;  // the north-east corner cell, in the last (partial) tile
    for (const auto compression : {RasterCompression::Deflate, RasterCompression::Plain}) {
        const std::string big_path = dir + (compression == RasterCompression::Deflate ? "/big.tif" : "/big-plain.tif");
        REQUIRE(write_density_geotiff(big, big_path, "incidents per km²", {}, compression));
        std::unique_ptr<GDALDataset, void (*)(GDALDataset*)> f(GDALDataset::Open(big_path.c_str(), GDAL_OF_RASTER),
                                                              [](GDALDataset* d) { GDALClose(d); });
        REQUIRE(f);
        const char* method = f->GetMetadataItem("COMPRESSION", "IMAGE_STRUCTURE");
        if (compression == RasterCompression::Deflate) {
            REQUIRE(method);
            CHECK(std::string(method) == "DEFLATE");
            CHECK(std::string(f->GetMetadataItem("PREDICTOR", "IMAGE_STRUCTURE")) == "3");
        } else {
            CHECK(method == nullptr);
        }
        std::vector<float> cells(big.spec.cells());
        REQUIRE(f->GetRasterBand(1)->RasterIO(GF_Read, 0, 0, 600, 530, cells.data(), 600, 530, GDT_Float32, 0, 0) ==
                CE_None);
        std::size_t differ = 0;
        for (int j = 0; j < 530; ++j)
            for (int i = 0; i < 600; ++i) differ += cells[static_cast<std::size_t>(529 - j) * 600 + i] != big.at(i, j);
        CHECK(differ == 0);
        CHECK(cells[599] == 99.0f);
    }

    const auto bad = write_density_geotiff(g, "/nonexistent-dir/d.tif", "x");
    REQUIRE_FALSE(bad.ok());
    CHECK_THAT(bad.error(), Catch::Contains("/nonexistent-dir/d.tif"));
}

TEST_CASE("a density GeoTIFF the file system refuses says why and prints nothing", "[density]") {
    // A file-size limit stands in for a full disk: writes past it fail with EFBIG.
    DensityGrid g;
    g.spec = GridSpec{2.5e6, 1.1e6, 1000, 1000, 800, "EPSG:6372"};
    g.values.resize(g.spec.cells());
    std::mt19937 rng(2021);
    std::uniform_real_distribution<float> noise(0.0f, 1.0f);
    for (float& v : g.values) v = noise(rng);  // about 3 MB whether compressed or not
    const std::string dir = test::temp_dir("density-tif-full");
    const std::string stderr_path = dir + "/stderr.txt";
    std::vector<std::pair<std::string, Result<bool>>> results;

    std::fflush(stderr);
    const int saved_stderr = dup(2);
    REQUIRE(saved_stderr >= 0);
    std::FILE* capture = std::fopen(stderr_path.c_str(), "w");
    REQUIRE(capture);
    dup2(fileno(capture), 2);
    rlimit old_limit{};
    getrlimit(RLIMIT_FSIZE, &old_limit);
    const auto old_signal = std::signal(SIGXFSZ, SIG_IGN);
    rlimit small = old_limit;
    small.rlim_cur = 256 * 1024;
    const bool limited = setrlimit(RLIMIT_FSIZE, &small) == 0;
    if (limited)
        for (const auto compression : {RasterCompression::Deflate, RasterCompression::Plain}) {
            const std::string path = dir + (compression == RasterCompression::Deflate ? "/full.tif" : "/full-plain.tif");
            results.emplace_back(path, write_density_geotiff(g, path, "incidents per km²", {}, compression));
        }
    setrlimit(RLIMIT_FSIZE, &old_limit);
    std::signal(SIGXFSZ, old_signal);
    std::fflush(stderr);
    dup2(saved_stderr, 2);
    close(saved_stderr);
    std::fclose(capture);

    REQUIRE(limited);
    REQUIRE(results.size() == 2);
    for (const auto& [path, r] : results) {
        INFO(path);
        REQUIRE_FALSE(r.ok());
        CHECK_THAT(r.error(), Catch::StartsWith(path + ": "));
        CHECK_THAT(r.error(), Catch::Contains(std::strerror(EFBIG)));
    }
    std::ifstream printed(stderr_path);
    std::stringstream text;
    text << printed.rdbuf();
    CHECK(text.str().empty());
}

TEST_CASE("display grids keep radius/8 cells within the cell budget", "[density]") {
    const GridSpec small = display_grid_for({0, 0}, {100000, 50000}, 8000);
    CHECK(small.cell == 1000);
    CHECK(small.x0 == -8000);
    CHECK(small.x1() >= 108000);
    const GridSpec big = display_grid_for({0, 0}, {3e6, 2e6}, 25000, 1 << 18);
    CHECK(big.cells() <= (1u << 18));
    CHECK(big.cell > 25000.0 / 8);
}

TEST_CASE("a density grid's highest value within an area counts the cells whose centres are in it", "[density]") {
    DensityGrid g;
    g.spec.x0 = 1000, g.spec.y0 = 2000, g.spec.cell = 100, g.spec.nx = 4, g.spec.ny = 3;
    g.values = {1, 2, 3, 4,  //
                5, 6, 7, 8,  //
                9, 10, 11, 12};
    BBox all;
    all.add(Vec2{0, 0});
    all.add(Vec2{1e6, 1e6});
    CHECK(g.max_value_within(all) == 12);
    // Cell (1, 1)'s centre is (1150, 2150); (2, 1)'s is (1250, 2150).
    BBox middle;
    middle.add(Vec2{1150, 2150});
    middle.add(Vec2{1250, 2150});
    CHECK(g.max_value_within(middle) == 7);
    BBox just_short;  // stops before (2, 1)'s centre: only (1, 1)
    just_short.add(Vec2{1101, 2101});
    just_short.add(Vec2{1249, 2199});
    CHECK(g.max_value_within(just_short) == 6);
    BBox bottom_left;  // the first cell only, the area reaching past the grid's corner
    bottom_left.add(Vec2{0, 0});
    bottom_left.add(Vec2{1060, 2060});
    CHECK(g.max_value_within(bottom_left) == 1);
    BBox outside;
    outside.add(Vec2{5000, 5000});
    outside.add(Vec2{6000, 6000});
    CHECK(g.max_value_within(outside) == 0);
    CHECK(g.max_value_within(BBox{}) == 0);
}

namespace {

// `n` incidents on one day scattered around two towns (lon, lat; Gaussian, `spread` degrees):
// every `every`-th around the second, the rest around the first.
IncidentStore two_towns(Vec2 first, Vec2 second, int n, int every, double spread, unsigned seed) {
    IncidentStoreBuilder b;
    std::mt19937 rng(seed);
    std::normal_distribution<double> g(0, spread);
    for (int i = 0; i < n; ++i) {
        const Vec2 town = i % every == 0 ? second : first;
        b.add(incident_at("t" + std::to_string(i), town.x + g(rng), town.y + g(rng), "2019-10-17"));
    }
    return b.finish();
}

}  // namespace

TEST_CASE("a grid cut into FFT tiles matches the reference and is zero out of every kernel's reach", "[density]") {
    // Two clusters 1,900 km apart (Culiacán and Mérida) on 2 km cells with a 25 km quartic
    // kernel: about 1,000 x 500 cells, several 512-cell tiles each way, and tiles with no point
    // in reach between the clusters.
    const IncidentStore store = two_towns({-107.39, 24.80}, {-89.62, 20.97}, 3000, 3, 0.15, 11);
    auto pts = make_density_points(store, DensityWeight::Count);
    REQUIRE(pts);
    const KernelSpec k{KernelShape::Quartic, 25000};
    const GridSpec grid = grid_around(*pts, 2000, k.radius_m);
    CHECK(grid.nx > 900);
    const DensityGrid ref = density_reference(*pts, kAllTime, grid, k);
    DensityEngine two(grid, k, 2), one(grid, k, 1);
    DensityGrid a, c;
    two.compute(*pts, kAllTime, a);
    one.compute(*pts, kAllTime, c);
    CHECK(peak_relative_error(a, ref) < 1e-2);  // 12.5 cells a radius: the heatmap's accuracy, not the 1e-3 of 25
    // The binning bands and the tiles split the work, never the sums: the same floats.
    CHECK(a.values == c.values);
    // Out of every kernel's reach the reference is zero: so is a tile with nothing binned in its
    // reach, exactly; elsewhere float noise stays below a millionth of the peak.
    const double peak = ref.max_value();
    std::size_t out_of_reach = 0, exact_zeros = 0, above_noise = 0;
    for (int j = 0; j < grid.ny; j += 3)
        for (int i = 0; i < grid.nx; i += 3) {
            double nearest = INFINITY;
            for (std::size_t p = 0; p < pts->size(); p += 1)
                nearest = std::min(nearest, std::hypot(grid.center_x(i) - pts->x[p], grid.center_y(j) - pts->y[p]));
            if (nearest <= k.radius_m + 2 * grid.cell) continue;
            ++out_of_reach;
            exact_zeros += a.at(i, j) == 0.0f;
            above_noise += a.at(i, j) > 1e-6 * peak;
        }
    CHECK(out_of_reach > 10000);
    CHECK(exact_zeros > 5000);
    CHECK(above_noise == 0);
}

TEST_CASE("a surface handed on north first is final where it is said to be and written whole", "[density]") {
    // Culiacán to Oaxaca on 1 km cells: about 1,000 rows, three rows of tiles.
    const IncidentStore store = two_towns({-107.39, 24.80}, {-96.72, 17.06}, 2000, 2, 0.2, 5);
    auto pts = make_density_points(store, DensityWeight::Count);
    REQUIRE(pts);
    const KernelSpec k{KernelShape::Quartic, 25000};
    const GridSpec grid = grid_around(*pts, 1000, k.radius_m);
    REQUIRE(grid.ny > 2 * 462);
    DensityEngine engine(grid, k, 2);
    DensityGrid whole, handed;
    engine.compute(*pts, kAllTime, whole);
    // At each call, a copy of the rows said to be final.
    std::vector<std::pair<int, std::vector<float>>> calls;
    engine.compute(*pts, kAllTime, handed, [&](int rows) {
        const auto first = handed.values.begin() + static_cast<std::ptrdiff_t>(grid.ny - rows) * grid.nx;
        calls.emplace_back(rows, std::vector<float>(first, handed.values.end()));
    });
    CHECK(handed.values == whole.values);
    REQUIRE(calls.size() >= 2);
    CHECK(calls.back().first == grid.ny);
    for (std::size_t c = 0; c < calls.size(); ++c) {
        INFO("call " << c << ": " << calls[c].first << " rows");
        if (c > 0) CHECK(calls[c].first > calls[c - 1].first);
        const auto first = whole.values.end() - static_cast<std::ptrdiff_t>(calls[c].first) * grid.nx;
        CHECK(std::equal(first, whole.values.end(), calls[c].second.begin(), calls[c].second.end()));
    }

    // The writer takes the rows as they come, a few at a time, and writes every one.
    const std::string path = test::temp_dir("density-tif-rows") + "/rows.tif";
    auto writer = DensityGeoTiffWriter::create(grid, path, "incidents per km²", {}, RasterCompression::Deflate);
    REQUIRE(writer);
    std::atomic<int> asked = 0;  // the compressing threads all ask
    REQUIRE(writer->write(whole, [&](int have) {
        ++asked;
        return std::min(grid.ny, have + 97);
    }));
    CHECK(asked >= grid.ny / 97);
    GDALAllRegister();
    std::unique_ptr<GDALDataset, void (*)(GDALDataset*)> ds(GDALDataset::Open(path.c_str(), GDAL_OF_RASTER),
                                                           [](GDALDataset* d) { GDALClose(d); });
    REQUIRE(ds);
    std::vector<float> file(grid.cells());
    REQUIRE(ds->GetRasterBand(1)->RasterIO(GF_Read, 0, 0, grid.nx, grid.ny, file.data(), grid.nx, grid.ny, GDT_Float32, 0,
                                           0) == CE_None);
    std::size_t differ = 0;
    for (int j = 0; j < grid.ny; ++j)
        for (int i = 0; i < grid.nx; ++i)
            differ += file[static_cast<std::size_t>(grid.ny - 1 - j) * grid.nx + i] != whole.at(i, j);
    CHECK(differ == 0);
}
