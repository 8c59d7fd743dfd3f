#pragma once
// The density surface computed on the GPU: the incidents live in one vertex buffer uploaded
// once; a time window is a draw range (the store's index range) plus two uniforms. Binning
// draws the range as points with additive blending into an R32F target, then a fragment
// pass convolves with the kernel table. Same definition as geo::DensityEngine (linear
// binning, kernel per km² sampled at cell offsets), so the two can be compared cell by cell.
//
// Cost: the convolution is (2R+1)² taps per cell. On a real GPU that is nothing; on
// llvmpipe it is the CPU doing what FFTW does better, which is why the viewer uses the CPU
// engine there (see bench/bench_heatmap and the README).
#include <glad/gl.h>

#include <memory>

#include "mirador/geo/DensityEngine.hpp"
#include "mirador/geo/Result.hpp"

namespace mirador {

class GpuDensity {
public:
    [[nodiscard]] static geo::Result<std::unique_ptr<GpuDensity>> create();
    ~GpuDensity();
    GpuDensity(const GpuDensity&) = delete;
    GpuDensity& operator=(const GpuDensity&) = delete;

    // Sets the grid and kernel (allocates targets, uploads the kernel table) and the points
    // (positions relative to the grid's corner: uploaded when the grid moves, or when
    // `points_changed` says the caller changed them, e.g. new weights from the filters).
    void configure(const geo::DensityPoints& pts, const geo::GridSpec& grid, const geo::KernelSpec& kernel,
                   bool points_changed = false);
    // Renders the window's surface into result_texture(); restores the caller's framebuffer
    // binding and viewport is up to the caller (the Renderer sets both every frame).
    void compute(geo::DayRange window);
    GLuint result_texture() const { return result_tex_; }
    const geo::GridSpec& grid() const { return grid_; }
    // Reads the last result back (tests, the relative scale's maximum).
    geo::DensityGrid read_back() const;

private:
    GpuDensity() = default;
    const geo::DensityPoints* pts_ = nullptr;
    geo::GridSpec grid_;
    geo::KernelSpec kernel_;
    int radius_cells_ = 0;
    std::size_t count_ = 0;
    GLuint bin_program_ = 0, conv_program_ = 0, vao_points_ = 0, vao_empty_ = 0, vbo_xy_ = 0, vbo_days_ = 0,
           vbo_weight_ = 0, binned_tex_ = 0, result_tex_ = 0, kernel_tex_ = 0, fbo_binned_ = 0, fbo_result_ = 0;
    GLint u_cell_ = -1, u_size_ = -1, u_window_ = -1, u_binned_ = -1, u_kernel_ = -1, u_radius_ = -1;
};

}  // namespace mirador
