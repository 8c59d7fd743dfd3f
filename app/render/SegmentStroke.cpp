#include "render/SegmentStroke.hpp"

#include "render/EmbeddedShaders.hpp"
#include "render/Renderer.hpp"
#include "render/gl/VertexInput.hpp"

namespace mirador {

namespace {

constexpr gl::Attribute kSegment{0, 4, GL_FLOAT, false, 16, 0, 1};  // a.xy, b.xy; one per instance

}  // namespace

geo::Result<SegmentStroke> SegmentStroke::create() {
    return gl::with_program<SegmentStroke>("line", shaders::line_vert, shaders::line_frag);
}

void SegmentStroke::begin(const PassContext& c) const {
    program_.use();
    program_.set("u_center", c.center_x, c.center_y);
    program_.set("u_scale", c.scale_x, c.scale_y);
    program_.set("u_viewport", float(c.frame.view.width), float(c.frame.view.height));
    program_.set("u_coverage_only", 0.0f);
    glBindVertexArray(vao_.id());
}

void SegmentStroke::write_coverage() const { program_.set("u_coverage_only", 1.0f); }

void SegmentStroke::draw(const gl::Buffer& segments, std::size_t first, std::size_t count, float width_px,
                         const Rgba& color, float opacity) const {
    if (count == 0) return;
    program_.set("u_half_width", 0.5f * width_px);
    program_.set("u_color", color.r, color.g, color.b, color.a * opacity);
    gl::point_attribute(segments, kSegment, first);
    glDrawArraysInstanced(GL_TRIANGLE_STRIP, 0, 4, static_cast<GLsizei>(count));
}

}  // namespace mirador
