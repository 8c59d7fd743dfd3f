#include "platform/WindowGlContext.hpp"

#include "platform/Report.hpp"
#include "render/GlUtil.hpp"

namespace mirador {

namespace {

void glfw_error(int code, const char* text) { eprint("mirador: GLFW error %d: %s\n", code, text); }

}  // namespace

geo::Result<std::unique_ptr<WindowGlContext>> WindowGlContext::create(int width, int height, const char* title,
                                                                      bool vsync) {
    glfwSetErrorCallback(glfw_error);
    std::unique_ptr<WindowGlContext> w(new WindowGlContext());
    if (!w->glfw_.ok()) return geo::make_error("cannot open a window (no display?)");
    auto window = open_gl_window(width, height, title, true);
    if (!window) return geo::make_error(window.error());
    w->window_ = *window;
    glfwSwapInterval(vsync ? 1 : 0);
    return w;
}

WindowGlContext::~WindowGlContext() {
    if (window_) glfwDestroyWindow(window_);
}

int WindowGlContext::frame_width() const {
    int w = 0, h = 0;
    glfwGetFramebufferSize(window_, &w, &h);
    return w;
}

int WindowGlContext::frame_height() const {
    int w = 0, h = 0;
    glfwGetFramebufferSize(window_, &w, &h);
    return h;
}

void WindowGlContext::bind_frame() { gl::bind_window_framebuffer(); }

std::vector<std::uint8_t> WindowGlContext::read_frame() {
    bind_frame();
    return read_framebuffer_rgba(frame_width(), frame_height());
}

void WindowGlContext::present() { glfwSwapBuffers(window_); }

}  // namespace mirador
