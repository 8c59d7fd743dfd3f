#pragma once
// The municipalities' fill: one colour each from a buffer texture (the state palette, a
// choropleth, hot spot classes), the hovered and selected ones tinted.
#include <cstdint>
#include <vector>

#include "mirador/geo/Result.hpp"
#include "render/RenderPass.hpp"
#include "render/gl/ShaderProgram.hpp"

namespace mirador {

class FillPass final : public RenderPass {
public:
    [[nodiscard]] static geo::Result<FillPass> create();
    explicit FillPass(gl::ShaderProgram program) : program_(std::move(program)) {}
    // One RGBA8 colour (0xAABBGGRR, as bytes R,G,B,A in memory) per municipality.
    void set_colors(const std::vector<std::uint32_t>& rgba);
    void draw(const PassContext& c) override;

private:
    gl::ShaderProgram program_;
    gl::Buffer colors_ = gl::Buffer::create();
    gl::Texture colors_texture_ = gl::Texture::create();  // a GL_TEXTURE_BUFFER view of colors_
    std::vector<GLsizei> counts_;  // per-frame draw lists, kept to reuse their memory
    std::vector<const void*> offsets_;
};

}  // namespace mirador
