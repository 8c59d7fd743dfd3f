#pragma once
// 2D textures as the passes use them: one level, clamped at the edges, nearest or linear.
#include "render/gl/Object.hpp"

namespace mirador::gl {

struct TextureFormat {
    GLint internal;  // GL_R32F, GL_RGBA8
    GLenum format;   // GL_RED, GL_RGBA
    GLenum type;     // GL_FLOAT, GL_UNSIGNED_BYTE
};
inline constexpr TextureFormat kR32F{GL_R32F, GL_RED, GL_FLOAT};
inline constexpr TextureFormat kRGBA8{GL_RGBA8, GL_RGBA, GL_UNSIGNED_BYTE};

// A new w x h texture (data may be null: contents undefined) sampled with `filter`. Leaves it
// bound to GL_TEXTURE_2D of the active unit.
[[nodiscard]] Texture make_texture_2d(TextureFormat f, int w, int h, const void* data, GLint filter);
// Replaces all of a w x h texture's texels (glTexSubImage2D: same size, no reallocation).
void update_texture_2d(const Texture& t, TextureFormat f, int w, int h, const void* data);
// Reallocates it at w x h with these texels (glTexImage2D).
void resize_texture_2d(const Texture& t, TextureFormat f, int w, int h, const void* data);

}  // namespace mirador::gl
