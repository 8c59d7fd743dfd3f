#include "render/gl/Object.hpp"

#include <array>
#include <atomic>

namespace mirador::gl {

namespace {

std::array<std::atomic<long>, kKindCount> live{};

std::atomic<long>& counter(Kind k) { return live[static_cast<std::size_t>(k)]; }

}  // namespace

const char* to_string(Kind k) {
    switch (k) {
        case Kind::Program: return "program";
        case Kind::Shader: return "shader";
        case Kind::Buffer: return "buffer";
        case Kind::VertexArray: return "vertex array";
        case Kind::Texture: return "texture";
        case Kind::Framebuffer: return "framebuffer";
        case Kind::Renderbuffer: return "renderbuffer";
    }
    return "?";
}

long live_count(Kind k) { return counter(k).load(); }

namespace detail {

GLuint make(Kind k, GLenum shader_type) {
    GLuint name = 0;
    switch (k) {
        case Kind::Program: name = glCreateProgram(); break;
        case Kind::Shader: name = glCreateShader(shader_type); break;
        case Kind::Buffer: glGenBuffers(1, &name); break;
        case Kind::VertexArray: glGenVertexArrays(1, &name); break;
        case Kind::Texture: glGenTextures(1, &name); break;
        case Kind::Framebuffer: glGenFramebuffers(1, &name); break;
        case Kind::Renderbuffer: glGenRenderbuffers(1, &name); break;
    }
    if (name) ++counter(k);
    return name;
}

void destroy(Kind k, GLuint name) {
    switch (k) {
        case Kind::Program: glDeleteProgram(name); break;
        case Kind::Shader: glDeleteShader(name); break;
        case Kind::Buffer: glDeleteBuffers(1, &name); break;
        case Kind::VertexArray: glDeleteVertexArrays(1, &name); break;
        case Kind::Texture: glDeleteTextures(1, &name); break;
        case Kind::Framebuffer: glDeleteFramebuffers(1, &name); break;
        case Kind::Renderbuffer: glDeleteRenderbuffers(1, &name); break;
    }
    --counter(k);
}

}  // namespace detail

}  // namespace mirador::gl
