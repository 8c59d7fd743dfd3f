#pragma once
// A framebuffer to render snapshots into, and its pixels read back top row first.
#include <cstdint>
#include <vector>

#include "mirador/geo/Result.hpp"
#include "render/gl/Object.hpp"

namespace mirador {

class OffscreenTarget {
public:
    // Checked: an image size past GL_MAX_RENDERBUFFER_SIZE, or a framebuffer the driver
    // calls incomplete, is an error with the reason.
    [[nodiscard]] static geo::Result<OffscreenTarget> create(int width, int height);
    void bind() const;
    // RGBA8, rows from the top of the image (OpenGL reads them from the bottom).
    std::vector<std::uint8_t> read_rgba() const;
    int width() const { return width_; }
    int height() const { return height_; }

private:
    OffscreenTarget() = default;
    gl::Renderbuffer color_;
    gl::Framebuffer fbo_;
    int width_ = 0, height_ = 0;
};

// Reads the currently bound framebuffer (e.g. a window's back buffer), top row first.
std::vector<std::uint8_t> read_framebuffer_rgba(int width, int height);
// Rows [first_row, first_row + rows) of the bound framebuffer's bottom-left width x height
// image, counted from its top, into `out` (rows x width RGBA, top row first).
void read_framebuffer_rows(int width, int height, int first_row, int rows, std::uint8_t* out);

}  // namespace mirador
