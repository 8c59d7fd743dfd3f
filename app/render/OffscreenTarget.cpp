#include "render/OffscreenTarget.hpp"

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
    std::vector<std::uint8_t> px(static_cast<std::size_t>(width) * height * 4);
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    glReadPixels(0, 0, width, height, GL_RGBA, GL_UNSIGNED_BYTE, px.data());
    const std::size_t row = static_cast<std::size_t>(width) * 4;
    std::vector<std::uint8_t> tmp(row);
    for (int y = 0; y < height / 2; ++y) {
        std::uint8_t* a = px.data() + static_cast<std::size_t>(y) * row;
        std::uint8_t* b = px.data() + static_cast<std::size_t>(height - 1 - y) * row;
        std::memcpy(tmp.data(), a, row);
        std::memcpy(a, b, row);
        std::memcpy(b, tmp.data(), row);
    }
    return px;
}

std::vector<std::uint8_t> OffscreenTarget::read_rgba() const {
    bind();
    return read_framebuffer_rgba(width_, height_);
}

}  // namespace mirador
