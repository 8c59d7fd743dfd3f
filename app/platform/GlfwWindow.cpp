#include <glad/gl.h>

#include "platform/GlfwWindow.hpp"

namespace mirador {

GlfwSession::GlfwSession() : ok_(glfwInit() == GLFW_TRUE) {}

GlfwSession::~GlfwSession() {
    if (ok_) glfwTerminate();
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
