#pragma once
// Levels of detail for drawing: the layer with every vertex snapped to a square grid.
//
// Why grid snapping rather than Douglas-Peucker: snapping depends only on the vertex, so two
// municipalities that share a border snap it identically and stay watertight, with no
// topology pass (GEOS 3.11 has no coverage simplification). The error is at most half a
// cell diagonal, chosen below a pixel by the renderer.
#include "mirador/geo/PolygonLayer.hpp"

namespace mirador::geo {

// Same features in the same order; rings that collapse below 3 vertices are dropped, and
// features may end with no polygon at coarse cells (sub-pixel islands).
PolygonLayer snap_to_grid(const PolygonLayer& layer, double cell);

// Douglas-Peucker on the shared arcs of a coverage whose neighbours share vertices exactly
// (as after snap_to_grid): rings are cut at junctions (points where three or more features
// meet), each arc is simplified once, in a canonical direction, so both features that share
// it get the same simplified arc and the coverage stays watertight. Rings that would fall
// below 3 vertices are kept as they were.
PolygonLayer simplify_shared_arcs(const PolygonLayer& layer, double tolerance);

}  // namespace mirador::geo
