// `mirador density`'s surface (DensitySurface.hpp) against the exact per-point sum at many
// cell/radius ratios: exact accumulation, binning + FFT (with oversampling where the kernel
// covers few cells) and the planner's choice between them.
#include <catch2/catch.hpp>

#include <gdal_priv.h>

#include <cmath>
#include <limits>
#include <random>

#include "TestData.hpp"
#include "mirador/geo/DensityRaster.hpp"
#include "mirador/geo/DensitySurface.hpp"
#include "mirador/geo/IncidentDate.hpp"
#include "mirador/geo/IncidentStore.hpp"

using namespace mirador;
using namespace mirador::geo;

namespace {

constexpr DayRange kAll{std::numeric_limits<std::int32_t>::min() / 2, std::numeric_limits<std::int32_t>::max() / 2};
constexpr KernelShape kShapes[] = {KernelShape::Quartic, KernelShape::Epanechnikov, KernelShape::Gaussian};
constexpr double kRadius = 25000;

// 36 points, each alone (three radii from the next), at random offsets: binning's worst case.
DensityPoints isolated(unsigned seed) {
    std::mt19937 rng(seed);
    std::uniform_real_distribution<double> u(0, 1);
    DensityPoints p;
    for (int i = 0; i < 6; ++i)
        for (int j = 0; j < 6; ++j) {
            p.x.push_back(static_cast<float>(2.3e6 + 3 * kRadius * i + kRadius * u(rng)));
            p.y.push_back(static_cast<float>(1.2e6 + 3 * kRadius * j + kRadius * u(rng)));
            p.weight.push_back(static_cast<float>(1 + (i + j) % 3));  // weights 1-3, as fatalities
        }
    return p;
}

// 2,000 points in three Gaussian clusters of 5-20 km and a uniform background.
DensityPoints clustered(unsigned seed) {
    std::mt19937 rng(seed);
    std::uniform_real_distribution<double> u(0, 1);
    std::normal_distribution<double> g(0, 1);
    const double centres[][3] = {{2.4e6, 1.3e6, 5000}, {2.5e6, 1.35e6, 20000}, {2.45e6, 1.25e6, 10000}};
    DensityPoints p;
    for (int i = 0; i < 2000; ++i) {
        const int c = i % 4;
        const double x = c < 3 ? centres[c][0] + centres[c][2] * g(rng) : 2.3e6 + 3e5 * u(rng);
        const double y = c < 3 ? centres[c][1] + centres[c][2] * g(rng) : 1.2e6 + 2e5 * u(rng);
        p.x.push_back(static_cast<float>(x));
        p.y.push_back(static_cast<float>(y));
        p.weight.push_back(1.0f);
    }
    return p;
}

GridSpec grid_for(const DensityPoints& p, double cell) {
    const auto e = placed_extent(p);
    REQUIRE(e);
    return grid_covering(e->first, e->second, kRadius, cell);
}

// Σ|a - exact| / Σ exact.
double relative_l1(const DensityGrid& a, const DensityGrid& exact) {
    REQUIRE(a.spec == exact.spec);
    double d = 0, s = 0;
    for (std::size_t i = 0; i < a.values.size(); ++i) {
        d += std::abs(double(a.values[i]) - exact.values[i]);
        s += std::abs(double(exact.values[i]));
    }
    REQUIRE(s > 0);
    return d / s;
}

}  // namespace

TEST_CASE("exact accumulation is the per-point sum, on any number of threads", "[density][methods]") {
    const DensityPoints p = clustered(3);
    for (KernelShape shape : kShapes) {
        const KernelSpec k{shape, kRadius};
        for (double r : {0.6, 2.0, 5.0, 12.5}) {
            const GridSpec grid = grid_for(p, kRadius / r);
            const DensityGrid ref = density_reference(p, kAll, grid, k);
            for (int threads : {1, 3}) {
                DensityGrid out;
                density_exact(p, kAll, grid, k, out, threads);
                INFO(to_string(shape) << " R " << r << ", " << threads << " threads");
                CHECK(relative_l1(out, ref) < 1e-6);
            }
        }
    }
}

TEST_CASE("the density surface is within 1e-3 relative L1 of the exact sum at every cell/radius ratio",
          "[density][methods]") {
    const DensityPoints sets[] = {isolated(5), clustered(9)};
    for (KernelShape shape : kShapes) {
        const KernelSpec k{shape, kRadius};
        for (double r : {1.0, 2.0, 3.5, 5.0, 8.0, 12.5, 25.0, 40.0}) {
            for (const DensityPoints& p : sets) {
                const GridSpec grid = grid_for(p, kRadius / r);
                const DensityGrid ref = density_reference(p, kAll, grid, k);
                // Both methods must meet the bound, whichever the planner would pick: the FFT
                // with the oversampling it needs here, and the planner's choice for few points
                // (exact) and for a million (the FFT wherever it is cheaper).
                const DensityPlan fft = fft_plan(grid, k);
                CHECK(fft.oversampling % 2 == 1);
                CHECK(r * fft.oversampling >= fft_min_radius_cells(shape));
                for (const DensityPlan& plan : {fft, plan_density(grid, k, p.size()), plan_density(grid, k, 1000000)}) {
                    DensityGrid out;
                    compute_density(p, kAll, grid, k, plan, out, 2);
                    INFO(to_string(shape) << " R " << r << " (" << p.size() << " points): " << describe(plan, grid, k));
                    CHECK(relative_l1(out, ref) <= 1e-3);
                }
            }
        }
    }
}

