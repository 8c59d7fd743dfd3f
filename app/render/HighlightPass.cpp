#include "render/HighlightPass.hpp"

#include "render/GlUtil.hpp"
#include "render/Renderer.hpp"
#include "render/gl/StateGuard.hpp"
#include "render/gl/VertexInput.hpp"

namespace mirador {

namespace {

void append_outline(const geo::PolygonLayer& layer, long feature, geo::Vec2 origin, std::vector<float>& out) {
    if (feature < 0) return;
    const auto f = static_cast<std::size_t>(feature);
    const std::uint32_t r0 = layer.polygon_first_ring[layer.feature_first_polygon[f]];
    const std::uint32_t r1 = layer.polygon_first_ring[layer.feature_first_polygon[f + 1]];
    for (std::uint32_t r = r0; r < r1; ++r) {
        const std::uint32_t b = layer.ring_first_vertex[r], e = layer.ring_first_vertex[r + 1];
        for (std::uint32_t v = b; v < e; ++v) {
            const geo::Vec2 p = layer.vertices[v], q = layer.vertices[v + 1 == e ? b : v + 1];
            out.insert(out.end(), {float(p.x - origin.x), float(p.y - origin.y), float(q.x - origin.x), float(q.y - origin.y)});
        }
    }
}

}  // namespace

void HighlightPass::set_boundaries(const geo::Boundaries& b, geo::Vec2 origin) {
    boundaries_ = &b;
    origin_ = origin;
    hovered_ = selected_ = -2;
}

void HighlightPass::update(long hovered, long selected) {
    if (hovered == hovered_ && selected == selected_) return;
    hovered_ = hovered;
    selected_ = selected;
    data_.clear();
    append_outline(boundaries_->municipalities, selected, origin_, data_);
    selected_segments_ = data_.size() / 4;
    if (hovered != selected) append_outline(boundaries_->municipalities, hovered, origin_, data_);
    hovered_segments_ = data_.size() / 4 - selected_segments_;
    gl::buffer_data(GL_ARRAY_BUFFER, segments_, data_, GL_DYNAMIC_DRAW);
}

void HighlightPass::draw(const PassContext& c) {
    const FrameParams& fp = c.frame;
    if (!boundaries_ || (fp.hovered < 0 && fp.selected < 0)) return;
    const gl::StateGuard saved;
    update(fp.hovered, fp.selected);
    gl::use_alpha_blending(true);
    stroke_->begin(c);
    stroke_->draw(segments_, 0, selected_segments_, 3.2f * fp.pixel_scale, {0.85f, 0.35f, 0.05f, 1.0f}, 1.0f);
    stroke_->draw(segments_, selected_segments_, hovered_segments_, 2.2f * fp.pixel_scale, {0.05f, 0.05f, 0.05f, 0.9f},
                  1.0f);
}

}  // namespace mirador
