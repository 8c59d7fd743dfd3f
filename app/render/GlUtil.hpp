#pragma once
// Small OpenGL helpers: shader compilation with readable errors.
#include <glad/gl.h>

#include <string>

#include "mirador/geo/Result.hpp"

namespace mirador::gl {

geo::Result<GLuint> compile_program(const char* vertex_src, const char* fragment_src, const char* name);
std::string context_description();  // "4.5 (Core Profile) Mesa 22.3.6 on llvmpipe"
// OpenGL on the CPU (Mesa's llvmpipe, softpipe): the heatmap's FFT engine is faster there than
// the GPU engine's shader convolution (see bench/bench_heatmap).
bool is_software_renderer();
// The window's own framebuffer as the target of the next draws (after an offscreen pass).
void bind_default_framebuffer();
// Filtering (GL_NEAREST, GL_LINEAR) and clamp-to-edge for the texture bound to GL_TEXTURE_2D.
void set_texture_sampling(GLint filter);

}  // namespace mirador::gl
