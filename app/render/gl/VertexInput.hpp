#pragma once
// Buffers and the vertex attributes that read them, described once as data instead of the
// glBindBuffer / glEnableVertexAttribArray / glVertexAttrib*Pointer / glVertexAttribDivisor
// sequence each pass used to write out by hand.
#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

#include "render/gl/Object.hpp"

namespace mirador::gl {

// Replaces the buffer's contents (glBufferData on `target`, which is left bound to it).
void buffer_data(GLenum target, const Buffer& buffer, const void* data, std::size_t bytes, GLenum usage);
template <class T>
void buffer_data(GLenum target, const Buffer& buffer, std::span<const T> data, GLenum usage) {
    buffer_data(target, buffer, data.data(), data.size_bytes(), usage);
}
template <class T>
void buffer_data(GLenum target, const Buffer& buffer, const std::vector<T>& data, GLenum usage) {
    buffer_data(target, buffer, data.data(), data.size() * sizeof(T), usage);
}

// One attribute: where it is in its buffer and how the shader reads it.
struct Attribute {
    GLuint index;            // layout(location = index)
    GLint components;        // 1..4
    GLenum type;             // GL_FLOAT, GL_INT, GL_UNSIGNED_INT, GL_UNSIGNED_BYTE
    bool integer = false;    // an int/uint input in the shader (glVertexAttribIPointer)
    GLsizei stride = 0;      // bytes from one element to the next
    std::size_t offset = 0;  // bytes to the first element's value
    GLuint divisor = 0;      // 1: one value per instance
};

// Points `a` at `buffer` in the bound vertex array and enables it, `first` elements in: OpenGL
// 3.3 has no base instance, so drawing a range of instances moves the pointers instead.
void point_attribute(const Buffer& buffer, const Attribute& a, std::size_t first = 0);

}  // namespace mirador::gl
