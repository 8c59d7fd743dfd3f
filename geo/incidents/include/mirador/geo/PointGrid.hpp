#pragma once
// Points bucketed in a uniform grid of square cells: the point nearest to a place, among
// millions, is found by looking at the cells around the place, nearest first, instead of at
// every point (the incident under the cursor, every frame the mouse moves).
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <span>
#include <vector>

#include "mirador/geo/Vec2.hpp"

namespace mirador::geo {

class PointGrid {
public:
    PointGrid() = default;
    // Buckets `points`; points with a NaN or infinite coordinate are left out. The cell size
    // follows from the extent and the count: a few points per cell were they spread evenly.
    explicit PointGrid(std::span<const Vec2> points);

    // How many points it was built from, left-out ones included.
    std::size_t size() const { return count_; }

    // The index of the point nearest to `at`, within `radius` (inclusive), for which
    // accept(index) is true (asked only of points near enough to matter); of points equally
    // near, the lowest index; -1 when there is none. `points` are the ones it was built from.
    template <typename Accept>
    long nearest(std::span<const Vec2> points, Vec2 at, double radius, Accept&& accept) const;
    long nearest(std::span<const Vec2> points, Vec2 at, double radius) const {
        return nearest(points, at, radius, [](std::size_t) { return true; });
    }

private:
    double x0_ = 0, y0_ = 0, cell_ = 1;
    long nx_ = 0, ny_ = 0;
    std::size_t count_ = 0;
    std::vector<std::uint32_t> first_;  // cell c = y * nx + x holds order_[first_[c], first_[c + 1])
    std::vector<std::uint32_t> order_;  // point indices by cell, ascending within a cell
};

template <typename Accept>
long PointGrid::nearest(std::span<const Vec2> points, Vec2 at, double radius, Accept&& accept) const {
    if (nx_ == 0 || !(radius >= 0) || !std::isfinite(at.x) || !std::isfinite(at.y)) return -1;
    long best = -1;
    double best_d2 = radius * radius;
    auto visit_cell = [&](long x, long y) {
        const auto c = static_cast<std::size_t>(y * nx_ + x);
        for (std::uint32_t k = first_[c]; k < first_[c + 1]; ++k) {
            const std::uint32_t i = order_[k];
            const double dx = points[i].x - at.x, dy = points[i].y - at.y;
            const double d2 = dx * dx + dy * dy;
            const bool better = best < 0 ? d2 <= best_d2 : (d2 < best_d2 || (d2 == best_d2 && i < best));
            if (better && accept(static_cast<std::size_t>(i))) {
                best = static_cast<long>(i);
                best_d2 = d2;
            }
        }
    };
    // Rings of cells around the one `at` is in (in the unbounded grid, so `at` may be outside
    // the cells that exist), from the first ring that reaches the grid to the one that covers
    // it. Every point beyond ring r - 1 is at least as far as the edge of the square rings
    // 0..r-1 make, so the search stops once that edge is farther than the best so far (not at
    // equal distance: a lower index may still come).
    const double cx = std::floor((at.x - x0_) / cell_), cy = std::floor((at.y - y0_) / cell_);
    const double last_x = static_cast<double>(nx_ - 1), last_y = static_cast<double>(ny_ - 1);
    const double r_first = std::max({0.0, -cx, cx - last_x, -cy, cy - last_y});
    const double r_last = std::max({cx, last_x - cx, cy, last_y - cy});
    for (double r = r_first; r <= r_last; ++r) {
        if (r > 0) {
            const double edge = std::min({at.x - (x0_ + (cx - r + 1) * cell_), x0_ + (cx + r) * cell_ - at.x,
                                          at.y - (y0_ + (cy - r + 1) * cell_), y0_ + (cy + r) * cell_ - at.y});
            if (edge > 0 && edge * edge > best_d2) break;
        }
        const auto x_lo = static_cast<long>(std::max(0.0, cx - r)), x_hi = static_cast<long>(std::min(last_x, cx + r));
        const auto y_lo = static_cast<long>(std::max(0.0, cy - r)), y_hi = static_cast<long>(std::min(last_y, cy + r));
        if (x_lo > x_hi || y_lo > y_hi) continue;
        // The ring's bottom and top rows, then its left and right columns between them.
        if (cy - r >= 0)
            for (long x = x_lo; x <= x_hi; ++x) visit_cell(x, y_lo);
        if (r > 0 && cy + r <= last_y)
            for (long x = x_lo; x <= x_hi; ++x) visit_cell(x, y_hi);
        const long col_lo = cy - r >= 0 ? y_lo + 1 : y_lo, col_hi = cy + r <= last_y ? y_hi - 1 : y_hi;
        if (cx - r >= 0)
            for (long y = col_lo; y <= col_hi; ++y) visit_cell(x_lo, y);
        if (r > 0 && cx + r <= last_x)
            for (long y = col_lo; y <= col_hi; ++y) visit_cell(x_hi, y);
    }
    return best;
}

}  // namespace mirador::geo
