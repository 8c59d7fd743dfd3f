#include "render/GpuDensity.hpp"

#include <cmath>
#include <vector>

#include "render/EmbeddedShaders.hpp"
#include "render/GlUtil.hpp"

namespace mirador {

namespace {

GLuint make_r32f(int w, int h, const float* data) {
    GLuint t = 0;
    glGenTextures(1, &t);
    glBindTexture(GL_TEXTURE_2D, t);
    gl::set_texture_sampling(GL_NEAREST);
    glPixelStorei(GL_UNPACK_ALIGNMENT, 4);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_R32F, w, h, 0, GL_RED, GL_FLOAT, data);
    return t;
}

GLuint make_fbo(GLuint tex) {
    GLuint f = 0;
    glGenFramebuffers(1, &f);
    glBindFramebuffer(GL_FRAMEBUFFER, f);
    glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, tex, 0);
    return f;
}

void drop_texture(GLuint& t) {
    if (t) glDeleteTextures(1, &t);
    t = 0;
}
void drop_fbo(GLuint& f) {
    if (f) glDeleteFramebuffers(1, &f);
    f = 0;
}

}  // namespace

geo::Result<std::unique_ptr<GpuDensity>> GpuDensity::create() {
    auto bin = gl::compile_program(shaders::density_bin_vert, shaders::density_bin_frag, "density_bin");
    if (!bin) return geo::make_error(bin.error());
    auto conv = gl::compile_program(shaders::density_conv_vert, shaders::density_conv_frag, "density_conv");
    if (!conv) return geo::make_error(conv.error());
    std::unique_ptr<GpuDensity> g(new GpuDensity());
    g->bin_program_ = *bin;
    g->conv_program_ = *conv;
    g->u_cell_ = glGetUniformLocation(g->bin_program_, "u_cell");
    g->u_size_ = glGetUniformLocation(g->bin_program_, "u_size");
    g->u_window_ = glGetUniformLocation(g->bin_program_, "u_window");
    g->u_binned_ = glGetUniformLocation(g->conv_program_, "u_binned");
    g->u_kernel_ = glGetUniformLocation(g->conv_program_, "u_kernel");
    g->u_radius_ = glGetUniformLocation(g->conv_program_, "u_radius");
    glGenVertexArrays(1, &g->vao_points_);
    glGenVertexArrays(1, &g->vao_empty_);
    GLuint b[3];
    glGenBuffers(3, b);
    g->vbo_xy_ = b[0], g->vbo_days_ = b[1], g->vbo_weight_ = b[2];
    glBindVertexArray(g->vao_points_);
    glBindBuffer(GL_ARRAY_BUFFER, g->vbo_xy_);
    glEnableVertexAttribArray(0);
    glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, 8, nullptr);
    glBindBuffer(GL_ARRAY_BUFFER, g->vbo_days_);
    glEnableVertexAttribArray(1);
    glVertexAttribIPointer(1, 2, GL_INT, 8, nullptr);
    glBindBuffer(GL_ARRAY_BUFFER, g->vbo_weight_);
    glEnableVertexAttribArray(2);
    glVertexAttribPointer(2, 1, GL_FLOAT, GL_FALSE, 4, nullptr);
    glBindVertexArray(0);
    return g;
}

GpuDensity::~GpuDensity() {
    if (bin_program_) glDeleteProgram(bin_program_);
    if (conv_program_) glDeleteProgram(conv_program_);
    GLuint vaos[] = {vao_points_, vao_empty_};
    for (GLuint v : vaos)
        if (v) glDeleteVertexArrays(1, &v);
    GLuint bufs[] = {vbo_xy_, vbo_days_, vbo_weight_};
    for (GLuint v : bufs)
        if (v) glDeleteBuffers(1, &v);
    drop_texture(binned_tex_);
    drop_texture(result_tex_);
    drop_texture(kernel_tex_);
    drop_fbo(fbo_binned_);
    drop_fbo(fbo_result_);
}

