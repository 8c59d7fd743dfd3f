#include "render/gl/StateGuard.hpp"

#include <algorithm>

namespace mirador::gl {

namespace {

void enable(GLenum cap, GLboolean on) {
    if (on) glEnable(cap);
    else glDisable(cap);
}

}  // namespace

StateGuard::StateGuard() {
    glGetIntegerv(GL_CURRENT_PROGRAM, &program_);
    glGetIntegerv(GL_VERTEX_ARRAY_BINDING, &vertex_array_);
    glGetIntegerv(GL_ARRAY_BUFFER_BINDING, &array_buffer_);
    glGetIntegerv(GL_ACTIVE_TEXTURE, &active_texture_);
    for (int unit = 0; unit < 2; ++unit) {
        glActiveTexture(static_cast<GLenum>(GL_TEXTURE0 + unit));
        glGetIntegerv(GL_TEXTURE_BINDING_2D, &texture_2d_[unit]);
        glGetIntegerv(GL_TEXTURE_BINDING_BUFFER, &texture_buffer_[unit]);
    }
    glActiveTexture(static_cast<GLenum>(active_texture_));
    glGetIntegerv(GL_DRAW_FRAMEBUFFER_BINDING, &draw_framebuffer_);
    glGetIntegerv(GL_READ_FRAMEBUFFER_BINDING, &read_framebuffer_);
    glGetIntegerv(GL_VIEWPORT, viewport_);
    glGetFloatv(GL_COLOR_CLEAR_VALUE, clear_color_);
    glGetIntegerv(GL_BLEND_SRC_RGB, &blend_src_rgb_);
    glGetIntegerv(GL_BLEND_DST_RGB, &blend_dst_rgb_);
    glGetIntegerv(GL_BLEND_SRC_ALPHA, &blend_src_alpha_);
    glGetIntegerv(GL_BLEND_DST_ALPHA, &blend_dst_alpha_);
    glGetIntegerv(GL_BLEND_EQUATION_RGB, &blend_equation_rgb_);
    glGetIntegerv(GL_BLEND_EQUATION_ALPHA, &blend_equation_alpha_);
    blend_ = glIsEnabled(GL_BLEND);
    depth_test_ = glIsEnabled(GL_DEPTH_TEST);
    cull_face_ = glIsEnabled(GL_CULL_FACE);
    program_point_size_ = glIsEnabled(GL_PROGRAM_POINT_SIZE);
}

StateGuard::~StateGuard() {
    glUseProgram(static_cast<GLuint>(program_));
    glBindVertexArray(static_cast<GLuint>(vertex_array_));
    glBindBuffer(GL_ARRAY_BUFFER, static_cast<GLuint>(array_buffer_));
    for (int unit = 0; unit < 2; ++unit) {
        glActiveTexture(static_cast<GLenum>(GL_TEXTURE0 + unit));
        glBindTexture(GL_TEXTURE_2D, static_cast<GLuint>(texture_2d_[unit]));
        glBindTexture(GL_TEXTURE_BUFFER, static_cast<GLuint>(texture_buffer_[unit]));
    }
    glActiveTexture(static_cast<GLenum>(active_texture_));
    glBindFramebuffer(GL_DRAW_FRAMEBUFFER, static_cast<GLuint>(draw_framebuffer_));
    glBindFramebuffer(GL_READ_FRAMEBUFFER, static_cast<GLuint>(read_framebuffer_));
    glViewport(viewport_[0], viewport_[1], viewport_[2], viewport_[3]);
    glClearColor(clear_color_[0], clear_color_[1], clear_color_[2], clear_color_[3]);
    glBlendFuncSeparate(static_cast<GLenum>(blend_src_rgb_), static_cast<GLenum>(blend_dst_rgb_),
                        static_cast<GLenum>(blend_src_alpha_), static_cast<GLenum>(blend_dst_alpha_));
    glBlendEquationSeparate(static_cast<GLenum>(blend_equation_rgb_), static_cast<GLenum>(blend_equation_alpha_));
    enable(GL_BLEND, blend_);
    enable(GL_DEPTH_TEST, depth_test_);
    enable(GL_CULL_FACE, cull_face_);
    enable(GL_PROGRAM_POINT_SIZE, program_point_size_);
}

bool StateGuard::operator==(const StateGuard& o) const {
    return program_ == o.program_ && vertex_array_ == o.vertex_array_ && array_buffer_ == o.array_buffer_ &&
           active_texture_ == o.active_texture_ && std::equal(texture_2d_, texture_2d_ + 2, o.texture_2d_) &&
           std::equal(texture_buffer_, texture_buffer_ + 2, o.texture_buffer_) &&
           draw_framebuffer_ == o.draw_framebuffer_ && read_framebuffer_ == o.read_framebuffer_ &&
           std::equal(viewport_, viewport_ + 4, o.viewport_) && std::equal(clear_color_, clear_color_ + 4, o.clear_color_) &&
           blend_src_rgb_ == o.blend_src_rgb_ && blend_dst_rgb_ == o.blend_dst_rgb_ &&
           blend_src_alpha_ == o.blend_src_alpha_ && blend_dst_alpha_ == o.blend_dst_alpha_ &&
           blend_equation_rgb_ == o.blend_equation_rgb_ && blend_equation_alpha_ == o.blend_equation_alpha_ &&
           blend_ == o.blend_ && depth_test_ == o.depth_test_ && cull_face_ == o.cull_face_ &&
           program_point_size_ == o.program_point_size_;
}

}  // namespace mirador::gl
