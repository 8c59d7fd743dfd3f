#pragma once
// The municipalities on the GPU: every level of detail's triangles (the fill) and border
// segments (every border once, and the state borders and coasts apart), with per-feature
// ranges into them, so that the fill and borders passes draw only the features on screen.
#include <cstdint>
#include <vector>

#include "mirador/geo/Boundaries.hpp"
#include "render/MapView.hpp"
#include "render/gl/Object.hpp"

namespace mirador {

// Consecutive features on screen, [first_feature, end_feature).
struct FeatureRun {
    std::uint32_t first_feature, end_feature;
};

// A segment list (a, b pairs: four floats each) and where each feature's segments start.
struct SegmentSet {
    gl::Buffer buffer;
    std::vector<std::uint32_t> first;  // size features + 1
};

struct LevelGeometry {
    double cell_m = 0;
    gl::VertexArray fill_vao;  // positions (0), feature index (1), triangle indices
    gl::Buffer positions, features, indices;
    std::vector<std::uint32_t> index_first;  // per feature, into indices; size features + 1
    SegmentSet all_borders, state_borders;
};

class BoundaryGeometry {
public:
    // Uploads every level; positions become floats relative to the municipalities' centre.
    void upload(const geo::Boundaries& b);
    bool empty() const { return levels_.empty(); }
    geo::Vec2 origin() const { return origin_; }
    // The coarsest level whose snapping error stays under a pixel at this scale.
    int level_for(double metres_per_pixel) const;
    const LevelGeometry& level(int i) const { return levels_[static_cast<std::size_t>(i)]; }
    // The features whose bounding box meets the view, as runs (into `runs`, reused: no
    // allocation once it has grown); returns how many features that is.
    std::size_t visible_runs(const MapView& view, std::vector<FeatureRun>& runs) const;
    const std::vector<geo::BBox>& feature_bboxes() const { return feature_bbox_; }

private:
    std::vector<LevelGeometry> levels_;
    std::vector<geo::BBox> feature_bbox_;
    geo::Vec2 origin_;
};

}  // namespace mirador
