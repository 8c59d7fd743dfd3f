#pragma once
// What the rest of the program asks of the OpenGL context itself. The objects live in
// render/gl/ (owners, programs, buffers, framebuffers, the state guard).
#include <string>

namespace mirador::gl {

std::string context_description();  // "4.5 (Core Profile) Mesa 22.3.6 on llvmpipe"
// OpenGL on the CPU (Mesa's llvmpipe, softpipe): the heatmap's FFT engine is faster there than
// the GPU engine's shader convolution (see bench/bench_heatmap).
bool is_software_renderer();
// Waits until every command so far has run (glFinish): a snapshot before its pixels are read,
// a benchmark before it stops the clock.
void finish();
// The largest framebuffer side the driver draws: the smaller of GL_MAX_RENDERBUFFER_SIZE and
// GL_MAX_VIEWPORT_DIMS (16384 on llvmpipe). Exports beyond it are made in tiles.
int max_frame_side();
// Binds the window's own framebuffer (0) for drawing and reading.
void bind_window_framebuffer();
// Premultiplied-alpha "over" blending, as every layer of the map draws (on or off).
void use_alpha_blending(bool on);

}  // namespace mirador::gl
