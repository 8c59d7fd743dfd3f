// The two ways `mirador density` computes a surface (DensitySurface.hpp): how far binning + FFT
// is from the exact per-point sum at each cell/radius ratio, and what each costs, which is what
// plan_density()'s bounds and cost model are fitted to.
//
//   bench_density_methods [--rows N] [--threads T] [--accuracy-only | --cost-only]
//
//   accuracy  for each kernel and radius R (in cells): relative L1 (Σ|a - exact| / Σ exact) of
//             plain binning + FFT, and of the method plan_density() picks for 1M points, against
//             density_reference, on 100 isolated points at random offsets (binning's worst case)
//             and on 20,000 clustered ones (CityIncidents.hpp, the first N/50 of them).
//   cost      on N clustered points (default 1M) over Mexico, 25 km kernel, several cell sizes:
//             density_exact and the FFT timed on one thread and on T, against the planner's
//             estimates; the per-unit costs that fit the model are printed.
#include <cmath>
#include <cstring>
#include <random>
#include <string>

#include "BenchSupport.hpp"
#include "CityIncidents.hpp"
#include "mirador/geo/DensitySurface.hpp"

using namespace mirador::geo;
using namespace mirador::bench;

namespace {

constexpr DayRange kAll{INT32_MIN / 2, INT32_MAX / 2};
constexpr KernelShape kShapes[] = {KernelShape::Quartic, KernelShape::Epanechnikov, KernelShape::Gaussian};

double relative_l1(const DensityGrid& a, const DensityGrid& exact) {
    double d = 0, s = 0;
    for (std::size_t i = 0; i < a.values.size(); ++i) {
        d += std::abs(double(a.values[i]) - exact.values[i]);
        s += std::abs(double(exact.values[i]));
    }
    return d / s;
}

// 100 points on a 10 x 10 lattice three radii apart, each at a random offset within a radius.
DensityPoints isolated(double h) {
    std::mt19937 rng(11);
    std::uniform_real_distribution<double> u(0, 1);
    DensityPoints p;
    for (int i = 0; i < 10; ++i)
        for (int j = 0; j < 10; ++j) {
            p.x.push_back(static_cast<float>(2.2e6 + 3 * h * i + h * u(rng)));
            p.y.push_back(static_cast<float>(1.1e6 + 3 * h * j + h * u(rng)));
            p.weight.push_back(1.0f);
        }
    return p;
}

DensityPoints first_points(const DensityPoints& all, std::size_t n) {
    DensityPoints p;
    for (std::size_t i = 0; i < all.size() && p.size() < n; ++i) {
        if (std::isnan(all.x[i])) continue;
        p.x.push_back(all.x[i]), p.y.push_back(all.y[i]), p.weight.push_back(1.0f);
    }
    return p;
}

GridSpec grid_for(const DensityPoints& p, double h, double cell) {
    const auto e = placed_extent(p);
    if (!e) die("no points");
    return grid_covering(e->first, e->second, h, cell);
}

void accuracy(const DensityPoints& clustered) {
    const double h = 25000;
    std::printf("accuracy: relative L1 against the exact sum; 'planned' = plan_density() for 1M points\n");
    std::printf("%-13s %6s | %-9s %-9s | %-9s %-22s\n", "kernel", "R", "fft iso", "fft clus", "planned", "(method, oversampling)");
    for (KernelShape shape : kShapes) {
        const KernelSpec k{shape, h};
        for (double r : {1.0, 2.0, 3.0, 5.0, 8.0, 12.0, 16.0, 20.0, 25.0, 32.0, 40.0, 56.0}) {
            const double cell = h / r;
            double fft_err[2] = {0, 0}, planned_err = 0;
            DensityPlan planned;
            int which = 0;
            for (const DensityPoints& p : {isolated(h), clustered}) {
                const GridSpec grid = grid_for(p, h, cell);
                const DensityGrid exact = density_reference(p, kAll, grid, k);
                DensityEngine engine(grid, k, 2);
                DensityGrid fft;
                engine.compute(p, kAll, fft);
                fft_err[which] = relative_l1(fft, exact);
                if (which == 0) {
                    planned = plan_density(grid, k, 1000000);
                    DensityGrid out;
                    compute_density(p, kAll, grid, k, planned, out, 2);
                    planned_err = relative_l1(out, exact);
                }
                ++which;
            }
            std::printf("%-13s %6.0f | %9.2e %9.2e | %9.2e %s x%d\n", to_string(shape), r, fft_err[0], fft_err[1],
                        planned_err, to_string(planned.method), planned.oversampling);
        }
    }
}

void cost(const DensityPoints& pts, int threads) {
    const double h = 25000;
    const KernelSpec k{KernelShape::Quartic, h};
    const std::size_t n = count_in_window(pts, kAll);
    std::printf("\ncost: %zu points, quartic 25 km, Mexico's extent; seconds (1 thread, CPU time / %d threads, wall "
                "time) and the planner's one-core estimates\n",
                n, threads);
    for (double cell : {25000.0, 12500.0, 8000.0, 5000.0, 3500.0, 2500.0, 1000.0}) {
        const GridSpec grid = grid_for(pts, h, cell);
        const DensityPlan plan = plan_density(grid, k, n);
        const DensityPlan fft = fft_plan(grid, k);
        DensityGrid out;
        double measured[2][2] = {};  // [exact, fft][1 thread, T]
        for (int m = 0; m < 2; ++m)
            for (int t = 0; t < 2; ++t) {
                DensityPlan p = m == 0 ? DensityPlan{DensityMethod::Exact, 1} : fft;
                // The exact sum at fine cells takes minutes: skip where the estimate says so.
                if (m == 0 && plan.exact_seconds > 30) {
                    measured[m][t] = NAN;
                    continue;
                }
                // One thread: CPU time, which a busy machine disturbs less than wall time.
                const auto t0 = Clock::now();
                const double c0 = cpu_seconds();
                compute_density(pts, kAll, grid, k, p, out, t == 0 ? 1 : threads);
                measured[m][t] = t == 0 ? cpu_seconds() - c0 : s_since(t0);
            }
        const double r = h / cell, rows = 2 * std::ceil(r) + 1, chord = M_PI * r * r + 2 * rows;
        const double s = fft.oversampling, margin = 2 * std::ceil(r * s);
        const double f = (grid.nx * s + margin) * (grid.ny * s + margin);
        std::printf("cell %6.0f m (R %4.1f, %d x %d): exact %.3f / %.3f s (est. %.3f; %.2f ns per chord cell), fft x%d "
                    "%.3f / %.3f s (est. %.3f; %.2f ns per cell·log2, bins incl.) -> plan: %s\n",
                    cell, r, grid.nx, grid.ny, measured[0][0], measured[0][1], plan.exact_seconds,
                    measured[0][0] / (double(n) * chord) * 1e9, fft.oversampling, measured[1][0], measured[1][1],
                    plan.fft_seconds, measured[1][0] / (3 * f * std::log2(f)) * 1e9, to_string(plan.method));
    }
}

}  // namespace

int main(int argc, char** argv) {
    std::size_t rows = 1000000;
    int threads = 2;
    bool do_accuracy = true, do_cost = true;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        if (a == "--rows" && i + 1 < argc) rows = std::stoull(argv[++i]);
        else if (a == "--threads" && i + 1 < argc) threads = std::stoi(argv[++i]);
        else if (a == "--accuracy-only") do_cost = false;
        else if (a == "--cost-only") do_accuracy = false;
        else die("usage: bench_density_methods [--rows N] [--threads T] [--accuracy-only | --cost-only]");
    }
    const IncidentStore store = to_store(city_incidents(rows));
    auto pts = make_density_points(store, DensityWeight::Count);
    if (!pts) die(pts.error());
    if (do_accuracy) accuracy(first_points(*pts, 20000));
    if (do_cost) cost(*pts, threads);
    return 0;
}
