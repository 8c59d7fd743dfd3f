#pragma once
// Translucent strokes laid once per pixel. A border drawn as a quad per segment overlaps itself
// where segments meet (each quad runs half a width past its ends, so that bends have no gaps);
// below full opacity every overlap was blended twice, and the line showed a dark bead at each
// vertex as wide as the line (faint at 4K, blatant in a 300-dpi print or a 32K export). Here
// the segments' coverage is collected first into a one-channel texture, keeping the largest at
// each pixel (GL_MAX), and the colour is then blended once over the map in that coverage: a
// layer's opacity as QGIS and MapLibre mean it, the layer drawn whole, then faded.
#include <vector>

#include "mirador/geo/Result.hpp"
#include "render/gl/ShaderProgram.hpp"

namespace mirador {

struct Rgba;

class StrokeCoverage {
public:
    [[nodiscard]] static geo::Result<StrokeCoverage> create();
    explicit StrokeCoverage(gl::ShaderProgram composite) : composite_(std::move(composite)) {}
    // Binds the coverage target at the viewport's size, cleared, with GL_MAX blending. False
    // where it cannot be made (the caller then draws the stroke directly). The caller's
    // StateGuard puts framebuffer, viewport and blending back after composite().
    bool begin();
    // Lays `color` at `opacity` over the framebuffer and viewport that were bound at begin(),
    // with the usual alpha blending, in the coverage collected since; only inside `areas`
    // (framebuffer pixels: x, y from the bottom, width, height), where the strokes can be.
    struct Area {
        int x, y, w, h;
    };
    void composite(const Rgba& color, float opacity, const std::vector<Area>& areas) const;
    // The viewport's size at begin().
    int width() const { return width_; }
    int height() const { return height_; }
    int x() const { return viewport_[0]; }
    int y() const { return viewport_[1]; }

private:
    gl::ShaderProgram composite_;
    gl::Texture texture_;
    gl::Framebuffer framebuffer_;
    gl::VertexArray empty_ = gl::VertexArray::create();  // the core profile draws nothing without one
    int width_ = 0, height_ = 0;
    GLint target_ = 0;            // the framebuffer begin() found bound
    GLint viewport_[4] = {};      // and its viewport
};

}  // namespace mirador
