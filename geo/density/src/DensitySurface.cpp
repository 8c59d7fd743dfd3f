#include "mirador/geo/DensitySurface.hpp"

#include <cmath>
#include <cstdio>
#include <limits>
#include <numbers>

#include "DensityBinning.hpp"

namespace mirador::geo {

namespace {

// Beyond this many cells the FFT's buffers (float grid + spectrum) pass 1 GB: exact instead.
constexpr double kMaxFftCells = double(1 << 27);

// Cost model, seconds on one core of the project's machine (2-core AMD EPYC, CPU time), fitted
// to bench_density_methods --cost-only (README, Benchmarks). Exact: per point (tile sort, bounds,
// the column table), per row of its box (the chord's bounds: a square root, divisions), per cell
// of the chords, per grid cell (double sums cleared and converted). FFT: per cell of its grid and
// log2 of its size (the kernel's transform, the forward and the inverse one, the clearing and
// copying around them), per point binned.
// Measured at 1M points, 25 km radius: exact 0.13 s at R = 1 cell, 0.30 s at 5, 0.45 s at 7.1,
// 0.76 s at 10, 2.7 s at 25; FFT 0.36 s (x5 oversampling) at R = 5, 0.64 s (x3) at 10, 0.27 s
// at 25: the exact sum is the cheaper up to about R = 8 for a million points, and for far
// more cells for fewer points.
constexpr double kExactPerPoint = 8e-8;
constexpr double kExactPerRow = 1.2e-8;
constexpr double kExactPerCell = 1.0e-9;
constexpr double kExactPerGridCell = 3e-9;
constexpr double kFftPerCellLog = 0.75e-9;
constexpr double kBinPerPoint = 3.0e-8;

}  // namespace

const char* to_string(DensityMethod m) { return m == DensityMethod::Exact ? "exact" : "fft"; }

// Relative L1 error of binning + FFT against the exact sum, measured (bench_density --methods)
// for 100 isolated points at random offsets, as a function of the radius R in cells:
//   quartic       R 16: 1.5e-3  R 20: 8.4e-4  R 25: 6.0e-4  R 32: 3.4e-4   (about 0.38/R²)
//   Epanechnikov  R 25: 1.2e-3  R 32: 7.7e-4  R 40: 4.9e-4                 (about 0.78/R²: a kink at the rim)
//   Gaussian      R 32: 1.5e-3  R 40: 1.1e-3                               (about 0.042/R: cut with a step at the rim)
// Clustered points are 5 to 20 times closer. The bounds leave a margin below 1e-3.
double fft_min_radius_cells(KernelShape shape) {
    switch (shape) {
        case KernelShape::Quartic: return 22;
        case KernelShape::Epanechnikov: return 32;
        case KernelShape::Gaussian: return 56;
    }
    return 56;
}

std::size_t count_in_window(const DensityPoints& pts, DayRange window) {
    std::size_t n = 0;
    detail::for_each_in_window(pts, window, [&](std::size_t, double) { ++n; });
    return n;
}

DensityPlan fft_plan(const GridSpec& grid, const KernelSpec& k) {
    DensityPlan p;
    p.method = DensityMethod::Fft;
    const double r = k.radius_m / grid.cell;
    const double need = fft_min_radius_cells(k.shape);
    int s = 1;
    while (r * s < need) s += 2;
    p.oversampling = s;
    return p;
}

DensityPlan plan_density(const GridSpec& grid, const KernelSpec& k, std::size_t points) {
    DensityPlan p = fft_plan(grid, k);
    const double r = k.radius_m / grid.cell, n = static_cast<double>(points);
    const double rows = 2 * std::ceil(r) + 1, chord_cells = std::numbers::pi * r * r + 2 * rows;
    p.exact_seconds = n * (kExactPerPoint + rows * kExactPerRow + chord_cells * kExactPerCell) +
                      static_cast<double>(grid.cells()) * kExactPerGridCell;
    const double s = p.oversampling, margin = 2 * std::ceil(r * s);
    const double fft_cells = (grid.nx * s + margin) * (grid.ny * s + margin);
    p.fft_seconds = fft_cells > kMaxFftCells ? std::numeric_limits<double>::infinity()
                                             : 3 * fft_cells * std::log2(fft_cells) * kFftPerCellLog + n * kBinPerPoint;
    if (p.exact_seconds <= p.fft_seconds) p.method = DensityMethod::Exact, p.oversampling = 1;
    return p;
}

void compute_density(const DensityPoints& pts, DayRange window, const GridSpec& grid, const KernelSpec& k,
                     const DensityPlan& plan, DensityGrid& out, int threads, const std::function<void(int)>& rows_ready) {
    const auto all_ready = [&] {
        if (rows_ready) rows_ready(grid.ny);
    };
    if (plan.method == DensityMethod::Exact) {
        density_exact(pts, window, grid, k, out, threads);
        return all_ready();
    }
    const int s = std::max(1, plan.oversampling | 1);  // odd: fine centres include the grid's
    if (s == 1) {
        DensityEngine engine(grid, k, threads);
        engine.compute(pts, window, out, rows_ready);
        return;
    }
    GridSpec fine = grid;
    fine.cell = grid.cell / s;
    fine.nx = grid.nx * s;
    fine.ny = grid.ny * s;
    DensityEngine engine(fine, k, threads);
    DensityGrid f;
    engine.compute(pts, window, f);
    // Coarse centre x0 + (i + ½)·c is fine centre i·s + (s - 1)/2.
    out.spec = grid;
    out.values.resize(grid.cells());
    const int half = (s - 1) / 2;
    for (int j = 0; j < grid.ny; ++j)
        for (int i = 0; i < grid.nx; ++i)
            out.values[static_cast<std::size_t>(j) * grid.nx + i] = f.at(i * s + half, j * s + half);
    all_ready();
}

std::string describe(const DensityPlan& plan, const GridSpec& grid, const KernelSpec& k) {
    char buf[256];
    if (plan.method == DensityMethod::Exact) {
        std::snprintf(buf, sizeof buf, "exact: per-point sum of the kernel at every cell centre within %g m (%.3g cells)",
                      k.radius_m, k.radius_m / grid.cell);
    } else if (plan.oversampling == 1) {
        std::snprintf(buf, sizeof buf, "fft: linear binning + FFT convolution on the grid's cells of %g m (kernel radius %.3g cells)",
                      grid.cell, k.radius_m / grid.cell);
    } else {
        const double fine = grid.cell / plan.oversampling;
        std::snprintf(buf, sizeof buf,
                      "fft: linear binning + FFT convolution on cells of %g m (%d x finer than the grid's; kernel radius "
                      "%.3g cells), sampled at the grid's cell centres",
                      fine, plan.oversampling, k.radius_m / fine);
    }
    return buf;
}

}  // namespace mirador::geo
