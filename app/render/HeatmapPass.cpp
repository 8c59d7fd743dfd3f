#include "render/HeatmapPass.hpp"

#include <utility>

#include "render/EmbeddedShaders.hpp"
#include "render/GlUtil.hpp"
#include "render/Renderer.hpp"

namespace mirador {

geo::Result<HeatmapPass> HeatmapPass::create() {
    auto prog = gl::compile_program(shaders::heatmap_vert, shaders::heatmap_frag, "heatmap");
    if (!prog) return geo::make_error(prog.error());
    HeatmapPass p;
    p.program_ = *prog;
    p.u_center_ = glGetUniformLocation(p.program_, "u_center");
    p.u_scale_ = glGetUniformLocation(p.program_, "u_scale");
    p.u_density_ = glGetUniformLocation(p.program_, "u_density");
    p.u_ramp_ = glGetUniformLocation(p.program_, "u_ramp");
    p.u_lo_ = glGetUniformLocation(p.program_, "u_lo");
    p.u_hi_ = glGetUniformLocation(p.program_, "u_hi");
    p.u_threshold_ = glGetUniformLocation(p.program_, "u_threshold");
    p.u_opacity_ = glGetUniformLocation(p.program_, "u_opacity");
    glGenVertexArrays(1, &p.vao_);
    glGenBuffers(1, &p.vbo_);
    glGenBuffers(1, &p.ebo_);
    glBindVertexArray(p.vao_);
    glBindBuffer(GL_ARRAY_BUFFER, p.vbo_);
    glEnableVertexAttribArray(0);
    glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, 16, nullptr);
    glEnableVertexAttribArray(1);
    glVertexAttribPointer(1, 2, GL_FLOAT, GL_FALSE, 16, reinterpret_cast<const void*>(8));
    glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, p.ebo_);
    glBindVertexArray(0);
    glGenTextures(1, &p.ramp_);
    glBindTexture(GL_TEXTURE_2D, p.ramp_);
    gl::set_texture_sampling(GL_LINEAR);
    p.set_ramp(ramp_table(RampId::Inferno));
    return p;
}

HeatmapPass::HeatmapPass(HeatmapPass&& o) noexcept { *this = std::move(o); }

HeatmapPass& HeatmapPass::operator=(HeatmapPass&& o) noexcept {
    std::swap(program_, o.program_);
    std::swap(vao_, o.vao_);
    std::swap(vbo_, o.vbo_);
    std::swap(ebo_, o.ebo_);
    std::swap(texture_, o.texture_);
    std::swap(ramp_, o.ramp_);
    std::swap(external_, o.external_);
    u_center_ = o.u_center_, u_scale_ = o.u_scale_, u_density_ = o.u_density_, u_ramp_ = o.u_ramp_;
    u_lo_ = o.u_lo_, u_hi_ = o.u_hi_, u_threshold_ = o.u_threshold_, u_opacity_ = o.u_opacity_;
    std::swap(tex_w_, o.tex_w_);
    std::swap(tex_h_, o.tex_h_);
    std::swap(index_count_, o.index_count_);
    return *this;
}

HeatmapPass::~HeatmapPass() {
    if (program_) glDeleteProgram(program_);
    if (vao_) glDeleteVertexArrays(1, &vao_);
    GLuint bufs[] = {vbo_, ebo_};
    for (GLuint b : bufs)
        if (b) glDeleteBuffers(1, &b);
    GLuint tex[] = {texture_, ramp_};
    for (GLuint t : tex)
        if (t) glDeleteTextures(1, &t);
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
    glBindVertexArray(vao_);
    glBindBuffer(GL_ARRAY_BUFFER, vbo_);
    glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(v.size() * 4), v.data(), GL_STATIC_DRAW);
    glBufferData(GL_ELEMENT_ARRAY_BUFFER, static_cast<GLsizeiptr>(idx.size() * 4), idx.data(), GL_STATIC_DRAW);
    glBindVertexArray(0);
    index_count_ = static_cast<GLsizei>(idx.size());
}

void HeatmapPass::set_density(const geo::DensityGrid& grid) {
    external_ = 0;
    if (!texture_) {
        glGenTextures(1, &texture_);
        glBindTexture(GL_TEXTURE_2D, texture_);
        gl::set_texture_sampling(GL_LINEAR);
    }
    glBindTexture(GL_TEXTURE_2D, texture_);
    glPixelStorei(GL_UNPACK_ALIGNMENT, 4);
    if (grid.spec.nx == tex_w_ && grid.spec.ny == tex_h_) {
        glTexSubImage2D(GL_TEXTURE_2D, 0, 0, 0, tex_w_, tex_h_, GL_RED, GL_FLOAT, grid.values.data());
    } else {
        tex_w_ = grid.spec.nx, tex_h_ = grid.spec.ny;
        glTexImage2D(GL_TEXTURE_2D, 0, GL_R32F, tex_w_, tex_h_, 0, GL_RED, GL_FLOAT, grid.values.data());
    }
}

void HeatmapPass::use_texture(GLuint texture) { external_ = texture; }

void HeatmapPass::set_ramp(const RampTable& ramp) {
    glBindTexture(GL_TEXTURE_2D, ramp_);
    glPixelStorei(GL_UNPACK_ALIGNMENT, 4);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, 256, 1, 0, GL_RGBA, GL_UNSIGNED_BYTE, ramp.data());
}

void HeatmapPass::draw(const HeatmapStyle& style, float cx, float cy, float sx, float sy) const {
    if (!has_density() || !style.show) return;
    glUseProgram(program_);
    glUniform2f(u_center_, cx, cy);
    glUniform2f(u_scale_, sx, sy);
    glUniform1f(u_lo_, style.lo);
    glUniform1f(u_hi_, style.hi);
    glUniform1f(u_threshold_, style.threshold);
    glUniform1f(u_opacity_, style.opacity);
    glActiveTexture(GL_TEXTURE0);
    glBindTexture(GL_TEXTURE_2D, active_texture());
    glUniform1i(u_density_, 0);
    glActiveTexture(GL_TEXTURE1);
    glBindTexture(GL_TEXTURE_2D, ramp_);
    glUniform1i(u_ramp_, 1);
    glBindVertexArray(vao_);
    glDrawElements(GL_TRIANGLES, index_count_, GL_UNSIGNED_INT, nullptr);
    glBindVertexArray(0);
    glActiveTexture(GL_TEXTURE0);
}

}  // namespace mirador
