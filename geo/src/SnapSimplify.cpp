#include "mirador/geo/SnapSimplify.hpp"

#include <cmath>

namespace mirador::geo {

PolygonLayer snap_to_grid(const PolygonLayer& in, double cell) {
    PolygonLayer out;
    out.source = in.source;
    out.layer_name = in.layer_name;
    out.crs = in.crs;
    out.attributes = in.attributes;
    out.feature_bbox = in.feature_bbox;
    out.bbox = in.bbox;
    out.vertices.reserve(in.vertices.size() / 2);
    auto snap = [cell](Vec2 p) { return Vec2{std::round(p.x / cell) * cell, std::round(p.y / cell) * cell}; };

    std::vector<Vec2> ring;
    for (std::size_t f = 0; f < in.feature_count(); ++f) {
        for (std::uint32_t p = in.feature_first_polygon[f]; p < in.feature_first_polygon[f + 1]; ++p) {
            const std::size_t rings_before = out.ring_count();
            for (std::uint32_t r = in.polygon_first_ring[p]; r < in.polygon_first_ring[p + 1]; ++r) {
                ring.clear();
                for (std::uint32_t v = in.ring_first_vertex[r]; v < in.ring_first_vertex[r + 1]; ++v) {
                    const Vec2 s = snap(in.vertices[v]);
                    if (!ring.empty() && ring.back() == s) continue;
                    // A collapsed spike a-b-a folds back onto a; drop it so no zero-width
                    // sliver triangles or doubled lines remain.
                    if (ring.size() >= 2 && ring[ring.size() - 2] == s) {
                        ring.pop_back();
                        continue;
                    }
                    ring.push_back(s);
                }
                while (ring.size() > 1 && ring.back() == ring.front()) ring.pop_back();
                while (ring.size() >= 3 && ring[ring.size() - 2] == ring.front()) ring.resize(ring.size() - 1);
                const bool outer = r == in.polygon_first_ring[p];
                if (ring.size() < 3) {
                    if (outer) break;  // the whole polygon vanished at this scale
                    continue;
                }
                out.vertices.insert(out.vertices.end(), ring.begin(), ring.end());
                out.ring_first_vertex.push_back(static_cast<std::uint32_t>(out.vertices.size()));
            }
            if (out.ring_count() > rings_before) out.polygon_first_ring.push_back(static_cast<std::uint32_t>(out.ring_count()));
        }
        out.feature_first_polygon.push_back(static_cast<std::uint32_t>(out.polygon_count()));
    }
    return out;
}

}  // namespace mirador::geo
