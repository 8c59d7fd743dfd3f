#pragma once
// Where frames are drawn, behind one small interface: a window on the screen
// (WindowGlContext.hpp) or an offscreen image with no display at all (HeadlessGlContext
// here). Either makes an OpenGL 3.3 core context current and loads its functions when it is
// made; the window's loop and `mirador snapshot` then bind, draw, read and present alike.
#include <cstdint>
#include <memory>
#include <optional>
#include <vector>

#include "mirador/geo/Result.hpp"
#include "render/OffscreenTarget.hpp"

namespace mirador {

class GlContext {
public:
    virtual ~GlContext() = default;
    virtual const char* kind() const = 0;  // "EGL surfaceless", "hidden GLFW window", "GLFW window"
    // The framebuffer's size in pixels (a window's follows resizes and the screen's DPI).
    virtual int frame_width() const = 0;
    virtual int frame_height() const = 0;
    // Binds the framebuffer frames are drawn into.
    virtual void bind_frame() = 0;
    // The frame's pixels, RGBA8, top row first (a window: before present()).
    virtual std::vector<std::uint8_t> read_frame() = 0;
    // The frame is complete: shown (a window swaps its buffers) or finished (offscreen).
    virtual void present() = 0;
};

// EGL on Mesa's surfaceless platform first (works with no X server at all), then a hidden
// GLFW window when a display exists; frames go to an offscreen image of set_frame_size().
class HeadlessGlContext : public GlContext {
public:
    [[nodiscard]] static geo::Result<std::unique_ptr<HeadlessGlContext>> create();
    // Makes the image frames are drawn into (checked: a size past the driver's limit fails).
    [[nodiscard]] geo::Result<bool> set_frame_size(int width, int height);
    int frame_width() const override { return target_ ? target_->width() : 0; }
    int frame_height() const override { return target_ ? target_->height() : 0; }
    void bind_frame() override;
    std::vector<std::uint8_t> read_frame() override;
    void present() override;

protected:
    // The image is an OpenGL object: derived classes, which own the context, drop it first.
    void release_frame() { target_.reset(); }

private:
    std::optional<OffscreenTarget> target_;
};

}  // namespace mirador
