#include "render/OffscreenTarget.hpp"

#include <algorithm>
#include <cstring>
#include <string>

#include "render/gl/Framebuffer.hpp"

namespace mirador {

geo::Result<OffscreenTarget> OffscreenTarget::create(int width, int height) {
    GLint max_size = 0;
    glGetIntegerv(GL_MAX_RENDERBUFFER_SIZE, &max_size);
    if (width <= 0 || height <= 0 || width > max_size || height > max_size)
        return geo::make_error("image size " + std::to_string(width) + "x" + std::to_string(height) +
                               " is outside 1.." + std::to_string(max_size) + " pixels per side");
    OffscreenTarget t;
    t.width_ = width;
    t.height_ = height;
    t.color_ = gl::Renderbuffer::create();
    glBindRenderbuffer(GL_RENDERBUFFER, t.color_.id());
    glRenderbufferStorage(GL_RENDERBUFFER, GL_RGBA8, width, height);
    auto fbo = gl::framebuffer_with(t.color_);
    if (!fbo) return geo::make_error("offscreen image: " + fbo.error());
    t.fbo_ = std::move(fbo).value();
    return t;
}

void OffscreenTarget::bind() const { glBindFramebuffer(GL_FRAMEBUFFER, fbo_.id()); }

void read_framebuffer_rows(int width, int height, int first_row, int rows, std::uint8_t* out) {
    // GL's rows run bottom up: read the band where it lies and reverse its rows in place.
    const std::size_t row = static_cast<std::size_t>(width) * 4;
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    glReadPixels(0, height - first_row - rows, width, rows, GL_RGBA, GL_UNSIGNED_BYTE, out);
    for (int k = 0; k < rows / 2; ++k)
        std::swap_ranges(out + static_cast<std::size_t>(k) * row, out + static_cast<std::size_t>(k + 1) * row,
                         out + static_cast<std::size_t>(rows - 1 - k) * row);
}

std::vector<std::uint8_t> read_framebuffer_rgba(int width, int height) {
    // In bands, each straight to its place: no second pass over 33 MB at 4K.
    constexpr int kBandRows = 64;
    std::vector<std::uint8_t> px(static_cast<std::size_t>(width) * 4 * static_cast<std::size_t>(height));
    for (int y0 = 0; y0 < height; y0 += kBandRows)
        read_framebuffer_rows(width, height, y0, std::min(kBandRows, height - y0),
                              px.data() + static_cast<std::size_t>(y0) * width * 4);
    return px;
}

std::vector<std::uint8_t> OffscreenTarget::read_rgba() const {
    bind();
    return read_framebuffer_rgba(width_, height_);
}

}  // namespace mirador
