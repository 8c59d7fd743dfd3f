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

std::vector<std::uint8_t> read_framebuffer_rgba(int width, int height) {
    // Read in bands into a small buffer and copied once to the flipped place (GL's rows run
    // bottom up), rather than read whole and flipped by swapping rows: one copy per row instead of
    // three, and no second pass over 33 MB at 4K.
    constexpr int kBandRows = 64;
    const std::size_t row = static_cast<std::size_t>(width) * 4;
    std::vector<std::uint8_t> px(row * static_cast<std::size_t>(height));
    std::vector<std::uint8_t> band(row * static_cast<std::size_t>(std::min(kBandRows, height)));
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    for (int y0 = 0; y0 < height; y0 += kBandRows) {
        const int rows = std::min(kBandRows, height - y0);
        glReadPixels(0, y0, width, rows, GL_RGBA, GL_UNSIGNED_BYTE, band.data());
        for (int k = 0; k < rows; ++k)
            std::memcpy(px.data() + static_cast<std::size_t>(height - 1 - y0 - k) * row,
                        band.data() + static_cast<std::size_t>(k) * row, row);
    }
    return px;
}

std::vector<std::uint8_t> OffscreenTarget::read_rgba() const {
    bind();
    return read_framebuffer_rgba(width_, height_);
}

}  // namespace mirador
