#include "render/OffscreenTarget.hpp"

#include <glad/gl.h>

#include <cstring>
#include <string>

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
    glGenFramebuffers(1, &t.fbo_);
    glGenRenderbuffers(1, &t.color_);
    glBindRenderbuffer(GL_RENDERBUFFER, t.color_);
    glRenderbufferStorage(GL_RENDERBUFFER, GL_RGBA8, width, height);
    glBindFramebuffer(GL_FRAMEBUFFER, t.fbo_);
    glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_RENDERBUFFER, t.color_);
    if (glCheckFramebufferStatus(GL_FRAMEBUFFER) != GL_FRAMEBUFFER_COMPLETE)
        return geo::make_error("the offscreen framebuffer is incomplete");
    return t;
}

OffscreenTarget::OffscreenTarget(OffscreenTarget&& o) noexcept
    : fbo_(o.fbo_), color_(o.color_), width_(o.width_), height_(o.height_) {
    o.fbo_ = o.color_ = 0;
}

OffscreenTarget::~OffscreenTarget() {
    if (fbo_) glDeleteFramebuffers(1, &fbo_);
    if (color_) glDeleteRenderbuffers(1, &color_);
}

void OffscreenTarget::bind() const { glBindFramebuffer(GL_FRAMEBUFFER, fbo_); }

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
