#include "mirador/geo/PointGrid.hpp"

#include "mirador/geo/BBox.hpp"

namespace mirador::geo {

PointGrid::PointGrid(std::span<const Vec2> points) : count_(points.size()) {
    BBox box;
    std::size_t finite = 0;
    for (const Vec2& p : points)
        if (std::isfinite(p.x) && std::isfinite(p.y)) {
            box.add(p);
            ++finite;
        }
    if (finite == 0) return;
    // About four points a cell if they were spread evenly: clustered data (most incidents in a
    // few dozen cities) crowds some cells, but a crowded cell is near the cursor only when the
    // nearest point is too, and then the search stops at the first ring.
    constexpr std::size_t kPointsPerCell = 4, kMaxCells = std::size_t{1} << 22;
    const double cells = static_cast<double>(std::clamp<std::size_t>(finite / kPointsPerCell, 1, kMaxCells));
    const double w = box.width(), h = box.height();
    // Square cells; on a thin extent (a line of points) no more cells along it than `cells`.
    cell_ = std::max(std::sqrt(w * h / cells), std::max(w, h) / cells);
    if (!(cell_ > 0) || !std::isfinite(cell_)) cell_ = 1;
    x0_ = box.min_x;
    y0_ = box.min_y;
    nx_ = static_cast<long>(std::floor(w / cell_)) + 1;
    ny_ = static_cast<long>(std::floor(h / cell_)) + 1;

    auto cell_of = [&](Vec2 p) {
        const long x = std::min(nx_ - 1, static_cast<long>((p.x - x0_) / cell_));
        const long y = std::min(ny_ - 1, static_cast<long>((p.y - y0_) / cell_));
        return static_cast<std::size_t>(y * nx_ + x);
    };
    first_.assign(static_cast<std::size_t>(nx_ * ny_) + 1, 0);
    for (const Vec2& p : points)
        if (std::isfinite(p.x) && std::isfinite(p.y)) ++first_[cell_of(p) + 1];
    for (std::size_t c = 1; c < first_.size(); ++c) first_[c] += first_[c - 1];
    order_.resize(finite);
    std::vector<std::uint32_t> next(first_.begin(), first_.end() - 1);
    for (std::size_t i = 0; i < points.size(); ++i)
        if (std::isfinite(points[i].x) && std::isfinite(points[i].y)) order_[next[cell_of(points[i])]++] = static_cast<std::uint32_t>(i);
}

}  // namespace mirador::geo
