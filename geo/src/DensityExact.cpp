// Exact accumulation: density_reference's sum, fast enough to be a method of its own where the
// kernel covers few cells.
//
// - The points of the window are first sorted by tile (counting sort on tiles of about a
//   kernel's width). Taken in store order (time), each point would touch its own rows of a grid
//   of tens of MB, a cache and TLB miss per row: measured at 1M points and a 25-cell radius,
//   sorting made the sum several times faster.
// - Per point only the cells of each row's chord of the disc are visited (about πr² cells, not
//   the (2r + 1)² of the box), in a loop without early exit that vectorises; the kernel comes
//   from q = d²/h² without a square root, the Gaussian as a product of a per-column and a
//   per-row factor (exp(-a(qx + qy)) = exp(-a·qx)·exp(-a·qy)).
// - Threads take bands of rows and write only their own rows, so no two share a cell.
#include <algorithm>
#include <cmath>
#include <thread>
#include <vector>

#include "DensityBinning.hpp"
#include "mirador/geo/DensitySurface.hpp"

namespace mirador::geo {

namespace {

// σ = h/3: exp(-r²/2σ²) = exp(-4.5·q) (DensityKernel.cpp).
constexpr double kGaussianExponent = 4.5;

// Float positions are DensityPoints' own; a float weight x share keeps 1e-7 of it, below the
// float output's own rounding. Twelve bytes: a million points are 12 MB.
struct WeightedPoint {
    float x, y, w;  // metres; weight x share of the window
};

// The window's points with their weights, sorted by tile of `tile` cells (rows of tiles, south
// to north, each west to east): a counting sort in two passes over the window, so nothing is
// allocated but the result (fresh memory is costly here: a page fault each 4 KB).
std::vector<WeightedPoint> sorted_by_tile(const DensityPoints& pts, DayRange window, const GridSpec& grid, int tile) {
    const int tx = std::max(1, (grid.nx + tile - 1) / tile), ty = std::max(1, (grid.ny + tile - 1) / tile);
    const auto tile_of = [&](std::size_t p) {
        const double fx = std::floor((pts.x[p] - grid.x0) / grid.cell), fy = std::floor((pts.y[p] - grid.y0) / grid.cell);
        const int i = static_cast<int>(std::clamp(fx / tile, 0.0, tx - 1.0));
        const int j = static_cast<int>(std::clamp(fy / tile, 0.0, ty - 1.0));
        return static_cast<std::size_t>(j) * tx + i;
    };
    std::vector<std::size_t> start(static_cast<std::size_t>(tx) * ty + 1, 0);
    detail::for_each_in_window(pts, window, [&](std::size_t p, double) { ++start[tile_of(p) + 1]; });
    for (std::size_t t = 1; t < start.size(); ++t) start[t] += start[t - 1];
    std::vector<WeightedPoint> out(start.back());
    detail::for_each_in_window(pts, window, [&](std::size_t p, double w) {
        out[start[tile_of(p)]++] = {pts.x[p], pts.y[p], static_cast<float>(w)};
    });
    return out;
}

template <KernelShape S>
void accumulate_band(const std::vector<WeightedPoint>& pts, const GridSpec& grid, const KernelSpec& k, int row_first,
                     int row_last, double* acc) {
    const double h = k.radius_m, inv_h2 = 1.0 / (h * h), c = grid.cell;
    std::vector<double> qx, fx;
    for (const WeightedPoint& p : pts) {
        const double x = p.x, y = p.y, w = p.w;
        auto [j0, j1] = detail::cells_within(y, h, grid.y0, c, grid.ny);
        j0 = std::max(j0, row_first);
        j1 = std::min(j1, row_last - 1);
        const auto [i0, i1] = detail::cells_within(x, h, grid.x0, c, grid.nx);
        if (j1 < j0 || i1 < i0) continue;
        const int n = i1 - i0 + 1;
        qx.resize(static_cast<std::size_t>(n));
        fx.resize(static_cast<std::size_t>(n));
        for (int i = 0; i < n; ++i) {
            const double dx = grid.center_x(i0 + i) - x;
            qx[static_cast<std::size_t>(i)] = dx * dx * inv_h2;
            if constexpr (S == KernelShape::Gaussian)
                fx[static_cast<std::size_t>(i)] = std::exp(-kGaussianExponent * qx[static_cast<std::size_t>(i)]);
        }
        const double* __restrict qxs = qx.data();
        [[maybe_unused]] const double* __restrict fxs = fx.data();
        for (int j = j0; j <= j1; ++j) {
            const double dy = grid.center_y(j) - y, qy = dy * dy * inv_h2;
            if (!(qy < 1.0)) continue;
            // This row's chord of the disc, give or take a cell (the mask below decides).
            auto [a, b] = detail::cells_within(x, h * std::sqrt(1.0 - qy), grid.x0, c, grid.nx);
            a = std::max(a, i0) - i0;
            b = std::min(b, i1) - i0;
            double* __restrict row = acc + static_cast<std::size_t>(j - row_first) * grid.nx + i0;
            [[maybe_unused]] const double wy = S == KernelShape::Gaussian ? w * std::exp(-kGaussianExponent * qy) : w;
            // Branch-free (a branch at each end of each chord was mispredicted every time):
            // max(0, 1 - q) is the kernel's own cut for the quartic and Epanechnikov.
            for (int i = a; i <= b; ++i) {
                const double t = std::max(0.0, 1.0 - (qxs[i] + qy));
                if constexpr (S == KernelShape::Quartic) row[i] += w * t * t;
                else if constexpr (S == KernelShape::Epanechnikov) row[i] += w * t;
                else row[i] += t > 0.0 ? wy * fxs[i] : 0.0;
            }
        }
    }
}

void accumulate(const std::vector<WeightedPoint>& pts, const GridSpec& grid, const KernelSpec& k, int row_first, int row_last,
                double* acc) {
    switch (k.shape) {
        case KernelShape::Quartic: return accumulate_band<KernelShape::Quartic>(pts, grid, k, row_first, row_last, acc);
        case KernelShape::Epanechnikov: return accumulate_band<KernelShape::Epanechnikov>(pts, grid, k, row_first, row_last, acc);
        case KernelShape::Gaussian: return accumulate_band<KernelShape::Gaussian>(pts, grid, k, row_first, row_last, acc);
    }
}

}  // namespace

void density_exact(const DensityPoints& pts, DayRange window, const GridSpec& grid, const KernelSpec& k, DensityGrid& out,
                   int threads) {
    const int t = std::clamp(threads > 0 ? threads : static_cast<int>(std::thread::hardware_concurrency()), 1,
                             std::max(1, grid.ny));
    // Tiles about a kernel across: a tile's points then touch a patch of (tile + 2r)² cells.
    const int tile = std::clamp(static_cast<int>(std::ceil(2 * k.radius_m / grid.cell)), 8, 256);
    const std::vector<WeightedPoint> sorted = sorted_by_tile(pts, window, grid, tile);
    out.spec = grid;
    out.values.assign(grid.cells(), 0.0f);
    const double scale = kernel_density(k, 0.0) * 1e6;  // shape -> per km²
    // Each band keeps double sums (a float cell summing a million small terms would drift by
    // 1e-4), converted to per km² floats as it finishes.
    const auto band = [&](int b) {
        const int first = static_cast<int>(static_cast<long>(grid.ny) * b / t);
        const int last = static_cast<int>(static_cast<long>(grid.ny) * (b + 1) / t);
        std::vector<double> acc(static_cast<std::size_t>(last - first) * grid.nx, 0.0);
        accumulate(sorted, grid, k, first, last, acc.data());
        float* dst = out.values.data() + static_cast<std::size_t>(first) * grid.nx;
        for (std::size_t i = 0; i < acc.size(); ++i) dst[i] = static_cast<float>(acc[i] * scale);
    };
    std::vector<std::thread> pool;
    for (int b = 1; b < t; ++b) pool.emplace_back(band, b);
    band(0);
    for (auto& th : pool) th.join();
}

}  // namespace mirador::geo
