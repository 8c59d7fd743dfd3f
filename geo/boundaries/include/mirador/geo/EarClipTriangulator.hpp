#pragma once
// Polygon triangulation by ear clipping, with holes bridged into the outer ring.
#include "mirador/geo/Vec2.hpp"

#include <cstdint>
#include <vector>

namespace mirador::geo {

struct RingView { const Vec2* points; std::uint32_t size; };  // ring without the repeated closing vertex

// Triangulates one polygon: rings[0] is the outer ring, rings[1..] are holes. Any orientation
// on input. Appends triangles to `out` as index triples into the concatenation of the rings in
// the given order (ring 0's points first, then ring 1's ...), offset by `index_base`.
// Output triangles are counter-clockwise. Returns false only if it had to give up on part of the polygon
// (degenerate input); what it could triangulate is still appended.
bool triangulate_ear_clipping(const std::vector<RingView>& rings, std::uint32_t index_base,
                              std::vector<std::uint32_t>& out);

}  // namespace mirador::geo
