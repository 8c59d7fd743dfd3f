#include "mirador/geo/PolygonLayer.hpp"

#include <cmath>

namespace mirador::geo {

double PolygonLayer::ring_signed_area(std::size_t ring) const {
    const std::uint32_t b = ring_first_vertex[ring], e = ring_first_vertex[ring + 1];
    if (e - b < 3) return 0.0;
    // Shoelace relative to the first vertex: keeps precision with coordinates in the millions.
    const Vec2 o = vertices[b];
    double twice = 0.0;
    for (std::uint32_t i = b + 1; i + 1 < e; ++i) twice += orient2d(o, vertices[i], vertices[i + 1]);
    return twice * 0.5;
}

double PolygonLayer::feature_area(std::size_t f) const {
    double area = 0.0;
    for (std::uint32_t p = feature_first_polygon[f]; p < feature_first_polygon[f + 1]; ++p)
        for (std::uint32_t r = polygon_first_ring[p]; r < polygon_first_ring[p + 1]; ++r) {
            const double a = ring_signed_area(r);
            area += (r == polygon_first_ring[p]) ? std::abs(a) : -std::abs(a);
        }
    return area;
}

long PolygonLayer::find_code(const std::string& code) const {
    for (std::size_t i = 0; i < attributes.size(); ++i)
        if (attributes[i].code == code) return static_cast<long>(i);
    return -1;
}

void PolygonLayer::vertex_topology(std::vector<std::uint32_t>& next, std::vector<std::uint32_t>& feature) const {
    next.resize(vertices.size());
    feature.resize(vertices.size());
    for (std::size_t f = 0; f < feature_count(); ++f) {
        const std::uint32_t r0 = polygon_first_ring[feature_first_polygon[f]];
        const std::uint32_t r1 = polygon_first_ring[feature_first_polygon[f + 1]];
        for (std::uint32_t r = r0; r < r1; ++r) {
            const std::uint32_t b = ring_first_vertex[r], e = ring_first_vertex[r + 1];
            for (std::uint32_t v = b; v < e; ++v) {
                next[v] = (v + 1 == e) ? b : v + 1;
                feature[v] = static_cast<std::uint32_t>(f);
            }
        }
    }
}

PolygonLayer PolygonLayer::without_geometry() const {
    PolygonLayer out;
    out.source = source;
    out.layer_name = layer_name;
    out.crs = crs;
    out.attributes = attributes;
    out.feature_bbox = feature_bbox;
    out.bbox = bbox;
    return out;
}

}  // namespace mirador::geo
