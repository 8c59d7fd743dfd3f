#include "GeosPolygon.hpp"

#include <vector>

namespace mirador::geo {

namespace {

GEOSGeometry* ring(GEOSContextHandle_t h, const PolygonLayer& layer, std::uint32_t r) {
    const std::uint32_t b = layer.ring_first_vertex[r], e = layer.ring_first_vertex[r + 1];
    // GEOS rings are closed: the first vertex again at the end.
    GEOSCoordSequence* seq = GEOSCoordSeq_create_r(h, e - b + 1, 2);
    for (std::uint32_t i = b; i <= e; ++i) {
        const Vec2& v = layer.vertices[i == e ? b : i];
        GEOSCoordSeq_setXY_r(h, seq, i - b, v.x, v.y);
    }
    return GEOSGeom_createLinearRing_r(h, seq);
}

}  // namespace

GEOSGeometry* to_geos_polygon(GEOSContextHandle_t h, const PolygonLayer& layer, std::uint32_t polygon) {
    const std::uint32_t r0 = layer.polygon_first_ring[polygon], r1 = layer.polygon_first_ring[polygon + 1];
    std::vector<GEOSGeometry*> holes;
    for (std::uint32_t r = r0 + 1; r < r1; ++r) holes.push_back(ring(h, layer, r));
    return GEOSGeom_createPolygon_r(h, ring(h, layer, r0), holes.data(), static_cast<unsigned>(holes.size()));
}

}  // namespace mirador::geo
