#pragma once
// The viewer's window: a GLFW window whose back buffer frames are drawn into, shown by
// present() (buffer swap). GLFW errors are reported through eprint.
#include "platform/GlContext.hpp"
#include "platform/GlfwWindow.hpp"

namespace mirador {

class WindowGlContext final : public GlContext {
public:
    // `vsync`: present() waits for the screen (scripted runs go as fast as they can).
    [[nodiscard]] static geo::Result<std::unique_ptr<WindowGlContext>> create(int width, int height, const char* title,
                                                                              bool vsync);
    ~WindowGlContext() override;
    const char* kind() const override { return "GLFW window"; }
    int frame_width() const override;
    int frame_height() const override;
    void bind_frame() override;
    std::vector<std::uint8_t> read_frame() override;
    void present() override;

    // The window's context let go of, and made current again with its GL functions: an export
    // renders headless from inside the window, in a context of its own, which EGL (through
    // libglvnd) makes current only on a thread where no GLX context is.
    void release_current();
    void make_current();

    GLFWwindow* window() const { return window_; }  // input, ImGui's platform backend

private:
    WindowGlContext() = default;
    GlfwSession glfw_;
    GLFWwindow* window_ = nullptr;
};

}  // namespace mirador
