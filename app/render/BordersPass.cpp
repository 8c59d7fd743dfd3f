#include "render/BordersPass.hpp"

#include "render/EmbeddedShaders.hpp"
#include "render/GlUtil.hpp"
#include "render/Renderer.hpp"
#include "render/gl/StateGuard.hpp"
#include "render/gl/VertexInput.hpp"

namespace mirador {

geo::Result<BordersPass> BordersPass::create(const SegmentStroke& stroke) {
    auto coverage = StrokeCoverage::create();
    if (!coverage) return geo::make_error(coverage.error());
    return gl::with_program<BordersPass>("thinline", shaders::thinline_vert, shaders::thinline_frag, stroke,
                                         std::move(coverage).value());
}

void BordersPass::draw_segments(const PassContext& c, const SegmentSet& s, float width_px, const Rgba& color,
                                float opacity) const {
    for (const FeatureRun& r : c.runs) {
        const std::uint32_t a = s.first[r.first_feature], b = s.first[r.end_feature];
        stroke_->draw(s.buffer, a, b - a, width_px * c.frame.pixel_scale, color, opacity);
        c.stats.segments += b - a;
    }
}

void BordersPass::draw_wide(const PassContext& c, const SegmentSet& s, float width_px, const Rgba& color) {
    stroke_->begin(c);
    const float opacity = c.frame.borders_opacity;
    // Opaque, overlaps blend to the same colour; under 2 px, a bead is a pixel's shade (4K's
    // municipal borders, 1.6 px at 55 %, where the detour would cost a tenth of the export): the
    // segments go straight onto the map.
    constexpr float kBeadPx = 2.0f;
    if (color.a * opacity >= 0.999f || width_px * c.frame.pixel_scale < kBeadPx || !coverage_.begin()) {
        draw_segments(c, s, width_px, color, opacity);
        return;
    }
    stroke_->write_coverage();
    draw_segments(c, s, width_px, color, 1.0f);
    coverage_.composite(color, opacity);
    gl::use_alpha_blending(true);  // as draw() set it, for what it draws next
}

void BordersPass::draw_hairlines(const PassContext& c, const SegmentSet& s, const Rgba& color) const {
    hairline_.use();
    hairline_.set("u_center", c.center_x, c.center_y);
    hairline_.set("u_scale", c.scale_x, c.scale_y);
    hairline_.set("u_color", color.r, color.g, color.b, color.a * c.frame.borders_opacity);
    glBindVertexArray(hairline_vao_.id());
    gl::point_attribute(s.buffer, {0, 2, GL_FLOAT, false, 8});
    for (const FeatureRun& r : c.runs) {
        const std::uint32_t a = s.first[r.first_feature], b = s.first[r.end_feature];
        if (b == a) continue;
        glDrawArrays(GL_LINES, static_cast<GLint>(2 * a), static_cast<GLsizei>(2 * (b - a)));
        c.stats.segments += b - a;
    }
}

void BordersPass::draw(const PassContext& c) {
    const FrameParams& fp = c.frame;
    if (!fp.show_municipal_borders && !fp.show_state_borders) return;
    const gl::StateGuard saved;
    gl::use_alpha_blending(true);
    if (fp.show_municipal_borders) {
        if (fp.municipal_border_px * fp.pixel_scale <= 1.0f) draw_hairlines(c, c.level.all_borders, fp.municipal_border);
        else draw_wide(c, c.level.all_borders, fp.municipal_border_px, fp.municipal_border);
    }
    if (fp.show_state_borders) draw_wide(c, c.level.state_borders, fp.state_border_px, fp.state_border);
}

}  // namespace mirador
