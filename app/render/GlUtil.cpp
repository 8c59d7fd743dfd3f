#include "render/GlUtil.hpp"

namespace mirador::gl {

namespace {

geo::Result<GLuint> compile(GLenum type, const char* src, const std::string& what) {
    GLuint s = glCreateShader(type);
    glShaderSource(s, 1, &src, nullptr);
    glCompileShader(s);
    GLint ok = 0;
    glGetShaderiv(s, GL_COMPILE_STATUS, &ok);
    if (!ok) {
        char log[2048] = {};
        glGetShaderInfoLog(s, sizeof log, nullptr, log);
        glDeleteShader(s);
        return geo::make_error("shader " + what + " does not compile: " + log);
    }
    return s;
}

}  // namespace

geo::Result<GLuint> compile_program(const char* vs_src, const char* fs_src, const char* name) {
    auto vs = compile(GL_VERTEX_SHADER, vs_src, std::string(name) + ".vert");
    if (!vs) return geo::make_error(vs.error());
    auto fs = compile(GL_FRAGMENT_SHADER, fs_src, std::string(name) + ".frag");
    if (!fs) {
        glDeleteShader(*vs);
        return geo::make_error(fs.error());
    }
    GLuint p = glCreateProgram();
    glAttachShader(p, *vs);
    glAttachShader(p, *fs);
    glLinkProgram(p);
    glDeleteShader(*vs);
    glDeleteShader(*fs);
    GLint ok = 0;
    glGetProgramiv(p, GL_LINK_STATUS, &ok);
    if (!ok) {
        char log[2048] = {};
        glGetProgramInfoLog(p, sizeof log, nullptr, log);
        glDeleteProgram(p);
        return geo::make_error(std::string("shader program ") + name + " does not link: " + log);
    }
    return p;
}

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

void bind_default_framebuffer() { glBindFramebuffer(GL_FRAMEBUFFER, 0); }

void set_texture_sampling(GLint filter) {
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, filter);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, filter);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
}

}  // namespace mirador::gl
