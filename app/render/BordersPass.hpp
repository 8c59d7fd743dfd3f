#pragma once
// Municipal and state borders. Wide lines go through SegmentStroke; municipal borders of a
// pixel or less are hairlines (GL_LINES over the same segment buffer), which llvmpipe draws
// at half the cost of quads.
#include <cstdint>
#include <vector>

#include "mirador/geo/Result.hpp"
#include "render/RenderPass.hpp"
#include "render/SegmentStroke.hpp"
#include "render/StrokeCoverage.hpp"

namespace mirador {

class BordersPass final : public RenderPass {
public:
    // `stroke` is the renderer's and outlives the pass.
    [[nodiscard]] static geo::Result<BordersPass> create(const SegmentStroke& stroke);
    BordersPass(gl::ShaderProgram hairline, const SegmentStroke& stroke, StrokeCoverage coverage)
        : stroke_(&stroke), hairline_(std::move(hairline)), coverage_(std::move(coverage)) {}
    void draw(const PassContext& c) override;

private:
    // Translucent wide borders go through coverage_ (StrokeCoverage.hpp says why).
    void draw_wide(const PassContext& c, const SegmentSet& s, float width_px, const Rgba& color);
    void draw_segments(const PassContext& c, const SegmentSet& s, float width_px, const Rgba& color, float opacity) const;
    // Where in the viewport the strokes of c's features can be (StrokeCoverage::composite's areas).
    const std::vector<StrokeCoverage::Area>& stroke_areas(const PassContext& c, float half_width_px);
    void draw_hairlines(const PassContext& c, const SegmentSet& s, const Rgba& color) const;
    const SegmentStroke* stroke_;
    gl::ShaderProgram hairline_;
    StrokeCoverage coverage_;
    std::vector<std::uint8_t> cells_;  // stroke_areas' grid and areas, kept between frames
    std::vector<StrokeCoverage::Area> areas_, open_, current_;
    gl::VertexArray hairline_vao_ = gl::VertexArray::create();  // attribute 0 without divisor: segments as vertex pairs
};

}  // namespace mirador
