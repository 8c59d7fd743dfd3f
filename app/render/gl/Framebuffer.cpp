#include "render/gl/Framebuffer.hpp"

#include <string>

namespace mirador::gl {

namespace {

template <class Attach>
geo::Result<Framebuffer> checked(Attach attach) {
    GLint previous = 0;
    glGetIntegerv(GL_FRAMEBUFFER_BINDING, &previous);
    Framebuffer f = Framebuffer::create();
    glBindFramebuffer(GL_FRAMEBUFFER, f.id());
    attach();
    const GLenum status = glCheckFramebufferStatus(GL_FRAMEBUFFER);
    glBindFramebuffer(GL_FRAMEBUFFER, static_cast<GLuint>(previous));
    if (status != GL_FRAMEBUFFER_COMPLETE)
        return geo::make_error(std::string("the framebuffer is not complete: ") + framebuffer_status_name(status));
    return f;
}

}  // namespace

geo::Result<Framebuffer> framebuffer_with(const Texture& color) {
    return checked([&] { glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, color.id(), 0); });
}

geo::Result<Framebuffer> framebuffer_with(const Renderbuffer& color) {
    return checked(
        [&] { glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_RENDERBUFFER, color.id()); });
}

const char* framebuffer_status_name(GLenum status) {
    switch (status) {
        case GL_FRAMEBUFFER_COMPLETE: return "complete";
        case GL_FRAMEBUFFER_UNDEFINED: return "undefined";
        case GL_FRAMEBUFFER_INCOMPLETE_ATTACHMENT: return "incomplete attachment";
        case GL_FRAMEBUFFER_INCOMPLETE_MISSING_ATTACHMENT: return "no attachment";
        case GL_FRAMEBUFFER_INCOMPLETE_DRAW_BUFFER: return "incomplete draw buffer";
        case GL_FRAMEBUFFER_INCOMPLETE_READ_BUFFER: return "incomplete read buffer";
        case GL_FRAMEBUFFER_UNSUPPORTED: return "format combination unsupported by the driver";
        case GL_FRAMEBUFFER_INCOMPLETE_MULTISAMPLE: return "incomplete multisample";
        default: return "unknown status";
    }
}

}  // namespace mirador::gl
