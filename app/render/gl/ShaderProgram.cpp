#include "render/gl/ShaderProgram.hpp"

#include <cstring>

namespace mirador::gl {

namespace {

geo::Result<Shader> compile(GLenum type, const char* src, const std::string& what) {
    Shader s = Shader::create(type);
    if (!s) return geo::make_error("cannot create the shader " + what);
    glShaderSource(s.id(), 1, &src, nullptr);
    glCompileShader(s.id());
    GLint ok = 0;
    glGetShaderiv(s.id(), GL_COMPILE_STATUS, &ok);
    if (!ok) {
        char log[2048] = {};
        glGetShaderInfoLog(s.id(), sizeof log, nullptr, log);
        return geo::make_error("shader " + what + " does not compile: " + log);
    }
    return s;
}

}  // namespace

geo::Result<ShaderProgram> ShaderProgram::build(const char* name, const char* vertex_src, const char* fragment_src) {
    // Owners all the way: whichever step fails, what was made so far is deleted on return.
    auto vs = compile(GL_VERTEX_SHADER, vertex_src, std::string(name) + ".vert");
    if (!vs) return geo::make_error(vs.error());
    auto fs = compile(GL_FRAGMENT_SHADER, fragment_src, std::string(name) + ".frag");
    if (!fs) return geo::make_error(fs.error());
    ShaderProgram p;
    p.program_ = Program::create();
    if (!p.program_) return geo::make_error(std::string("cannot create the shader program ") + name);
    glAttachShader(p.id(), vs->id());
    glAttachShader(p.id(), fs->id());
    glLinkProgram(p.id());
    glDetachShader(p.id(), vs->id());
    glDetachShader(p.id(), fs->id());
    GLint ok = 0;
    glGetProgramiv(p.id(), GL_LINK_STATUS, &ok);
    if (!ok) {
        char log[2048] = {};
        glGetProgramInfoLog(p.id(), sizeof log, nullptr, log);
        return geo::make_error(std::string("shader program ") + name + " does not link: " + log);
    }
    GLint count = 0;
    glGetProgramiv(p.id(), GL_ACTIVE_UNIFORMS, &count);
    for (GLint i = 0; i < count; ++i) {
        char buf[128] = {};
        GLsizei len = 0;
        GLint size = 0;
        GLenum type = 0;
        glGetActiveUniform(p.id(), static_cast<GLuint>(i), sizeof buf, &len, &size, &type, buf);
        std::string u(buf, static_cast<std::size_t>(len));
        if (u.size() > 3 && u.compare(u.size() - 3, 3, "[0]") == 0) u.resize(u.size() - 3);
        const GLint loc = glGetUniformLocation(p.id(), buf);
        p.uniforms_.push_back({std::move(u), loc});
    }
    return p;
}

GLint ShaderProgram::location(const char* uniform) const {
    for (const Uniform& u : uniforms_)
        if (std::strcmp(u.name.c_str(), uniform) == 0) return u.location;
    return -1;
}

}  // namespace mirador::gl
