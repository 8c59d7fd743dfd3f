#include "render/HeatmapPass.hpp"

#include "render/EmbeddedShaders.hpp"
#include "render/GlUtil.hpp"
#include "render/Renderer.hpp"
#include "render/gl/StateGuard.hpp"
#include "render/gl/Texture.hpp"
#include "render/gl/VertexInput.hpp"
#include "style/HeatmapRamp.hpp"

namespace mirador {

geo::Result<HeatmapPass> HeatmapPass::create() {
    return gl::with_program<HeatmapPass>("heatmap", shaders::heatmap_vert, shaders::heatmap_frag);
}

HeatmapPass::HeatmapPass(gl::ShaderProgram program) : program_(std::move(program)) {
    glBindVertexArray(vao_.id());
    gl::point_attribute(vertices_, {0, 2, GL_FLOAT, false, 16, 0});  // position
    gl::point_attribute(vertices_, {1, 2, GL_FLOAT, false, 16, 8});  // texture coordinate
    glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, indices_.id());
    glBindVertexArray(0);
    const RampTable inferno = heatmap_ramp_table(RampId::Inferno);
    ramp_ = gl::make_texture_2d(gl::kRGBA8, 256, 1, inferno.data(), GL_LINEAR);
}

void HeatmapPass::set_mesh(int nx, int ny, const std::vector<geo::Vec2>& pos) {
    std::vector<float> v;
    v.reserve(pos.size() * 4);
    for (int j = 0; j <= ny; ++j)
        for (int i = 0; i <= nx; ++i) {
            const geo::Vec2& p = pos[static_cast<std::size_t>(j) * (nx + 1) + i];
            v.insert(v.end(), {float(p.x), float(p.y), float(i) / float(nx), float(j) / float(ny)});
        }
    std::vector<std::uint32_t> idx;
    for (int j = 0; j < ny; ++j)
        for (int i = 0; i < nx; ++i) {
            const std::uint32_t a = std::uint32_t(j * (nx + 1) + i), b = a + 1, c = a + std::uint32_t(nx + 1), d = c + 1;
            idx.insert(idx.end(), {a, b, d, a, d, c});
        }
    glBindVertexArray(vao_.id());
    gl::buffer_data(GL_ARRAY_BUFFER, vertices_, v, GL_STATIC_DRAW);
    gl::buffer_data(GL_ELEMENT_ARRAY_BUFFER, indices_, idx, GL_STATIC_DRAW);
    glBindVertexArray(0);
    index_count_ = static_cast<GLsizei>(idx.size());
}

void HeatmapPass::set_density(const geo::DensityGrid& grid) {
    external_ = 0;
    if (texture_ && grid.spec.nx == tex_w_ && grid.spec.ny == tex_h_) {
        gl::update_texture_2d(texture_, gl::kR32F, tex_w_, tex_h_, grid.values.data());
        return;
    }
    tex_w_ = grid.spec.nx, tex_h_ = grid.spec.ny;
    texture_ = gl::make_texture_2d(gl::kR32F, tex_w_, tex_h_, grid.values.data(), GL_LINEAR);
}

void HeatmapPass::use_texture(GLuint texture) { external_ = texture; }

void HeatmapPass::set_ramp(const RampTable& ramp) { gl::update_texture_2d(ramp_, gl::kRGBA8, 256, 1, ramp.data()); }

void HeatmapPass::draw(const PassContext& c) {
    const HeatmapStyle& style = c.frame.heatmap;
    if (!has_density() || !style.show) return;
    const gl::StateGuard saved;
    gl::use_alpha_blending(true);
    program_.use();
    program_.set("u_center", c.center_x, c.center_y);
    program_.set("u_scale", c.scale_x, c.scale_y);
    program_.set("u_lo", style.lo);
    program_.set("u_hi", style.hi);
    program_.set("u_threshold", style.threshold);
    program_.set("u_opacity", style.opacity);
    glActiveTexture(GL_TEXTURE0);
    glBindTexture(GL_TEXTURE_2D, active_texture());
    program_.set("u_density", 0);
    glActiveTexture(GL_TEXTURE1);
    glBindTexture(GL_TEXTURE_2D, ramp_.id());
    program_.set("u_ramp", 1);
    glBindVertexArray(vao_.id());
    glDrawElements(GL_TRIANGLES, index_count_, GL_UNSIGNED_INT, nullptr);
}

}  // namespace mirador
