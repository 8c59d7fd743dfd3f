#include "platform/GlContext.hpp"

#include <glad/egl.h>
#include <glad/gl.h>

#include <cstdlib>

#include "platform/GlfwWindow.hpp"
#include "render/GlUtil.hpp"

namespace mirador {

namespace {

class EglContext final : public HeadlessGlContext {
public:
    EGLDisplay display = EGL_NO_DISPLAY;
    EGLContext context = EGL_NO_CONTEXT;
    ~EglContext() override {
        release_frame();
        if (display != EGL_NO_DISPLAY) {
            eglMakeCurrent(display, EGL_NO_SURFACE, EGL_NO_SURFACE, EGL_NO_CONTEXT);
            if (context != EGL_NO_CONTEXT) eglDestroyContext(display, context);
            eglTerminate(display);
        }
    }
    const char* kind() const override { return "EGL surfaceless"; }
};

class GlfwHiddenContext final : public HeadlessGlContext {
public:
    GlfwSession glfw;
    GLFWwindow* window = nullptr;
    ~GlfwHiddenContext() override {
        release_frame();
        if (window) glfwDestroyWindow(window);
    }
    const char* kind() const override { return "hidden GLFW window"; }
};

geo::Result<std::unique_ptr<HeadlessGlContext>> try_egl() {
    // glad needs two passes: the client extensions first (to find eglGetPlatformDisplay),
    // then the display's own functions once it is initialised.
    if (!gladLoaderLoadEGL(EGL_NO_DISPLAY)) return geo::make_error("libEGL not found");
    if (!GLAD_EGL_EXT_platform_base || !eglGetPlatformDisplayEXT)
        return geo::make_error("EGL has no EXT_platform_base");
    auto ctx = std::make_unique<EglContext>();
    ctx->display = eglGetPlatformDisplayEXT(EGL_PLATFORM_SURFACELESS_MESA, EGL_DEFAULT_DISPLAY, nullptr);
    if (ctx->display == EGL_NO_DISPLAY && GLAD_EGL_EXT_platform_device && eglQueryDevicesEXT) {
        EGLDeviceEXT devices[8];
        EGLint n = 0;
        if (eglQueryDevicesEXT(8, devices, &n) && n > 0)
            ctx->display = eglGetPlatformDisplayEXT(EGL_PLATFORM_DEVICE_EXT, devices[0], nullptr);
    }
    if (ctx->display == EGL_NO_DISPLAY) return geo::make_error("no EGL display (surfaceless or device platform)");
    EGLint major = 0, minor = 0;
    if (!eglInitialize(ctx->display, &major, &minor)) {
        ctx->display = EGL_NO_DISPLAY;
        return geo::make_error("eglInitialize failed");
    }
    if (!gladLoaderLoadEGL(ctx->display)) return geo::make_error("cannot load EGL functions for the display");
    if (!eglBindAPI(EGL_OPENGL_API)) return geo::make_error("EGL cannot bind the OpenGL API");
    const EGLint attribs[] = {EGL_CONTEXT_MAJOR_VERSION, 3, EGL_CONTEXT_MINOR_VERSION, 3,
                              EGL_CONTEXT_OPENGL_PROFILE_MASK, EGL_CONTEXT_OPENGL_CORE_PROFILE_BIT, EGL_NONE};
    ctx->context = eglCreateContext(ctx->display, EGL_NO_CONFIG_KHR, EGL_NO_CONTEXT, attribs);
    if (ctx->context == EGL_NO_CONTEXT) return geo::make_error("EGL cannot create an OpenGL 3.3 core context");
    if (!eglMakeCurrent(ctx->display, EGL_NO_SURFACE, EGL_NO_SURFACE, ctx->context))
        return geo::make_error("EGL cannot make the context current without a surface");
    if (!gladLoadGL(reinterpret_cast<GLADloadfunc>(eglGetProcAddress)))
        return geo::make_error("cannot load OpenGL functions through EGL");
    return std::unique_ptr<HeadlessGlContext>(std::move(ctx));
}

geo::Result<std::unique_ptr<HeadlessGlContext>> try_glfw_hidden() {
    const char* display = std::getenv("DISPLAY");
    const char* wayland = std::getenv("WAYLAND_DISPLAY");
    if ((!display || !*display) && (!wayland || !*wayland)) return geo::make_error("no display for a hidden window");
    auto ctx = std::make_unique<GlfwHiddenContext>();
    if (!ctx->glfw.ok()) return geo::make_error("GLFW cannot start");
    auto window = open_gl_window(64, 64, "mirador", false);
    if (!window) return geo::make_error(window.error());
    ctx->window = *window;
    return std::unique_ptr<HeadlessGlContext>(std::move(ctx));
}

}  // namespace

geo::Result<std::unique_ptr<HeadlessGlContext>> HeadlessGlContext::create() {
    auto egl = try_egl();
    if (egl) return egl;
    auto glfw = try_glfw_hidden();
    if (glfw) return glfw;
    return geo::make_error("no OpenGL 3.3 context: EGL: " + egl.error() + "; GLFW: " + glfw.error() +
                           " (install libegl-mesa0 and libgl1-mesa-dri, or run under a display)");
}

geo::Result<bool> HeadlessGlContext::set_frame_size(int width, int height) {
    target_.reset();
    auto t = OffscreenTarget::create(width, height);
    if (!t) return geo::make_error(t.error());
    target_.emplace(std::move(t).value());
    return true;
}

void HeadlessGlContext::bind_frame() {
    if (target_) target_->bind();
}

std::vector<std::uint8_t> HeadlessGlContext::read_frame() {
    return target_ ? target_->read_rgba() : std::vector<std::uint8_t>{};
}

void HeadlessGlContext::present() { gl::finish(); }

}  // namespace mirador