void GpuDensity::configure(const geo::DensityPoints& pts, const geo::GridSpec& grid, const geo::KernelSpec& kernel,
                           bool changed) {
    const bool points_changed = changed || pts_ != &pts || count_ != pts.size() || !(grid_ == grid);
    pts_ = &pts;
    if (points_changed) {
        count_ = pts.size();
        std::vector<float> xy(count_ * 2), w(count_);
        std::vector<std::int32_t> days(count_ * 2);
        const auto ds = pts.store->day_start(), de = pts.store->day_end();
        for (std::size_t i = 0; i < count_; ++i) {
            const bool placed = std::isfinite(pts.x[i]) && std::isfinite(pts.y[i]);
            // Relative to the grid's corner: float keeps 0.5 m there, not 0.5 m at 4,000 km.
            xy[2 * i] = placed ? float(double(pts.x[i]) - grid.x0) : 0.0f;
            xy[2 * i + 1] = placed ? float(double(pts.y[i]) - grid.y0) : 0.0f;
            w[i] = placed ? pts.weight[i] : 0.0f;
            days[2 * i] = ds[i];
            days[2 * i + 1] = de[i];
        }
        glBindBuffer(GL_ARRAY_BUFFER, vbo_xy_);
        glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(xy.size() * 4), xy.data(), GL_STATIC_DRAW);
        glBindBuffer(GL_ARRAY_BUFFER, vbo_days_);
        glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(days.size() * 4), days.data(), GL_STATIC_DRAW);
        glBindBuffer(GL_ARRAY_BUFFER, vbo_weight_);
        glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(w.size() * 4), w.data(), GL_STATIC_DRAW);
    }
    if (!(grid_ == grid) || !binned_tex_) {
        drop_fbo(fbo_binned_);
        drop_fbo(fbo_result_);
        drop_texture(binned_tex_);
        drop_texture(result_tex_);
        binned_tex_ = make_r32f(grid.nx, grid.ny, nullptr);
        result_tex_ = make_r32f(grid.nx, grid.ny, nullptr);
        // The heatmap samples the result bilinearly.
        glBindTexture(GL_TEXTURE_2D, result_tex_);
        gl::set_texture_sampling(GL_LINEAR);
        GLint prev = 0;
        glGetIntegerv(GL_DRAW_FRAMEBUFFER_BINDING, &prev);
        fbo_binned_ = make_fbo(binned_tex_);
        fbo_result_ = make_fbo(result_tex_);
        glBindFramebuffer(GL_FRAMEBUFFER, static_cast<GLuint>(prev));
    }
    if (!(grid_ == grid) || !(kernel_ == kernel) || !kernel_tex_) {
        radius_cells_ = static_cast<int>(std::ceil(kernel.radius_m / grid.cell));
        const int n = 2 * radius_cells_ + 1;
        std::vector<float> k(static_cast<std::size_t>(n) * n);
        for (int dy = -radius_cells_; dy <= radius_cells_; ++dy)
            for (int dx = -radius_cells_; dx <= radius_cells_; ++dx)
                k[static_cast<std::size_t>(dy + radius_cells_) * n + (dx + radius_cells_)] =
                    float(geo::kernel_density_for_binning(kernel, std::hypot(dx * grid.cell, dy * grid.cell), grid.cell) * 1e6);
        drop_texture(kernel_tex_);
        kernel_tex_ = make_r32f(n, n, k.data());
    }
    grid_ = grid;
    kernel_ = kernel;
}

void GpuDensity::compute(geo::DayRange window) {
    if (!pts_ || !binned_tex_) return;
    const auto [first, last] = pts_->store->range_overlapping(window.from, window.to);
    GLint prev_fbo = 0, prev_viewport[4];
    glGetIntegerv(GL_DRAW_FRAMEBUFFER_BINDING, &prev_fbo);
    glGetIntegerv(GL_VIEWPORT, prev_viewport);
    glDisable(GL_DEPTH_TEST);
    glViewport(0, 0, grid_.nx, grid_.ny);

    glBindFramebuffer(GL_FRAMEBUFFER, fbo_binned_);
    glClearColor(0, 0, 0, 0);
    glClear(GL_COLOR_BUFFER_BIT);
    if (last > first) {
        glEnable(GL_BLEND);
        glBlendFunc(GL_ONE, GL_ONE);
        glBlendEquation(GL_FUNC_ADD);
        glEnable(GL_PROGRAM_POINT_SIZE);
        glUseProgram(bin_program_);
        glUniform1f(u_cell_, float(grid_.cell));
        glUniform2f(u_size_, float(grid_.nx), float(grid_.ny));
        glUniform2i(u_window_, window.from, window.to);
        glBindVertexArray(vao_points_);
        glDrawArrays(GL_POINTS, static_cast<GLint>(first), static_cast<GLsizei>(last - first));
        glDisable(GL_PROGRAM_POINT_SIZE);
    }

    glDisable(GL_BLEND);
    glBindFramebuffer(GL_FRAMEBUFFER, fbo_result_);
    glUseProgram(conv_program_);
    glActiveTexture(GL_TEXTURE0);
    glBindTexture(GL_TEXTURE_2D, binned_tex_);
    glUniform1i(u_binned_, 0);
    glActiveTexture(GL_TEXTURE1);
    glBindTexture(GL_TEXTURE_2D, kernel_tex_);
    glUniform1i(u_kernel_, 1);
    glUniform1i(u_radius_, radius_cells_);
    glBindVertexArray(vao_empty_);
    glDrawArrays(GL_TRIANGLES, 0, 3);
    glActiveTexture(GL_TEXTURE0);
    glBindVertexArray(0);
    glUseProgram(0);
    glBindFramebuffer(GL_FRAMEBUFFER, static_cast<GLuint>(prev_fbo));
    glViewport(prev_viewport[0], prev_viewport[1], prev_viewport[2], prev_viewport[3]);
    glEnable(GL_BLEND);
    glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
}

geo::DensityGrid GpuDensity::read_back() const {
    geo::DensityGrid g;
    g.spec = grid_;
    g.values.assign(grid_.cells(), 0.0f);
    if (!fbo_result_) return g;
    GLint prev = 0;
    glGetIntegerv(GL_READ_FRAMEBUFFER_BINDING, &prev);
    glBindFramebuffer(GL_READ_FRAMEBUFFER, fbo_result_);
    glPixelStorei(GL_PACK_ALIGNMENT, 4);
    glReadPixels(0, 0, grid_.nx, grid_.ny, GL_RED, GL_FLOAT, g.values.data());
    glBindFramebuffer(GL_READ_FRAMEBUFFER, static_cast<GLuint>(prev));
    return g;
}

}  // namespace mirador
