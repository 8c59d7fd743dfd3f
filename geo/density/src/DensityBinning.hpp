#pragma once
// What the density engines share: which points a window holds and with what share, and how a
// point's weight is split among the four nearest cell centres. Internal to geo/density.
#include <cmath>
#include <cstdint>
#include <limits>
#include <tuple>
#include <utility>
#include <algorithm>

#include "mirador/geo/DensityPoints.hpp"
#include "mirador/geo/TimeWindow.hpp"

namespace mirador::geo::detail {

// All of time, for callers without a window.
inline constexpr DayRange kAllTime{std::numeric_limits<std::int32_t>::min() / 2, std::numeric_limits<std::int32_t>::max() / 2};

// For points without a store (DensityPoints.hpp): the same as for_each_in_window (below) over
// the points [first, last) alone, in index order.
template <typename F>
void for_each_in_window_between(const DensityPoints& pts, DayRange window, std::size_t first, std::size_t last, F&& f) {
    const bool spans = !pts.day_start.empty();
    for (std::size_t i = first; i < last; ++i) {
        if (pts.weight[i] == 0.0f || std::isnan(pts.x[i]) || std::isnan(pts.y[i])) continue;
        double share = 1.0;
        if (spans) {
            const std::int32_t a = pts.day_start[i], b = pts.day_end[i];
            if (a > window.to || b < window.from) continue;
            if (a < window.from || b > window.to) share = span_fraction_in(a, b, window);
        }
        f(i, pts.weight[i] * share);
    }
}

// Calls f(i, weight x fraction) for every placed point with a non-zero share of `window`.
// Without a store, each point's own span (if any) against the window, else every point whole.
template <typename F>
void for_each_in_window(const DensityPoints& pts, DayRange window, F&& f) {
    const IncidentStore* s = pts.store;
    auto visit = [&](std::size_t i) {
        if (pts.weight[i] == 0.0f || std::isnan(pts.x[i]) || std::isnan(pts.y[i])) return;
        double share = 1.0;
        if (s) {
            const std::int32_t a = s->day_start()[i], b = s->day_end()[i];
            if (a > window.to || b < window.from) return;
            if (a < window.from || b > window.to) share = span_fraction_in(a, b, window);
        }
        f(i, pts.weight[i] * share);
    };
    if (!s) return for_each_in_window_between(pts, window, 0, pts.size(), f);
    // The long-span incidents that began before the window's range, then the range: time order.
    const IncidentStore::OverlapScan scan = s->scan_overlapping(window.from, window.to);
    for (const std::uint32_t i : scan.before) visit(i);
    for (std::size_t i = scan.first; i < scan.last; ++i) visit(i);
}

// The cells [first, last] of one axis (n cells of size c from origin o) whose centres
// o + (i + 0.5)·c may lie within h of v: the exact engines' loop bounds. Empty when last < first.
inline std::pair<int, int> cells_within(double v, double h, double o, double c, int n) {
    const int first = std::max(0, static_cast<int>(std::floor((v - h - o) / c - 0.5)));
    const int last = std::min(n - 1, static_cast<int>(std::ceil((v + h - o) / c - 0.5)));
    return {first, last};
}

// Cell centres of a grid (nx x ny, lower-left corner x0, y0) as binning nodes.
struct BinLattice {
    double x0 = 0, y0 = 0, cell = 1;
    int nx = 0, ny = 0;
    std::size_t row_stride = 0;  // of the target array; 0: nx

    // Linear binning: f(cell index, share) for each of the four nodes around (x, y) that lie
    // in the lattice; the shares sum to 1 and keep the point's centre of mass.
    template <typename F>
    void split(double x, double y, F&& f) const {
        const double fx = (x - x0) / cell - 0.5, fy = (y - y0) / cell - 0.5;
        const double ix = std::floor(fx), iy = std::floor(fy);
        if (ix < -1 || iy < -1 || ix >= nx || iy >= ny) return;
        const int i = static_cast<int>(ix), j = static_cast<int>(iy);
        const double wx = fx - ix, wy = fy - iy;
        const double sx[2] = {1 - wx, wx}, sy[2] = {1 - wy, wy};
        const std::size_t stride = row_stride ? row_stride : static_cast<std::size_t>(nx);
        for (int b = 0; b < 2; ++b) {
            const int jj = j + b;
            if (jj < 0 || jj >= ny) continue;
            for (int a = 0; a < 2; ++a) {
                const int ii = i + a;
                if (ii < 0 || ii >= nx) continue;
                f(static_cast<std::size_t>(jj) * stride + ii, sx[a] * sy[b]);
            }
        }
    }
};

}  // namespace mirador::geo::detail
