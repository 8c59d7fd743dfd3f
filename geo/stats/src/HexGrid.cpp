#include "mirador/stats/HexGrid.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace mirador::stats {

namespace {
constexpr double kSqrt3 = 1.7320508075688772;
}

HexGrid::HexGrid(const geo::BBox& extent, double size_m, const std::function<bool(geo::Vec2)>& on_land,
                 std::span<const geo::Vec2> extra)
    : size_(size_m), x0_(extent.min_x), y0_(extent.min_y) {
    const double row = size_ * kSqrt3 / 2, radius = size_ / kSqrt3;
    const long rows = static_cast<long>(std::ceil(extent.height() / row)) + 1;
    std::vector<std::uint8_t> keep;
    for (long r = -1; r <= rows; ++r) {
        // The q range whose centres cover [min_x, max_x] on this row.
        const long q0 = static_cast<long>(std::floor(-r / 2.0)) - 1;
        const long q1 = static_cast<long>(std::ceil(extent.width() / size_ - r / 2.0)) + 1;
        for (long q = q0; q <= q1; ++q) {
            const geo::Vec2 c{x0_ + size_ * (q + r / 2.0), y0_ + row * r};
            bool land = on_land(c);
            for (int k = 0; k < 12 && !land; ++k) {
                // Corners at 30 + 60k degrees, edge midpoints between them.
                const double a = (30.0 + 30.0 * k) * M_PI / 180.0;
                const double d = k % 2 == 0 ? radius : size_ / 2;
                land = on_land({c.x + d * std::cos(a), c.y + d * std::sin(a)});
            }
            if (land) {
                index_.emplace(key(q, r), static_cast<std::uint32_t>(cells_.size()));
                cells_.push_back({q, r});
            }
        }
    }
    for (const auto& p : extra) {
        if (!std::isfinite(p.x) || !std::isfinite(p.y)) continue;
        const Axial a = axial_of(p);
        if (index_.emplace(key(a.q, a.r), static_cast<std::uint32_t>(cells_.size())).second) cells_.push_back(a);
    }
}

HexGrid::Axial HexGrid::axial_of(geo::Vec2 p) const {
    // Fractional axial coordinates, rounded in cube coordinates (x + y + z = 0).
    const double row = size_ * kSqrt3 / 2;
    const double fr = (p.y - y0_) / row, fq = (p.x - x0_) / size_ - fr / 2;
    const double fx = fq, fz = fr, fy = -fx - fz;
    double rx = std::round(fx), ry = std::round(fy), rz = std::round(fz);
    const double dx = std::fabs(rx - fx), dy = std::fabs(ry - fy), dz = std::fabs(rz - fz);
    if (dx > dy && dx > dz) rx = -ry - rz;
    else if (dy <= dz) rz = -rx - ry;
    return {static_cast<long>(rx), static_cast<long>(rz)};
}

long HexGrid::locate(geo::Vec2 p) const {
    if (!std::isfinite(p.x) || !std::isfinite(p.y)) return -1;
    const Axial a = axial_of(p);
    const auto it = index_.find(key(a.q, a.r));
    return it == index_.end() ? -1 : static_cast<long>(it->second);
}

geo::Vec2 HexGrid::centre(std::size_t cell) const {
    const auto [q, r] = cells_[cell];
    return {x0_ + size_ * (q + r / 2.0), y0_ + size_ * kSqrt3 / 2 * r};
}

std::string HexGrid::code(std::size_t cell) const {
    char buf[48];
    std::snprintf(buf, sizeof buf, "H%ld_%ld", cells_[cell].q, cells_[cell].r);
    return buf;
}

geo::PolygonLayer HexGrid::layer() const {
    geo::PolygonLayer l;
    l.source = "hexagons";
    l.layer_name = "hexagons";
    const double radius = size_ / kSqrt3;
    for (std::size_t c = 0; c < cells_.size(); ++c) {
        const geo::Vec2 ctr = centre(c);
        geo::BBox b;
        for (int k = 0; k < 6; ++k) {  // counter-clockwise from 30 degrees
            const double a = (30.0 + 60.0 * k) * M_PI / 180.0;
            l.vertices.push_back({ctr.x + radius * std::cos(a), ctr.y + radius * std::sin(a)});
            b.add(l.vertices.back());
        }
        l.ring_first_vertex.push_back(static_cast<std::uint32_t>(l.vertices.size()));
        l.polygon_first_ring.push_back(static_cast<std::uint32_t>(l.ring_first_vertex.size() - 1));
        l.feature_first_polygon.push_back(static_cast<std::uint32_t>(l.polygon_first_ring.size() - 1));
        l.attributes.push_back({code(c), "", "", code(c)});
        l.feature_bbox.push_back(b);
        l.bbox.add(b);
    }
    return l;
}

SpatialWeights HexGrid::contiguity() const {
    static const long dq[] = {1, -1, 0, 0, 1, -1}, dr[] = {0, 0, 1, -1, -1, 1};
    std::vector<std::vector<std::uint32_t>> lists(cells_.size());
    for (std::size_t c = 0; c < cells_.size(); ++c) {
        for (int k = 0; k < 6; ++k)
            if (const auto it = index_.find(key(cells_[c].q + dq[k], cells_[c].r + dr[k])); it != index_.end())
                lists[c].push_back(it->second);
        std::sort(lists[c].begin(), lists[c].end());
    }
    return weights_from_lists(lists);
}

}  // namespace mirador::stats
