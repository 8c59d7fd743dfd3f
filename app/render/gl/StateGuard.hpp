#pragma once
// The OpenGL state a pass may change, read when the guard is made and put back when it goes:
// each pass leaves the context as it found it, whatever runs after it (another pass, ImGui's
// backend, the caller's own drawing). Covers what the passes here touch: program, vertex
// array, array buffer, texture units 0 and 1 (2D and buffer textures) and the active unit,
// framebuffers, viewport, clear colour, blending, depth test, culling, program point size.
#include <glad/gl.h>

namespace mirador::gl {

class StateGuard {
public:
    StateGuard();
    ~StateGuard();
    StateGuard(const StateGuard&) = delete;
    StateGuard& operator=(const StateGuard&) = delete;

    // The saved values, for tests that compare the state before and after a pass.
    bool operator==(const StateGuard& o) const;

private:
    GLint program_ = 0, vertex_array_ = 0, array_buffer_ = 0, active_texture_ = 0;
    GLint texture_2d_[2] = {}, texture_buffer_[2] = {};
    GLint draw_framebuffer_ = 0, read_framebuffer_ = 0, viewport_[4] = {};
    GLfloat clear_color_[4] = {};
    GLint blend_src_rgb_ = 0, blend_dst_rgb_ = 0, blend_src_alpha_ = 0, blend_dst_alpha_ = 0;
    GLint blend_equation_rgb_ = 0, blend_equation_alpha_ = 0;
    GLboolean blend_ = 0, depth_test_ = 0, cull_face_ = 0, program_point_size_ = 0;
};

}  // namespace mirador::gl
