#include "render/GlUtil.hpp"

#include <glad/gl.h>

namespace mirador::gl {

std::string context_description() {
    auto str = [](GLenum e) {
        const GLubyte* s = glGetString(e);
        return s ? std::string(reinterpret_cast<const char*>(s)) : std::string("?");
    };
    return str(GL_VERSION) + " on " + str(GL_RENDERER);
}

bool is_software_renderer() {
    const GLubyte* s = glGetString(GL_RENDERER);
    const std::string r = s ? reinterpret_cast<const char*>(s) : "";
    return r.find("llvmpipe") != std::string::npos || r.find("softpipe") != std::string::npos ||
           r.find("SwiftShader") != std::string::npos;
}

void finish() { glFinish(); }

int max_frame_side() {
    GLint renderbuffer = 0, viewport[2] = {0, 0};
    glGetIntegerv(GL_MAX_RENDERBUFFER_SIZE, &renderbuffer);
    glGetIntegerv(GL_MAX_VIEWPORT_DIMS, viewport);
    int side = renderbuffer;
    if (viewport[0] < side) side = viewport[0];
    if (viewport[1] < side) side = viewport[1];
    return side;
}

void bind_window_framebuffer() { glBindFramebuffer(GL_FRAMEBUFFER, 0); }

void use_alpha_blending(bool on) {
    if (!on) {
        glDisable(GL_BLEND);
        return;
    }
    glEnable(GL_BLEND);
    glBlendEquation(GL_FUNC_ADD);
    glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
}

}  // namespace mirador::gl
