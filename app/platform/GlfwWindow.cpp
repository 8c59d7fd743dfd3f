#include <glad/gl.h>

#include "platform/GlfwWindow.hpp"

namespace mirador {

namespace {
int live_sessions = 0;  // GLFW is used from the UI thread only
}  // namespace

GlfwSession::GlfwSession() : ok_(live_sessions > 0 || glfwInit() == GLFW_TRUE) {
    if (ok_) ++live_sessions;
}

GlfwSession::~GlfwSession() {
    if (ok_ && --live_sessions == 0) glfwTerminate();
}

geo::Result<GLFWwindow*> open_gl_window(int width, int height, const char* title, bool visible) {
    glfwWindowHint(GLFW_VISIBLE, visible ? GLFW_TRUE : GLFW_FALSE);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
    glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
    glfwWindowHint(GLFW_OPENGL_FORWARD_COMPAT, GLFW_TRUE);
    GLFWwindow* window = glfwCreateWindow(width, height, title, nullptr, nullptr);
    if (!window) return geo::make_error("GLFW cannot create an OpenGL 3.3 core window");
    glfwMakeContextCurrent(window);
    if (!gladLoadGL(reinterpret_cast<GLADloadfunc>(glfwGetProcAddress))) {
        glfwDestroyWindow(window);
        return geo::make_error("cannot load OpenGL functions through GLFW");
    }
    return window;
}

}  // namespace mirador
