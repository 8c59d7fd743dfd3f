#include "render/FillPass.hpp"

#include "render/EmbeddedShaders.hpp"
#include "render/GlUtil.hpp"
#include "render/Renderer.hpp"
#include "render/gl/StateGuard.hpp"
#include "render/gl/VertexInput.hpp"

namespace mirador {

geo::Result<FillPass> FillPass::create() {
    return gl::with_program<FillPass>("fill", shaders::fill_vert, shaders::fill_frag);
}

void FillPass::set_colors(const std::vector<std::uint32_t>& rgba) {
    gl::buffer_data(GL_TEXTURE_BUFFER, colors_, rgba, GL_DYNAMIC_DRAW);
    glBindTexture(GL_TEXTURE_BUFFER, colors_texture_.id());
    glTexBuffer(GL_TEXTURE_BUFFER, GL_RGBA8, colors_.id());
    glBindBuffer(GL_TEXTURE_BUFFER, 0);
}

void FillPass::draw(const PassContext& c) {
    const FrameParams& fp = c.frame;
    if (!fp.show_fill) return;
    counts_.clear();
    offsets_.clear();
    for (const FeatureRun& r : c.runs) {
        const std::uint32_t a = c.level.index_first[r.first_feature], b = c.level.index_first[r.end_feature];
        if (b == a) continue;
        counts_.push_back(static_cast<GLsizei>(b - a));
        offsets_.push_back(reinterpret_cast<const void*>(static_cast<std::uintptr_t>(a) * 4));
        c.stats.triangles += (b - a) / 3;
    }
    if (counts_.empty()) return;
    const gl::StateGuard saved;
    // Opaque fills skip blending: on llvmpipe the read-modify-write of every covered pixel is
    // a good part of the fill's cost.
    gl::use_alpha_blending(fp.fill_opacity < 1.0f);
    program_.use();
    program_.set("u_center", c.center_x, c.center_y);
    program_.set("u_scale", c.scale_x, c.scale_y);
    program_.set("u_hovered", static_cast<int>(fp.hovered));
    program_.set("u_selected", static_cast<int>(fp.selected));
    program_.set("u_opacity", fp.fill_opacity);
    glActiveTexture(GL_TEXTURE0);
    glBindTexture(GL_TEXTURE_BUFFER, colors_texture_.id());
    program_.set("u_colors", 0);
    glBindVertexArray(c.level.fill_vao.id());
    glMultiDrawElements(GL_TRIANGLES, counts_.data(), GL_UNSIGNED_INT, offsets_.data(), static_cast<GLsizei>(counts_.size()));
}

}  // namespace mirador
