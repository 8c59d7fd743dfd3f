#pragma once
// A framebuffer to render snapshots into, and its pixels read back top row first.
#include <cstdint>
#include <vector>

#include "mirador/geo/Result.hpp"

namespace mirador {

class OffscreenTarget {
public:
    [[nodiscard]] static geo::Result<OffscreenTarget> create(int width, int height);
    OffscreenTarget(OffscreenTarget&&) noexcept;
    OffscreenTarget& operator=(OffscreenTarget&&) = delete;
    ~OffscreenTarget();
    void bind() const;
    // RGBA8, rows from the top of the image (OpenGL reads them from the bottom).
    std::vector<std::uint8_t> read_rgba() const;
    int width() const { return width_; }
    int height() const { return height_; }

private:
    OffscreenTarget() = default;
    unsigned fbo_ = 0, color_ = 0;
    int width_ = 0, height_ = 0;
};

// Reads the currently bound framebuffer (e.g. a window's back buffer), top row first.
std::vector<std::uint8_t> read_framebuffer_rgba(int width, int height);

}  // namespace mirador
