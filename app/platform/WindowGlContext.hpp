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

    GLFWwindow* window() const { return window_; }  // input, ImGui's platform backend

private:
    WindowGlContext() = default;
    GlfwSession glfw_;
    GLFWwindow* window_ = nullptr;
};

}  // namespace mirador
