#pragma once
// The outlines of the hovered and selected municipalities, on top of every layer. Built from
// the boundaries at full detail when the hovered or selected one changes.
#include <vector>

#include "mirador/geo/Boundaries.hpp"
#include "render/RenderPass.hpp"
#include "render/SegmentStroke.hpp"

namespace mirador {

class HighlightPass final : public RenderPass {
public:
    // `stroke` is the renderer's and outlives the pass.
    explicit HighlightPass(const SegmentStroke& stroke) : stroke_(&stroke), segments_(gl::Buffer::create()) {}
    // `b` must outlive the pass; positions become relative to `origin`.
    void set_boundaries(const geo::Boundaries& b, geo::Vec2 origin);
    void draw(const PassContext& c) override;

private:
    void update(long hovered, long selected);
    const SegmentStroke* stroke_;
    const geo::Boundaries* boundaries_ = nullptr;
    geo::Vec2 origin_;
    gl::Buffer segments_;  // the selected outline's segments, then the hovered one's
    std::vector<float> data_;
    long hovered_ = -2, selected_ = -2;
    std::size_t hovered_segments_ = 0, selected_segments_ = 0;
};

}  // namespace mirador
