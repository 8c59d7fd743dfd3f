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
#include <memory>

#include "mirador/geo/DensityEngine.hpp"
#include "mirador/geo/Result.hpp"
#include "render/gl/ShaderProgram.hpp"

namespace mirador {

class GpuDensity {
public:
    [[nodiscard]] static geo::Result<std::unique_ptr<GpuDensity>> create();

    // Sets the grid and kernel (allocates targets, uploads the kernel table) and the points
    // (positions relative to the grid's corner: uploaded when the grid moves, or when
    // `points_changed` says the caller changed them, e.g. new weights from the filters).
    // Fails when the driver cannot render into the R32F targets.
    [[nodiscard]] geo::Result<bool> configure(const geo::DensityPoints& pts, const geo::GridSpec& grid,
                                              const geo::KernelSpec& kernel, bool points_changed = false);
    // Renders the window's surface into result_texture(); the caller's OpenGL state is kept.
    void compute(geo::DayRange window);
    GLuint result_texture() const { return result_tex_.id(); }
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
    gl::ShaderProgram bin_, conv_;
    gl::VertexArray points_vao_, empty_vao_;
    gl::Buffer xy_, days_, weight_;
    gl::Texture binned_tex_, result_tex_, kernel_tex_;
    gl::Framebuffer binned_fbo_, result_fbo_;
};

}  // namespace mirador
