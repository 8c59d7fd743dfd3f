#pragma once
// A GLFW window with an OpenGL 3.3 core context, current and with its functions loaded: what
// the viewer's window and the headless fallback (a hidden window) both start from.
#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>

#include "mirador/geo/Result.hpp"

namespace mirador {

// GLFW itself, initialised for the lifetime of the object (glfwInit / glfwTerminate). Sessions
// nest: only the last one to end terminates GLFW, so a headless context that falls back to a
// hidden window inside the viewer (an export from the window) leaves the viewer's window alive.
class GlfwSession {
public:
    GlfwSession();
    ~GlfwSession();
    GlfwSession(const GlfwSession&) = delete;
    GlfwSession& operator=(const GlfwSession&) = delete;
    bool ok() const { return ok_; }

private:
    bool ok_ = false;
};

// Needs a live GlfwSession. The window is the caller's to destroy (glfwDestroyWindow).
[[nodiscard]] geo::Result<GLFWwindow*> open_gl_window(int width, int height, const char* title, bool visible);

}  // namespace mirador
