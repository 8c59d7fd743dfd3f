#pragma once
// Framebuffers with one colour attachment, made complete or not at all: the status is checked
// and named in the message ("incomplete attachment", "unsupported"), so a format the driver
// cannot render into fails where it is made, not as a black picture later.
#include "mirador/geo/Result.hpp"
#include "render/gl/Object.hpp"

namespace mirador::gl {

[[nodiscard]] geo::Result<Framebuffer> framebuffer_with(const Texture& color);
[[nodiscard]] geo::Result<Framebuffer> framebuffer_with(const Renderbuffer& color);

const char* framebuffer_status_name(GLenum status);

}  // namespace mirador::gl