TEST_CASE("the planner sums exactly where the kernel covers few cells and convolves where it covers many",
          "[density][methods]") {
    // Mexico at 1 km, 25 km quartic, a million points (the QGIS comparison): the FFT, as it is.
    const GridSpec mexico{1070000, 300000, 1000, 3050, 2100, "EPSG:6372"};
    const KernelSpec quartic{KernelShape::Quartic, 25000};
    DensityPlan p = plan_density(mexico, quartic, 1000000);
    CHECK(p.method == DensityMethod::Fft);
    CHECK(p.oversampling == 1);
    CHECK(p.fft_seconds < p.exact_seconds);
    // A dozen incidents: summing them is cheaper than any transform.
    p = plan_density(mexico, quartic, 12);
    CHECK(p.method == DensityMethod::Exact);
    // A 1 km kernel on 1 km cells covers a handful of cells: exact even for a million points
    // (an accurate FFT would need cells of 45 m over the whole country).
    p = plan_density(mexico, {KernelShape::Quartic, 1000}, 1000000);
    CHECK(p.method == DensityMethod::Exact);
    CHECK(p.fft_seconds == std::numeric_limits<double>::infinity());
    // Words for the file.
    CHECK_THAT(describe(plan_density(mexico, quartic, 12), mexico, quartic), Catch::StartsWith("exact"));
    CHECK_THAT(describe(fft_plan(mexico, quartic), mexico, quartic), Catch::StartsWith("fft") && Catch::Contains("1000 m"));
    GridSpec coarse = mexico;
    coarse.cell = 5000;
    CHECK_THAT(describe(fft_plan(coarse, quartic), coarse, quartic), Catch::Contains("1000 m (5 x finer"));
}

TEST_CASE("exact accumulation honours the time window and the weights", "[density][methods]") {
    IncidentStoreBuilder b;
    const char* dates[] = {"2019-10-05", "2019-10", "2019", "2020-03-01"};
    for (int i = 0; i < 4; ++i) {
        Incident in;
        in.id = std::string("w").append(std::to_string(i));  // not "w" + ...: GCC 12 -Wrestrict false positive
        in.lon = -107.39 + 0.05 * i;
        in.lat = 24.80;
        in.date = parse_incident_date(dates[i]).value();
        in.fatalities = static_cast<std::uint32_t>(i + 1);
        b.add(in);
    }
    const IncidentStore store = b.finish();
    auto pts = make_density_points(store, DensityWeight::Fatalities);
    REQUIRE(pts);
    const DayRange october{days_from_civil(2019, 10, 1), days_from_civil(2019, 10, 31)};
    for (KernelShape shape : kShapes) {
        const KernelSpec k{shape, 10000};
        const GridSpec grid = grid_for(*pts, 2000);
        const DensityGrid ref = density_reference(*pts, october, grid, k);
        DensityGrid out;
        density_exact(*pts, october, grid, k, out, 2);
        CHECK(relative_l1(out, ref) < 1e-6);
        CHECK(count_in_window(*pts, october) == 3);  // the day, the month and the year; not 2020
    }
}

TEST_CASE("the method is written in the GeoTIFF's metadata", "[density][methods]") {
    DensityGrid g;
    g.spec = GridSpec{2.5e6, 1.1e6, 1000, 4, 3, "EPSG:6372"};
    g.values.assign(g.spec.cells(), 1.5f);
    const std::string path = test::temp_dir("density-metadata") + "/d.tif";
    REQUIRE(write_density_geotiff(g, path, "incidents per km²", {{"DENSITY_METHOD", "exact"}, {"DENSITY_KERNEL", "quartic"}}));
    GDALAllRegister();
    GDALDataset* ds = GDALDataset::Open(path.c_str(), GDAL_OF_RASTER);
    REQUIRE(ds);
    const char* method = ds->GetMetadataItem("DENSITY_METHOD");
    const char* kernel = ds->GetMetadataItem("DENSITY_KERNEL");
    CHECK(std::string(method ? method : "") == "exact");
    CHECK(std::string(kernel ? kernel : "") == "quartic");
    GDALClose(ds);
}
