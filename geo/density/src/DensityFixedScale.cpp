#include <algorithm>
#include <cmath>
#include <numeric>

#include "DensityBinning.hpp"
#include "mirador/geo/DensityEngine.hpp"

namespace mirador::geo {

const char* to_string(NormalizeMode m) {
    switch (m) {
        case NormalizeMode::Fixed: return "fixed";
        case NormalizeMode::Domain: return "domain";
        case NormalizeMode::Relative: return "relative";
    }
    return "?";
}

namespace {

// An upper bound of a window's densest cell. Blocks are at least radius + 2 cells wide, so
// everything that reaches a cell (a point within the radius of it, moved at most one cell by
// the binning) lies in the 3 x 3 blocks around that cell's block; the cell then holds at most
// the kernel's peak times their weight.
struct BlockBound {
    const DensityPoints& pts;
    GridSpec lattice;
    int side = 1, bx = 1, by = 1;
    std::vector<double> blocks;

    BlockBound(const DensityPoints& p, const DensityEngine& e) : pts(p), lattice(e.binned_grid()) {
        side = static_cast<int>(std::ceil(e.kernel().radius_m / lattice.cell)) + 2;
        bx = (lattice.nx + side - 1) / side;
        by = (lattice.ny + side - 1) / side;
    }

    double heaviest_neighbourhood(DayRange window) {
        blocks.assign(static_cast<std::size_t>(bx) * by, 0.0);
        detail::for_each_in_window(pts, window, [&](std::size_t i, double w) {
            const double fx = (pts.x[i] - lattice.x0) / lattice.cell, fy = (pts.y[i] - lattice.y0) / lattice.cell;
            const int ci = static_cast<int>(std::clamp(fx, 0.0, lattice.nx - 1.0));
            const int cj = static_cast<int>(std::clamp(fy, 0.0, lattice.ny - 1.0));
            blocks[static_cast<std::size_t>(cj / side) * bx + ci / side] += w;
        });
        double best = 0;
        for (int j = 0; j < by; ++j)
            for (int i = 0; i < bx; ++i) {
                double s = 0;
                for (int b = std::max(0, j - 1); b <= std::min(by - 1, j + 1); ++b)
                    for (int a = std::max(0, i - 1); a <= std::min(bx - 1, i + 1); ++a) s += blocks[static_cast<std::size_t>(b) * bx + a];
                best = std::max(best, s);
            }
        return best;
    }
};

}  // namespace

FixedScaleResult fixed_scale_max(const DensityPoints& pts, const TimeAxis& axis, DensityEngine& engine) {
    FixedScaleResult r;
    r.windows = axis.count();
    if (r.windows == 0) return r;
    DensityGrid grid;
    const auto evaluate = [&](std::size_t k) {
        engine.compute(pts, axis.window(k), grid);
        ++r.evaluated;
        const double m = grid.max_value();
        if (r.evaluated == 1 || m > r.max) r.max = m, r.argmax = axis.window(k);
    };
    // Weights are non-negative, so every cell only grows along a cumulative axis.
    if (axis.spec().mode == WindowMode::Cumulative) {
        evaluate(r.windows - 1);
        return r;
    }
    BlockBound bound(pts, engine);
    std::vector<double> upper(r.windows);
    // The bound is exact arithmetic on the same weights; the slack covers float rounding in
    // the FFT, so a window is only skipped when it certainly cannot win.
    for (std::size_t k = 0; k < r.windows; ++k) upper[k] = bound.heaviest_neighbourhood(axis.window(k)) * engine.kernel_peak() * 1.001;
    std::vector<std::size_t> order(r.windows);
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return upper[a] > upper[b]; });
    for (std::size_t k : order) {
        if (r.evaluated > 0 && upper[k] <= r.max) break;
        evaluate(k);
    }
    return r;
}

}  // namespace mirador::geo
