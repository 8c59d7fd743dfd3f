#include "render/MapThumbnail.hpp"

#include "render/OffscreenTarget.hpp"
#include "render/gl/Texture.hpp"

namespace mirador {

geo::Result<MapThumbnail> MapThumbnail::render(int width, int height, const std::function<void()>& draw) {
    auto target = OffscreenTarget::create(width, height);
    if (!target) return geo::make_error(target.error());
    target->bind();
    draw();
    // Through the CPU: a thumbnail is a few hundred kilobytes, made when a slide changes, and a
    // renderbuffer read back keeps OffscreenTarget the one kind of offscreen image.
    const std::vector<std::uint8_t> px = target->read_rgba();
    MapThumbnail t;
    t.width_ = width;
    t.height_ = height;
    t.texture_ = gl::make_texture_2d(gl::kRGBA8, width, height, px.data(), GL_LINEAR);
    glBindTexture(GL_TEXTURE_2D, 0);
    return t;
}

}  // namespace mirador
