#include "render/StrokeCoverage.hpp"

#include "render/EmbeddedShaders.hpp"
#include "render/GlUtil.hpp"
#include "render/Renderer.hpp"
#include "render/gl/Framebuffer.hpp"
#include "render/gl/Texture.hpp"

namespace mirador {

namespace {

constexpr gl::TextureFormat kR8{GL_R8, GL_RED, GL_UNSIGNED_BYTE};

}  // namespace

geo::Result<StrokeCoverage> StrokeCoverage::create() {
    return gl::with_program<StrokeCoverage>("stroke_composite", shaders::stroke_composite_vert,
                                            shaders::stroke_composite_frag);
}

bool StrokeCoverage::begin() {
    glGetIntegerv(GL_DRAW_FRAMEBUFFER_BINDING, &target_);
    glGetIntegerv(GL_VIEWPORT, viewport_);
    const int w = viewport_[2], h = viewport_[3];
    if (w <= 0 || h <= 0) return false;
    if (w != width_ || h != height_ || !framebuffer_) {
        // Made once and kept while the viewport keeps its size (the window's frames, an
        // export's tiles): a byte a pixel.
        framebuffer_.reset();
        texture_ = gl::make_texture_2d(kR8, w, h, nullptr, GL_NEAREST);
        auto fb = gl::framebuffer_with(texture_);
        if (!fb) {
            texture_.reset();
            width_ = height_ = 0;
            return false;
        }
        framebuffer_ = std::move(fb).value();
        width_ = w, height_ = h;
    }
    glBindFramebuffer(GL_DRAW_FRAMEBUFFER, framebuffer_.id());
    glViewport(0, 0, w, h);
    glClearColor(0, 0, 0, 0);
    glClear(GL_COLOR_BUFFER_BIT);
    glEnable(GL_BLEND);
    glBlendEquation(GL_MAX);
    return true;
}

void StrokeCoverage::composite(const Rgba& color, float opacity, const std::vector<Area>& areas) const {
    glBindFramebuffer(GL_DRAW_FRAMEBUFFER, static_cast<GLuint>(target_));
    glViewport(viewport_[0], viewport_[1], viewport_[2], viewport_[3]);
    gl::use_alpha_blending(true);
    composite_.use();
    glActiveTexture(GL_TEXTURE0);
    glBindTexture(GL_TEXTURE_2D, texture_.id());
    composite_.set("u_coverage", 0);
    composite_.set("u_origin", static_cast<int>(viewport_[0]), static_cast<int>(viewport_[1]));
    composite_.set("u_color", color.r, color.g, color.b, color.a * opacity);
    glBindVertexArray(empty_.id());
    // A scissored triangle per area: llvmpipe bins only the scissor's tiles, so the sea and the
    // land between borders are not shaded (a full-viewport pass was 70 % of a 16K export).
    const GLboolean scissor_was = glIsEnabled(GL_SCISSOR_TEST);
    GLint scissor_box[4];
    glGetIntegerv(GL_SCISSOR_BOX, scissor_box);
    glEnable(GL_SCISSOR_TEST);
    for (const Area& a : areas) {
        glScissor(a.x, a.y, a.w, a.h);
        glDrawArrays(GL_TRIANGLES, 0, 3);
    }
    glScissor(scissor_box[0], scissor_box[1], scissor_box[2], scissor_box[3]);
    if (!scissor_was) glDisable(GL_SCISSOR_TEST);
}

}  // namespace mirador
