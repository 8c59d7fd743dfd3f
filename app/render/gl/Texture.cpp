#include "render/gl/Texture.hpp"

namespace mirador::gl {

Texture make_texture_2d(TextureFormat f, int w, int h, const void* data, GLint filter) {
    Texture t = Texture::create();
    glBindTexture(GL_TEXTURE_2D, t.id());
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, filter);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, filter);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
    resize_texture_2d(t, f, w, h, data);
    return t;
}

void update_texture_2d(const Texture& t, TextureFormat f, int w, int h, const void* data) {
    glBindTexture(GL_TEXTURE_2D, t.id());
    glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
    glTexSubImage2D(GL_TEXTURE_2D, 0, 0, 0, w, h, f.format, f.type, data);
}

void resize_texture_2d(const Texture& t, TextureFormat f, int w, int h, const void* data) {
    glBindTexture(GL_TEXTURE_2D, t.id());
    glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
    glTexImage2D(GL_TEXTURE_2D, 0, f.internal, w, h, 0, f.format, f.type, data);
}

}  // namespace mirador::gl
