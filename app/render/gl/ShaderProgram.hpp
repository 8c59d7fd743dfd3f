#pragma once
// A linked GLSL program and its uniforms by name. build() compiles and links with the driver's
// log in the message (program, stage) and deletes whatever it made when a step fails; the
// uniform locations are read once from the linker, so passes set uniforms by name and keep no
// location fields of their own.
#include <string>
#include <vector>

#include "mirador/geo/Result.hpp"
#include "render/gl/Object.hpp"

namespace mirador::gl {

class ShaderProgram {
public:
    // `name` names the sources in messages: "points" for points.vert and points.frag.
    [[nodiscard]] static geo::Result<ShaderProgram> build(const char* name, const char* vertex_src,
                                                          const char* fragment_src);
    ShaderProgram() = default;

    void use() const { glUseProgram(program_.id()); }
    GLuint id() const { return program_.id(); }
    // The uniform's location, -1 when the program has none by that name (the linker drops
    // unused ones; OpenGL ignores a set at -1). Array uniforms answer to their bare name.
    GLint location(const char* uniform) const;

    // Setters for the program in use (OpenGL 3.3 sets uniforms of the current program only).
    void set(const char* u, float x) const { glUniform1f(location(u), x); }
    void set(const char* u, float x, float y) const { glUniform2f(location(u), x, y); }
    void set(const char* u, float x, float y, float z, float w) const { glUniform4f(location(u), x, y, z, w); }
    void set(const char* u, int x) const { glUniform1i(location(u), x); }
    void set(const char* u, int x, int y) const { glUniform2i(location(u), x, y); }
    void set_vec4s(const char* u, const float* xyzw, int count) const { glUniform4fv(location(u), count, xyzw); }

private:
    Program program_;
    struct Uniform {
        std::string name;
        GLint location;
    };
    std::vector<Uniform> uniforms_;  // the active ones, a dozen at most: a scan beats a map
};

// T made around its program, T(program, args...): what every pass's create() does.
template <class T, class... Args>
geo::Result<T> with_program(const char* name, const char* vertex_src, const char* fragment_src, Args&&... args) {
    auto program = ShaderProgram::build(name, vertex_src, fragment_src);
    if (!program) return geo::make_error(program.error());
    return T(std::move(program).value(), std::forward<Args>(args)...);
}

}  // namespace mirador::gl
