#pragma once
// Municipal and state borders. Wide lines go through SegmentStroke; municipal borders of a
// pixel or less are hairlines (GL_LINES over the same segment buffer), which llvmpipe draws
// at half the cost of quads.
#include "mirador/geo/Result.hpp"
#include "render/RenderPass.hpp"
#include "render/SegmentStroke.hpp"

namespace mirador {

class BordersPass final : public RenderPass {
public:
    // `stroke` is the renderer's and outlives the pass.
    [[nodiscard]] static geo::Result<BordersPass> create(const SegmentStroke& stroke);
    BordersPass(gl::ShaderProgram hairline, const SegmentStroke& stroke) : stroke_(&stroke), hairline_(std::move(hairline)) {}
    void draw(const PassContext& c) override;

private:
    void draw_wide(const PassContext& c, const SegmentSet& s, float width_px, const Rgba& color) const;
    void draw_hairlines(const PassContext& c, const SegmentSet& s, const Rgba& color) const;
    const SegmentStroke* stroke_;
    gl::ShaderProgram hairline_;
    gl::VertexArray hairline_vao_ = gl::VertexArray::create();  // attribute 0 without divisor: segments as vertex pairs
};

}  // namespace mirador
