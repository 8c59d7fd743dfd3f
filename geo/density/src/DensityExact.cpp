// Exact accumulation: density_reference's sum, fast enough to be a method of its own where the
// kernel covers few cells.
//
// - The points of the window are sorted by tile (a counting sort; tiles at least a kernel
//   across). Each tile's points are summed in double into a small patch (the tile and a margin of
//   a kernel radius), which stays in cache and is reused from tile to tile, then the patch is
//   added to the float output. A cell thus receives a handful of double partial sums, not a
//   million float terms; and no grid-sized double array is made (on this VM the page faults of
//   fresh memory cost more than the sums: 0.5 s for a 1 km grid of Mexico and a thousand points).
//   Taken in store (time) order instead, each point would touch its own rows of a grid of tens of
//   MB, a cache and TLB miss per row.
// - Per point only the cells of each row's chord of the disc are visited (about πr² cells, not
//   the (2r + 1)² of the box), in a loop without early exit that vectorises; the kernel comes
//   from q = d²/h² without a square root, the Gaussian as a product of a per-column and a
//   per-row factor (exp(-a(qx + qy)) = exp(-a·qx)·exp(-a·qy)).
// - Threads take whole rows of tiles, first the even ones, then the odd ones: a tile's patch
//   reaches only into the neighbouring rows of tiles, so no two threads write the same cell.
#include <algorithm>
#include <atomic>
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

struct Tiles {
    int size = 0, nx = 0, ny = 0;
    std::vector<WeightedPoint> points;  // sorted by tile: row by row, south to north, west to east
    std::vector<std::size_t> start;     // tile t's points are [start[t], start[t + 1])
};

// The window's points sorted by tile: a counting sort in two passes over the window, so nothing
// is allocated but the result.
Tiles sort_by_tile(const DensityPoints& pts, DayRange window, const GridSpec& grid, int size) {
    Tiles t;
    t.size = size;
    t.nx = std::max(1, (grid.nx + size - 1) / size);
    t.ny = std::max(1, (grid.ny + size - 1) / size);
    const auto tile_of = [&](std::size_t p) {
        const double fx = std::floor((pts.x[p] - grid.x0) / grid.cell), fy = std::floor((pts.y[p] - grid.y0) / grid.cell);
        const int i = static_cast<int>(std::clamp(fx / size, 0.0, t.nx - 1.0));
        const int j = static_cast<int>(std::clamp(fy / size, 0.0, t.ny - 1.0));
        return static_cast<std::size_t>(j) * t.nx + i;
    };
    t.start.assign(static_cast<std::size_t>(t.nx) * t.ny + 1, 0);
    detail::for_each_in_window(pts, window, [&](std::size_t p, double) { ++t.start[tile_of(p) + 1]; });
    for (std::size_t k = 1; k < t.start.size(); ++k) t.start[k] += t.start[k - 1];
    std::vector<std::size_t> next(t.start.begin(), t.start.end() - 1);
    t.points.resize(t.start.back());
    detail::for_each_in_window(pts, window, [&](std::size_t p, double w) {
        t.points[next[tile_of(p)]++] = {pts.x[p], pts.y[p], static_cast<float>(w)};
    });
    return t;
}

// Cells [x0, x0 + nx) x [y0, y0 + ny) of the grid, summed in double.
struct Patch {
    int x0 = 0, y0 = 0, nx = 0, ny = 0;
    std::vector<double> sum;
};

