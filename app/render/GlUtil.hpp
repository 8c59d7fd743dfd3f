#pragma once
// Small OpenGL helpers: shader compilation with readable errors.
#include <glad/gl.h>

#include <string>

#include "mirador/geo/Result.hpp"

namespace mirador::gl {

geo::Result<GLuint> compile_program(const char* vertex_src, const char* fragment_src, const char* name);
std::string context_description();  // "4.5 (Core Profile) Mesa 22.3.6 on llvmpipe"

}  // namespace mirador::gl
