#pragma once
// Which municipal edges are also state borders.
//
// Why derived rather than drawn from a state layer: INEGI's state polygons are the dissolve
// of its municipal polygons, so a state border is exactly a municipal edge that is not shared
// with a municipality of the same state. Deriving it keeps state and municipal lines on the
// same vertices at every zoom and level of detail, and saves loading a second copy of every
// border (955k vertices on the detailed layer).
#include <cstdint>
#include <vector>

#include "mirador/geo/PolygonLayer.hpp"

namespace mirador::geo {

struct BorderEdges {
    // Edge e runs from vertices[e] to the next vertex of its ring (see ring_next()).
    std::vector<std::uint32_t> all_edges;    // every border once (shared edges not repeated)
    std::vector<std::uint32_t> state_edges;  // state borders and coasts
    std::vector<std::uint32_t> next;         // next[e]: index of edge e's second vertex
};

// Edges match when their end points are bit-identical, as they are in a dissolved coverage.
BorderEdges classify_borders(const PolygonLayer& municipalities);

}  // namespace mirador::geo
