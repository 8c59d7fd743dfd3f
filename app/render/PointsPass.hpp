#pragma once
// Incidents as discs (points.vert/.frag) or, when more are on screen than can be drawn
// legibly, as screen bins (bins.vert/.frag). PointSelection decides, when the view, the time
// window or the filters change; the discs and bins it chose are small buffers uploaded then,
// so an idle frame only draws. Hovered and selected incidents are discs on top either way.
#include <cstdint>
#include <span>
#include <vector>

#include "mirador/geo/IncidentStore.hpp"
#include "mirador/geo/Result.hpp"
#include "mirador/geo/Vec2.hpp"
#include "render/PointMarker.hpp"
#include "render/PointsDecision.hpp"
#include "render/PointSelection.hpp"
#include "render/RenderPass.hpp"
#include "render/gl/ShaderProgram.hpp"

namespace mirador {

// How the last frame showed the incidents (the legend says it).
struct PointsShown {
    bool aggregated = false;
    float cell_px = 0;            // the bins' size
    float max_count = 0;          // the fullest bin's incidents
    std::size_t on_screen = 0;    // incidents on screen
    // What the discs on screen are (PointSelection::categories_on_screen ...): the legend lists
    // only the categories, rings and stacks the reader sees.
    std::uint32_t categories = 0;
    bool rings = false, stacks = false;
};

class PointsPass final : public RenderPass {
public:
    [[nodiscard]] static geo::Result<PointsPass> create();
    PointsPass(gl::ShaderProgram discs, gl::ShaderProgram bins);

    // `display_xy` holds each incident's position in the display CRS (NaN: not placed), in
    // store order; both must outlive the pass's use of them. `origin` is subtracted before
    // positions become floats. `hollow` (per incident, may be empty) marks positions that
    // stand for a place rather than where it happened: drawn as rings.
    void upload(const geo::IncidentStore& store, const std::vector<geo::Vec2>& display_xy,
                std::span<const std::uint8_t> hollow, geo::Vec2 origin);
    // The markers of stacked incidents (their own discs hidden through set_visibility).
    void set_stacks(const std::vector<PointMarker>& markers);
    // One byte per incident: 0 hides it (filters, stacks).
    void set_visibility(const std::vector<std::uint8_t>& visible);
    // Draws the incidents whose span overlaps frame.time_from_day..time_to_day.
    void draw(const PassContext& c) override;
    std::size_t count() const { return xy_.size(); }
    const PointsShown& shown() const { return shown_; }

private:
    // The selection's inputs: a frame with the same key draws what the last one chose.
    struct Key {
        geo::Vec2 center;
        double metres_per_pixel = 0;
        int width = 0, height = 0;
        std::int32_t from = 0, to = 0;
        float pixel_scale = 0, base_px = 0, growth_px = 0, stack_px = 0;
        std::uint64_t inputs = 0;
        PointsDecision forced;
        bool operator==(const Key&) const = default;
    };
    void reselect(const FrameParams& fp);
    void upload_bins(const FrameParams& fp);  // the selection's bins to their buffer, and what the legend says of them
    PointsShown on_screen(bool aggregated, float cell_px, float max_count) const;  // the selection's, for the legend
    void upload_emphasis(const FrameParams& fp);
    void append_marker(std::uint32_t i, std::int32_t flags_extra);
    void draw_discs(const PassContext& c, const gl::VertexArray& vao, std::size_t count) const;
    void draw_bins(const PassContext& c) const;

    gl::ShaderProgram discs_program_, bins_program_;
    // Disc markers: the singles on screen, the stacks, the hovered and selected over bins.
    gl::VertexArray singles_vao_, stacks_vao_, emphasis_vao_, bins_vao_;
    gl::Buffer singles_, stacks_, emphasis_, bins_;
    std::size_t singles_count_ = 0, stacks_count_ = 0, emphasis_count_ = 0, bins_count_ = 0;

    const geo::IncidentStore* store_ = nullptr;
    std::span<const geo::Vec2> xy_;
    std::vector<std::uint8_t> hollow_, visible_;
    std::vector<PointMarker> stack_markers_;
    geo::Vec2 origin_;
    std::uint64_t inputs_version_ = 1;  // bumped by every setter
    Key key_;
    long emphasis_hovered_ = -2, emphasis_selected_ = -2;
    PointSelection selection_;
    std::vector<std::uint8_t> scratch_;  // marker bytes for uploads, kept to reuse its memory
    PointsShown shown_;
};

}  // namespace mirador
