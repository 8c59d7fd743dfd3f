#pragma once
// A small picture of the map kept as a texture for a panel to show (ImGui::Image takes its id):
// drawn offscreen through the same frame code as the window, read back and uploaded, so the
// picture stays whatever the window draws next.
#include <functional>

#include "mirador/geo/Result.hpp"
#include "render/gl/Object.hpp"

namespace mirador {

class MapThumbnail {
public:
    // Calls `draw` with an offscreen width x height target bound, and keeps what it drew. The
    // caller binds its own framebuffer again afterwards.
    [[nodiscard]] static geo::Result<MapThumbnail> render(int width, int height, const std::function<void()>& draw);
    unsigned texture_id() const { return texture_.id(); }
    int width() const { return width_; }
    int height() const { return height_; }

private:
    MapThumbnail() = default;
    gl::Texture texture_;
    int width_ = 0, height_ = 0;
};

}  // namespace mirador