template <KernelShape S>
void accumulate(const WeightedPoint* first, const WeightedPoint* last, const GridSpec& grid, const KernelSpec& k,
                Patch& patch, std::vector<double>& qx, std::vector<double>& fx) {
    const double h = k.radius_m, inv_h2 = 1.0 / (h * h), c = grid.cell;
    for (const WeightedPoint* p = first; p != last; ++p) {
        const double x = p->x, y = p->y, w = p->w;
        auto [j0, j1] = detail::cells_within(y, h, grid.y0, c, grid.ny);
        auto [i0, i1] = detail::cells_within(x, h, grid.x0, c, grid.nx);
        j0 = std::max(j0, patch.y0), j1 = std::min(j1, patch.y0 + patch.ny - 1);
        i0 = std::max(i0, patch.x0), i1 = std::min(i1, patch.x0 + patch.nx - 1);
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
            // This row's chord of the disc, give or take a cell (the kernel's cut decides).
            auto [a, b] = detail::cells_within(x, h * std::sqrt(1.0 - qy), grid.x0, c, grid.nx);
            a = std::max(a, i0) - i0;
            b = std::min(b, i1) - i0;
            double* __restrict row =
                patch.sum.data() + static_cast<std::size_t>(j - patch.y0) * patch.nx + (i0 - patch.x0);
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

void accumulate_shape(const WeightedPoint* first, const WeightedPoint* last, const GridSpec& grid, const KernelSpec& k,
                      Patch& patch, std::vector<double>& qx, std::vector<double>& fx) {
    switch (k.shape) {
        case KernelShape::Quartic: return accumulate<KernelShape::Quartic>(first, last, grid, k, patch, qx, fx);
        case KernelShape::Epanechnikov: return accumulate<KernelShape::Epanechnikov>(first, last, grid, k, patch, qx, fx);
        case KernelShape::Gaussian: return accumulate<KernelShape::Gaussian>(first, last, grid, k, patch, qx, fx);
    }
}

}  // namespace

void density_exact(const DensityPoints& pts, DayRange window, const GridSpec& grid, const KernelSpec& k, DensityGrid& out,
                   int threads) {
    // A point reaches at most `margin` cells from its own (cells_within rounds outwards).
    const int margin = static_cast<int>(std::ceil(k.radius_m / grid.cell)) + 1;
    // Tiles at least two margins across: a tile's patch then reaches only the next row of
    // tiles, which the even/odd passes keep on one thread at a time.
    const Tiles tiles = sort_by_tile(pts, window, grid, std::max(16, 2 * margin));
    out.spec = grid;
    out.values.assign(grid.cells(), 0.0f);
    const double scale = kernel_density(k, 0.0) * 1e6;  // shape -> per km²
    const int t = std::clamp(threads > 0 ? threads : static_cast<int>(std::thread::hardware_concurrency()), 1,
                             std::max(1, (tiles.ny + 1) / 2));
    for (int parity = 0; parity < 2; ++parity) {
        std::atomic<int> next_row{parity};
        const auto work = [&] {
            Patch patch;
            std::vector<double> qx, fx;
            for (int tj; (tj = next_row.fetch_add(2)) < tiles.ny;) {
                for (int ti = 0; ti < tiles.nx; ++ti) {
                    const std::size_t tile = static_cast<std::size_t>(tj) * tiles.nx + ti;
                    const std::size_t first = tiles.start[tile], last = tiles.start[tile + 1];
                    if (first == last) continue;
                    patch.x0 = std::max(0, ti * tiles.size - margin);
                    patch.y0 = std::max(0, tj * tiles.size - margin);
                    patch.nx = std::min(grid.nx, (ti + 1) * tiles.size + margin) - patch.x0;
                    patch.ny = std::min(grid.ny, (tj + 1) * tiles.size + margin) - patch.y0;
                    patch.sum.assign(static_cast<std::size_t>(patch.nx) * patch.ny, 0.0);
                    accumulate_shape(tiles.points.data() + first, tiles.points.data() + last, grid, k, patch, qx, fx);
                    for (int j = 0; j < patch.ny; ++j) {
                        const double* src = patch.sum.data() + static_cast<std::size_t>(j) * patch.nx;
                        float* dst = out.values.data() + static_cast<std::size_t>(patch.y0 + j) * grid.nx + patch.x0;
                        for (int i = 0; i < patch.nx; ++i) dst[i] += static_cast<float>(src[i] * scale);
                    }
                }
            }
        };
        std::vector<std::thread> pool;
        for (int b = 1; b < t; ++b) pool.emplace_back(work);
        work();
        for (auto& th : pool) th.join();
    }
}

}  // namespace mirador::geo
