#pragma once
// Draws a density surface (R32F texture) through a colour ramp over the map. The texture
// comes either from the CPU engine (set_density uploads a DensityGrid) or straight from
// GpuDensity (use_texture), so both engines share the colouring and the legend.
#include <cstdint>
#include <vector>

#include "mirador/geo/DensityGrid.hpp"
#include "mirador/geo/Result.hpp"
#include "mirador/geo/Vec2.hpp"
#include "render/RenderPass.hpp"
#include "render/gl/ShaderProgram.hpp"
#include "style/ColorRamp.hpp"

namespace mirador {

class HeatmapPass final : public RenderPass {
public:
    [[nodiscard]] static geo::Result<HeatmapPass> create();
    explicit HeatmapPass(gl::ShaderProgram program);

    // Mesh over the grid: (nx+1) x (ny+1) positions in the display CRS minus the renderer's
    // origin, row-major from the grid's lower-left corner; texture coordinates follow.
    void set_mesh(int nx, int ny, const std::vector<geo::Vec2>& display_positions);
    void set_density(const geo::DensityGrid& grid);  // uploads the values (same size: sub-image)
    void use_texture(GLuint texture);                // a GpuDensity result; 0: back to our own
    void set_ramp(const RampTable& ramp);
    void draw(const PassContext& c) override;  // with c.frame.heatmap's style
    bool has_density() const { return active_texture() != 0 && index_count_ > 0; }

private:
    GLuint active_texture() const { return external_ ? external_ : texture_.id(); }
    gl::ShaderProgram program_;
    gl::VertexArray vao_ = gl::VertexArray::create();
    gl::Buffer vertices_ = gl::Buffer::create(), indices_ = gl::Buffer::create();
    gl::Texture texture_, ramp_;
    GLuint external_ = 0;  // not ours: GpuDensity owns it
    int tex_w_ = 0, tex_h_ = 0;
    GLsizei index_count_ = 0;
};

}  // namespace mirador
