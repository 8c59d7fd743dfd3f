#pragma once
// Turns polygons (with holes and multiple parts) into triangles for filling on the GPU.
// Two implementations are kept because the issue asked to measure both (bench/bench_boundaries):
//   EarClip  - our own ear clipper (EarClipTriangulator.hpp); the default, it is the faster
//   GeosCdt  - GEOS 3.11's GEOSConstrainedDelaunayTriangulation, better-shaped triangles
#include <cstdint>
#include <string>
#include <vector>

#include "mirador/geo/PolygonLayer.hpp"

namespace mirador::geo {

enum class TriangulationMethod { EarClip, GeosCdt };

struct Triangulation {
    // Index triples into PolygonLayer::vertices; triangles are counter-clockwise.
    std::vector<std::uint32_t> indices;
    // Triangles of feature f are indices [feature_first_index[f], feature_first_index[f+1]).
    std::vector<std::uint32_t> feature_first_index;
    // Polygons the method could not triangulate completely (degenerate input).
    std::vector<std::string> problems;
};

// Uses up to `threads` worker threads (0: all hardware threads).
Triangulation triangulate(const PolygonLayer& layer, TriangulationMethod method = TriangulationMethod::EarClip,
                          unsigned threads = 0);

// Sum of the absolute triangle areas of one feature, for checking against its polygon area.
double triangulated_area(const PolygonLayer& layer, const Triangulation& tri, std::size_t feature);

}  // namespace mirador::geo
