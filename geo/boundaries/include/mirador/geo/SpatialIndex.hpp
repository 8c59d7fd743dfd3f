#pragma once
// "Which feature contains this point?" in well under a microsecond, on layers with millions
// of vertices.
//
// Why our own structure: testing a point against a 38,000-vertex municipality (Comondú)
// edge by edge costs tens of microseconds, and GEOS's prepared geometries need one object per
// feature plus a bbox tree on top. Here a uniform grid holds, per cell, the edges that touch
// it and the features that contain the cell's centre (found once by a scanline). A query
// walks the short segment from the cell centre to the point: a feature contains the point
// iff it contains the centre XOR the segment crosses its boundary an odd number of times.
// Only the few edges of one cell are ever looked at.
#include <cstdint>
#include <vector>

#include "mirador/geo/PolygonLayer.hpp"

namespace mirador::geo {

class SpatialIndex {
public:
    SpatialIndex() = default;
    // `target_edges_per_cell` trades memory for query time.
    explicit SpatialIndex(const PolygonLayer& layer, double target_edges_per_cell = 2.0);

    // The feature containing `p` (display CRS), or -1. Where features overlap (slivers left
    // by simplification), the lowest feature index wins, so answers are deterministic.
    long locate(Vec2 p) const;

    // All features containing `p` (more than one only in overlaps).
    void locate_all(Vec2 p, std::vector<std::uint32_t>& out) const;

    std::size_t memory_bytes() const;
    int columns() const { return nx_; }
    int rows() const { return ny_; }

private:
    long cell_of(Vec2 p) const;
    Vec2 cell_center(long cell) const;

    const PolygonLayer* layer_ = nullptr;
    BBox box_;
    double cell_w_ = 1, cell_h_ = 1;
    int nx_ = 0, ny_ = 0;
    // CSR lists: edges touching each cell (edge i = vertices i -> next in its ring) and the
    // features containing each cell's centre.
    std::vector<std::uint32_t> edge_start_, edge_ids_;
    std::vector<std::uint32_t> owner_start_, owner_ids_;
    std::vector<std::uint32_t> edge_next_;      // index of the edge's second vertex
    std::vector<std::uint32_t> vertex_feature_;  // feature of each vertex
};

}  // namespace mirador::geo
