#pragma once
// What every layer of the map is to the Renderer: a pass drawn with the frame's parameters and
// what the Renderer worked out for the frame (the transform, the level of detail, the features
// on screen). A pass saves and restores the OpenGL state it changes (gl::StateGuard).
#include <span>

#include "render/BoundaryGeometry.hpp"

namespace mirador {

struct FrameParams;
struct DrawStats;

struct PassContext {
    const FrameParams& frame;
    // Map metres (relative to the geometry's origin) to clip space: (p - center) * scale.
    float center_x, center_y, scale_x, scale_y;
    const LevelGeometry& level;
    std::span<const FeatureRun> runs;
    DrawStats& stats;
    std::span<const geo::BBox> feature_bbox;  // per feature, display CRS (not relative to the origin)
};

class RenderPass {
public:
    virtual ~RenderPass() = default;
    virtual void draw(const PassContext& c) = 0;

protected:
    RenderPass() = default;
    RenderPass(RenderPass&&) = default;
    RenderPass& operator=(RenderPass&&) = default;
};

}  // namespace mirador
