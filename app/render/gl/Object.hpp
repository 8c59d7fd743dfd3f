#pragma once
// Owners for OpenGL objects: one name each, deleted with its owner, moved and never copied, so
// no pass writes a destructor or a move constructor of its own. Creating and destroying needs
// the context current (every owner lives inside one: a pass, the renderer, a target).
#include <glad/gl.h>

#include <utility>

namespace mirador::gl {

enum class Kind { Program, Shader, Buffer, VertexArray, Texture, Framebuffer, Renderbuffer };
inline constexpr int kKindCount = 7;
const char* to_string(Kind k);  // "program", "buffer", ...

// How many objects of a kind owners hold right now, over the whole process: a debug counter
// that lets the tests see that whatever a renderer made is gone with it.
long live_count(Kind k);

namespace detail {
GLuint make(Kind k, GLenum shader_type);
void destroy(Kind k, GLuint name);
}  // namespace detail

template <Kind K>
class Object {
public:
    Object() = default;  // holds nothing (name 0)
    // A new object (glGen*, glCreateProgram, glCreateShader with `shader_type`).
    [[nodiscard]] static Object create(GLenum shader_type = 0) { return Object(detail::make(K, shader_type)); }
    ~Object() { reset(); }
    Object(Object&& o) noexcept : name_(std::exchange(o.name_, 0)) {}
    Object& operator=(Object&& o) noexcept {
        if (this != &o) {
            reset();
            name_ = std::exchange(o.name_, 0);
        }
        return *this;
    }
    Object(const Object&) = delete;
    Object& operator=(const Object&) = delete;

    GLuint id() const { return name_; }
    explicit operator bool() const { return name_ != 0; }
    void reset() {
        if (name_) detail::destroy(K, name_);
        name_ = 0;
    }

private:
    explicit Object(GLuint name) : name_(name) {}
    GLuint name_ = 0;
};

using Program = Object<Kind::Program>;
using Shader = Object<Kind::Shader>;
using Buffer = Object<Kind::Buffer>;
using VertexArray = Object<Kind::VertexArray>;
using Texture = Object<Kind::Texture>;
using Framebuffer = Object<Kind::Framebuffer>;
using Renderbuffer = Object<Kind::Renderbuffer>;

}  // namespace mirador::gl
