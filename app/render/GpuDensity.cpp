#include "render/GpuDensity.hpp"

#include <cmath>
#include <vector>

#include "render/EmbeddedShaders.hpp"
#include "render/gl/Framebuffer.hpp"
#include "render/gl/StateGuard.hpp"
#include "render/gl/Texture.hpp"
#include "render/gl/VertexInput.hpp"

namespace mirador {

geo::Result<std::unique_ptr<GpuDensity>> GpuDensity::create() {
    auto bin = gl::ShaderProgram::build("density_bin", shaders::density_bin_vert, shaders::density_bin_frag);
    if (!bin) return geo::make_error(bin.error());
    auto conv = gl::ShaderProgram::build("density_conv", shaders::density_conv_vert, shaders::density_conv_frag);
    if (!conv) return geo::make_error(conv.error());
    std::unique_ptr<GpuDensity> g(new GpuDensity());
    g->bin_ = std::move(bin).value();
    g->conv_ = std::move(conv).value();
    g->points_vao_ = gl::VertexArray::create();
    g->empty_vao_ = gl::VertexArray::create();
    g->xy_ = gl::Buffer::create();
    g->days_ = gl::Buffer::create();
    g->weight_ = gl::Buffer::create();
    glBindVertexArray(g->points_vao_.id());
    gl::point_attribute(g->xy_, {0, 2, GL_FLOAT, false, 8});
    gl::point_attribute(g->days_, {1, 2, GL_INT, true, 8});
    gl::point_attribute(g->weight_, {2, 1, GL_FLOAT, false, 4});
    glBindVertexArray(0);
    return g;
}

geo::Result<bool> GpuDensity::configure(const geo::DensityPoints& pts, const geo::GridSpec& grid,
                                        const geo::KernelSpec& kernel, bool changed) {
    const gl::StateGuard saved;  // uploads bind buffers and textures
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
        gl::buffer_data(GL_ARRAY_BUFFER, xy_, xy, GL_STATIC_DRAW);
        gl::buffer_data(GL_ARRAY_BUFFER, days_, days, GL_STATIC_DRAW);
        gl::buffer_data(GL_ARRAY_BUFFER, weight_, w, GL_STATIC_DRAW);
    }
    if (!(grid_ == grid) || !binned_tex_) {
        binned_fbo_.reset();
        result_fbo_.reset();
        binned_tex_ = gl::make_texture_2d(gl::kR32F, grid.nx, grid.ny, nullptr, GL_NEAREST);
        // The heatmap samples the result bilinearly.
        result_tex_ = gl::make_texture_2d(gl::kR32F, grid.nx, grid.ny, nullptr, GL_LINEAR);
        auto binned = gl::framebuffer_with(binned_tex_);
        if (!binned) return geo::make_error("GPU density, binned counts: " + binned.error());
        auto result = gl::framebuffer_with(result_tex_);
        if (!result) return geo::make_error("GPU density, surface: " + result.error());
        binned_fbo_ = std::move(binned).value();
        result_fbo_ = std::move(result).value();
    }
    if (!(grid_ == grid) || !(kernel_ == kernel) || !kernel_tex_) {
        radius_cells_ = static_cast<int>(std::ceil(kernel.radius_m / grid.cell));
        const int n = 2 * radius_cells_ + 1;
        std::vector<float> k(static_cast<std::size_t>(n) * n);
        for (int dy = -radius_cells_; dy <= radius_cells_; ++dy)
            for (int dx = -radius_cells_; dx <= radius_cells_; ++dx)
                k[static_cast<std::size_t>(dy + radius_cells_) * n + (dx + radius_cells_)] =
                    float(geo::kernel_density_for_binning(kernel, std::hypot(dx * grid.cell, dy * grid.cell), grid.cell) * 1e6);
        kernel_tex_ = gl::make_texture_2d(gl::kR32F, n, n, k.data(), GL_NEAREST);
    }
    grid_ = grid;
    kernel_ = kernel;
    return true;
}

void GpuDensity::compute(geo::DayRange window) {
    if (!pts_ || !binned_fbo_ || !result_fbo_) return;
    const auto [first, last] = pts_->store->range_overlapping(window.from, window.to);
    const gl::StateGuard saved;
    glDisable(GL_DEPTH_TEST);
    glViewport(0, 0, grid_.nx, grid_.ny);

    glBindFramebuffer(GL_FRAMEBUFFER, binned_fbo_.id());
    glClearColor(0, 0, 0, 0);
    glClear(GL_COLOR_BUFFER_BIT);
    if (last > first) {
        glEnable(GL_BLEND);
        glBlendFunc(GL_ONE, GL_ONE);
        glBlendEquation(GL_FUNC_ADD);
        glEnable(GL_PROGRAM_POINT_SIZE);
        bin_.use();
        bin_.set("u_cell", float(grid_.cell));
        bin_.set("u_size", float(grid_.nx), float(grid_.ny));
        bin_.set("u_window", window.from, window.to);
        glBindVertexArray(points_vao_.id());
        glDrawArrays(GL_POINTS, static_cast<GLint>(first), static_cast<GLsizei>(last - first));
    }

    glDisable(GL_BLEND);
    glBindFramebuffer(GL_FRAMEBUFFER, result_fbo_.id());
    conv_.use();
    glActiveTexture(GL_TEXTURE0);
    glBindTexture(GL_TEXTURE_2D, binned_tex_.id());
    conv_.set("u_binned", 0);
    glActiveTexture(GL_TEXTURE1);
    glBindTexture(GL_TEXTURE_2D, kernel_tex_.id());
    conv_.set("u_kernel", 1);
    conv_.set("u_radius", radius_cells_);
    glBindVertexArray(empty_vao_.id());
    glDrawArrays(GL_TRIANGLES, 0, 3);
}

geo::DensityGrid GpuDensity::read_back() const {
    geo::DensityGrid g;
    g.spec = grid_;
    g.values.assign(grid_.cells(), 0.0f);
    if (!result_fbo_) return g;
    const gl::StateGuard saved;
    glBindFramebuffer(GL_READ_FRAMEBUFFER, result_fbo_.id());
    glPixelStorei(GL_PACK_ALIGNMENT, 4);
    glReadPixels(0, 0, grid_.nx, grid_.ny, GL_RED, GL_FLOAT, g.values.data());
    return g;
}

}  // namespace mirador
