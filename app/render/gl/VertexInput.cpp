#include "render/gl/VertexInput.hpp"

namespace mirador::gl {

void buffer_data(GLenum target, const Buffer& buffer, const void* data, std::size_t bytes, GLenum usage) {
    glBindBuffer(target, buffer.id());
    glBufferData(target, static_cast<GLsizeiptr>(bytes), data, usage);
}

void point_attribute(const Buffer& buffer, const Attribute& a, std::size_t first) {
    glBindBuffer(GL_ARRAY_BUFFER, buffer.id());
    const auto* at = reinterpret_cast<const void*>(a.offset + first * static_cast<std::size_t>(a.stride));
    if (a.integer) glVertexAttribIPointer(a.index, a.components, a.type, a.stride, at);
    else glVertexAttribPointer(a.index, a.components, a.type, GL_FALSE, a.stride, at);
    glEnableVertexAttribArray(a.index);
    glVertexAttribDivisor(a.index, a.divisor);
}

}  // namespace mirador::gl
