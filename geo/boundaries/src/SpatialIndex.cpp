#include "mirador/geo/SpatialIndex.hpp"

#include <algorithm>
#include <cmath>
#include <utility>

namespace mirador::geo {

namespace {

// Half-open side test shared by the scanline and the query, so that a vertex lying exactly
// on the walked segment is counted once, never twice or not at all.
inline bool above(double v, double line) { return v > line; }

// Does edge (a, b) cross segment (c, p)? Points exactly on the line through c and p count as
// being on its positive side (simulation of simplicity, enough for a parity count).
inline bool crosses(Vec2 c, Vec2 p, Vec2 a, Vec2 b) {
    const bool sa = orient2d(c, p, a) >= 0;
    const bool sb = orient2d(c, p, b) >= 0;
    if (sa == sb) return false;
    const double oc = orient2d(a, b, c);
    const double op = orient2d(a, b, p);
    return (oc > 0) != (op > 0);
}

}  // namespace

SpatialIndex::SpatialIndex(const PolygonLayer& layer, double target_edges_per_cell) : layer_(&layer) {
    const std::size_t nv = layer.vertices.size();
    box_ = layer.bbox;
    // Pad so that points on the layer's extreme edges fall inside the grid.
    const double pad = std::max(box_.width(), box_.height()) * 1e-6 + 1.0;
    box_.min_x -= pad;
    box_.min_y -= pad;
    box_.max_x += pad;
    box_.max_y += pad;

    const double cells = std::max(1.0, static_cast<double>(nv) / target_edges_per_cell);
    const double aspect = box_.width() / box_.height();
    nx_ = std::max(1, static_cast<int>(std::sqrt(cells * aspect)));
    ny_ = std::max(1, static_cast<int>(cells / nx_));
    cell_w_ = box_.width() / nx_;
    cell_h_ = box_.height() / ny_;

    layer.vertex_topology(edge_next_, vertex_feature_);

    // Edges into cells, two passes (count, then fill) to build the CSR arrays without
    // per-cell vectors. An edge goes into every cell of its bounding box: conservative, and
    // edges are short compared with cells, so the excess is small.
    auto edge_cells = [&](std::uint32_t e, auto&& visit) {
        const Vec2 a = layer.vertices[e], b = layer.vertices[edge_next_[e]];
        const int x0 = std::clamp(static_cast<int>((std::min(a.x, b.x) - box_.min_x) / cell_w_), 0, nx_ - 1);
        const int x1 = std::clamp(static_cast<int>((std::max(a.x, b.x) - box_.min_x) / cell_w_), 0, nx_ - 1);
        const int y0 = std::clamp(static_cast<int>((std::min(a.y, b.y) - box_.min_y) / cell_h_), 0, ny_ - 1);
        const int y1 = std::clamp(static_cast<int>((std::max(a.y, b.y) - box_.min_y) / cell_h_), 0, ny_ - 1);
        for (int y = y0; y <= y1; ++y)
            for (int x = x0; x <= x1; ++x) visit(static_cast<std::size_t>(y) * nx_ + x);
    };
    const std::size_t ncells = static_cast<std::size_t>(nx_) * ny_;
    edge_start_.assign(ncells + 1, 0);
    for (std::uint32_t e = 0; e < nv; ++e) edge_cells(e, [&](std::size_t c) { ++edge_start_[c + 1]; });
    for (std::size_t c = 0; c < ncells; ++c) edge_start_[c + 1] += edge_start_[c];
    edge_ids_.resize(edge_start_[ncells]);
    {
        std::vector<std::uint32_t> fill(edge_start_.begin(), edge_start_.end() - 1);
        for (std::uint32_t e = 0; e < nv; ++e) edge_cells(e, [&](std::size_t c) { edge_ids_[fill[c]++] = e; });
    }

    // Owners of cell centres by a scanline per row: crossings of the row's centre line,
    // grouped by feature, give the inside intervals (even-odd rule, holes included).
    std::vector<std::vector<std::pair<std::uint32_t, double>>> row_hits(ny_);
    for (std::uint32_t e = 0; e < nv; ++e) {
        const Vec2 a = layer.vertices[e], b = layer.vertices[edge_next_[e]];
        const double lo = std::min(a.y, b.y), hi = std::max(a.y, b.y);
        int r0 = static_cast<int>(std::ceil((lo - box_.min_y) / cell_h_ - 0.5));
        int r1 = static_cast<int>(std::floor((hi - box_.min_y) / cell_h_ - 0.5));
        r0 = std::max(r0, 0);
        r1 = std::min(r1, ny_ - 1);
        for (int r = r0; r <= r1; ++r) {
            const double y = box_.min_y + (r + 0.5) * cell_h_;
            if (above(a.y, y) == above(b.y, y)) continue;
            const double x = a.x + (y - a.y) * (b.x - a.x) / (b.y - a.y);
            row_hits[r].emplace_back(vertex_feature_[e], x);
        }
    }
    std::vector<std::vector<std::uint32_t>> owners(ncells);
    for (int r = 0; r < ny_; ++r) {
        auto& hits = row_hits[r];
        std::sort(hits.begin(), hits.end());
        for (std::size_t i = 0; i + 1 < hits.size(); i += 2) {
            if (hits[i].first != hits[i + 1].first) {  // odd count for a feature: skip it safely
                --i;
                continue;
            }
            // Cell centres strictly inside [x_in, x_out).
            const double xin = hits[i].second, xout = hits[i + 1].second;
            int c0 = static_cast<int>(std::ceil((xin - box_.min_x) / cell_w_ - 0.5));
            int c1 = static_cast<int>(std::ceil((xout - box_.min_x) / cell_w_ - 0.5)) - 1;
            c0 = std::max(c0, 0);
            c1 = std::min(c1, nx_ - 1);
            for (int c = c0; c <= c1; ++c) owners[static_cast<std::size_t>(r) * nx_ + c].push_back(hits[i].first);
        }
        hits.clear();
        hits.shrink_to_fit();
    }
    owner_start_.assign(ncells + 1, 0);
    for (std::size_t c = 0; c < ncells; ++c) owner_start_[c + 1] = owner_start_[c] + static_cast<std::uint32_t>(owners[c].size());
    owner_ids_.reserve(owner_start_[ncells]);
    for (auto& o : owners) owner_ids_.insert(owner_ids_.end(), o.begin(), o.end());
}

long SpatialIndex::cell_of(Vec2 p) const {
    if (!layer_ || !(p.x >= box_.min_x && p.x < box_.max_x && p.y >= box_.min_y && p.y < box_.max_y)) return -1;
    const int x = std::min(static_cast<int>((p.x - box_.min_x) / cell_w_), nx_ - 1);
    const int y = std::min(static_cast<int>((p.y - box_.min_y) / cell_h_), ny_ - 1);
    return static_cast<long>(y) * nx_ + x;
}

Vec2 SpatialIndex::cell_center(long cell) const {
    const long x = cell % nx_, y = cell / nx_;
    return {box_.min_x + (static_cast<double>(x) + 0.5) * cell_w_, box_.min_y + (static_cast<double>(y) + 0.5) * cell_h_};
}

void SpatialIndex::locate_all(Vec2 p, std::vector<std::uint32_t>& out) const {
    out.clear();
    const long cell = cell_of(p);
    if (cell < 0) return;
    const Vec2 c = cell_center(cell);
    // Parity per candidate feature; a cell holds few features, so a flat list beats a map.
    std::uint32_t cand[64];
    bool inside[64];
    int n = 0;
    auto slot = [&](std::uint32_t f) -> int {
        for (int i = 0; i < n; ++i)
            if (cand[i] == f) return i;
        if (n == 64) return -1;
        cand[n] = f;
        inside[n] = false;
        return n++;
    };
    for (std::uint32_t i = owner_start_[cell]; i < owner_start_[cell + 1]; ++i) {
        const int s = slot(owner_ids_[i]);
        if (s >= 0) inside[s] = !inside[s];
    }
    const auto& V = layer_->vertices;
    for (std::uint32_t i = edge_start_[cell]; i < edge_start_[cell + 1]; ++i) {
        const std::uint32_t e = edge_ids_[i];
        if (crosses(c, p, V[e], V[edge_next_[e]])) {
            const int s = slot(vertex_feature_[e]);
            if (s >= 0) inside[s] = !inside[s];
        }
    }
    for (int i = 0; i < n; ++i)
        if (inside[i]) out.push_back(cand[i]);
    std::sort(out.begin(), out.end());
}

long SpatialIndex::locate(Vec2 p) const {
    thread_local std::vector<std::uint32_t> hits;
    locate_all(p, hits);
    return hits.empty() ? -1 : static_cast<long>(hits.front());
}

std::size_t SpatialIndex::memory_bytes() const {
    return sizeof(std::uint32_t) * (edge_start_.size() + edge_ids_.size() + owner_start_.size() + owner_ids_.size() +
                                    edge_next_.size() + vertex_feature_.size());
}

}  // namespace mirador::geo
