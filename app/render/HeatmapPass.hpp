#pragma once
// Draws a density surface (R32F texture) through a colour ramp over the map. The texture
// comes either from the CPU engine (set_density uploads a DensityGrid) or straight from
// GpuDensity (use_texture), so both engines share the colouring and the legend.
#include <glad/gl.h>

#include <cstdint>
#include <vector>

#include "mirador/geo/DensityGrid.hpp"
#include "mirador/geo/Result.hpp"
#include "mirador/geo/Vec2.hpp"
#include "style/ColorRamp.hpp"

namespace mirador {

struct HeatmapStyle;

class HeatmapPass {
public:
    [[nodiscard]] static geo::Result<HeatmapPass> create();
    HeatmapPass(HeatmapPass&&) noexcept;
    HeatmapPass& operator=(HeatmapPass&&) noexcept;
    ~HeatmapPass();

    // Mesh over the grid: (nx+1) x (ny+1) positions in the display CRS minus the renderer's
    // origin, row-major from the grid's lower-left corner; texture coordinates follow.
    void set_mesh(int nx, int ny, const std::vector<geo::Vec2>& display_positions);
    void set_density(const geo::DensityGrid& grid);  // uploads the values (same size: sub-image)
    void use_texture(GLuint texture);                // a GpuDensity result; 0: back to our own
    void set_ramp(const RampTable& ramp);
    void draw(const HeatmapStyle& style, float cx, float cy, float sx, float sy) const;
    bool has_density() const { return active_texture() != 0 && index_count_ > 0; }

private:
    HeatmapPass() = default;
    GLuint active_texture() const { return external_ ? external_ : texture_; }
    GLuint program_ = 0, vao_ = 0, vbo_ = 0, ebo_ = 0, texture_ = 0, ramp_ = 0, external_ = 0;
    GLint u_center_ = -1, u_scale_ = -1, u_density_ = -1, u_ramp_ = -1, u_lo_ = -1, u_hi_ = -1, u_threshold_ = -1,
          u_opacity_ = -1;
    int tex_w_ = 0, tex_h_ = 0;
    GLsizei index_count_ = 0;
};

}  // namespace mirador
