#pragma once
// Incidents drawn as instanced discs (points.vert/.frag). Owns its GL objects; the Renderer
// calls it after the borders so incidents sit on top of the fill.
#include <glad/gl.h>

#include <cstdint>
#include <span>
#include <vector>

#include "mirador/geo/IncidentStore.hpp"
#include "mirador/geo/Result.hpp"
#include "mirador/geo/Vec2.hpp"
#include "render/PointMarker.hpp"

namespace mirador {

struct FrameParams;

class PointsPass {
public:
    [[nodiscard]] static geo::Result<PointsPass> create();
    PointsPass(PointsPass&&) noexcept;
    PointsPass& operator=(PointsPass&&) noexcept;
    ~PointsPass();

    // `display_xy` holds each incident's position in the display CRS (NaN: not placed),
    // in store order; `origin` is subtracted before converting to float. `hollow` (per
    // incident, may be empty) marks positions that stand for a place rather than being where
    // it happened: drawn as rings.
    void upload(const geo::IncidentStore& store, const std::vector<geo::Vec2>& display_xy,
                std::span<const std::uint8_t> hollow, geo::Vec2 origin);
    // The markers of stacked incidents (their own discs hidden through set_visibility).
    void set_stacks(const std::vector<PointMarker>& markers, geo::Vec2 origin);
    // One byte per incident: 0 hides it (filters). Cheap: positions are not touched.
    void set_visibility(const std::vector<std::uint8_t>& visible);
    // Draws the instances whose span overlaps frame.time_from_day..time_to_day: the store's
    // index range for the window (attribute pointers moved to its start, as GL 3.3 has no
    // base instance), the few in it that end before the window rejected in the shader.
    void draw(const FrameParams& frame, float center_x, float center_y, float scale_x, float scale_y) const;
    std::size_t count() const { return count_; }

private:
    PointsPass() = default;
    GLuint program_ = 0, vao_ = 0, vbo_pos_ = 0, vbo_fatal_ = 0, vbo_cat_ = 0, vbo_visible_ = 0, vbo_days_ = 0,
           vbo_flags_ = 0;
    GLuint stack_vao_ = 0, stack_vbo_ = 0;  // the stacks' markers, one interleaved buffer
    const geo::IncidentStore* store_ = nullptr;  // time order: a window is an instance range
    GLint u_center_ = -1, u_scale_ = -1, u_viewport_ = -1, u_base_ = -1, u_pixel_scale_ = -1, u_colors_ = -1,
          u_hovered_ = -1, u_selected_ = -1, u_window_ = -1, u_first_ = -1, u_indexed_ = -1;
    std::size_t count_ = 0, stack_count_ = 0;
};

}  // namespace mirador
