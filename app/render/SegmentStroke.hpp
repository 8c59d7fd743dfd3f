#pragma once
// Line segments drawn as screen-space quads of a given width (line.vert: the core profile has
// no wide lines), one instance per segment. The borders and the highlight outlines share it.
#include <cstddef>

#include "mirador/geo/Result.hpp"
#include "render/RenderPass.hpp"
#include "render/gl/ShaderProgram.hpp"

namespace mirador {

struct Rgba;

class SegmentStroke {
public:
    [[nodiscard]] static geo::Result<SegmentStroke> create();
    explicit SegmentStroke(gl::ShaderProgram program) : program_(std::move(program)) {}
    // Uses the program with the frame's transform and viewport; the caller's StateGuard puts
    // the previous program back.
    void begin(const PassContext& c) const;
    // From here to the next begin(), draw() writes each pixel's coverage alone (StrokeCoverage).
    void write_coverage() const;
    // Segments [first, first + count) of `segments` (four floats each), `width_px` wide.
    void draw(const gl::Buffer& segments, std::size_t first, std::size_t count, float width_px, const Rgba& color,
              float opacity) const;

private:
    gl::ShaderProgram program_;
    gl::VertexArray vao_ = gl::VertexArray::create();  // attribute 0 pointed at the segment buffer of each draw
};

}  // namespace mirador
