#include "render/BordersPass.hpp"

#include <algorithm>
#include <cmath>

#include "render/EmbeddedShaders.hpp"
#include "render/GlUtil.hpp"
#include "render/Renderer.hpp"
#include "render/gl/StateGuard.hpp"
#include "render/gl/VertexInput.hpp"

namespace mirador {

geo::Result<BordersPass> BordersPass::create(const SegmentStroke& stroke) {
    auto coverage = StrokeCoverage::create();
    if (!coverage) return geo::make_error(coverage.error());
    return gl::with_program<BordersPass>("thinline", shaders::thinline_vert, shaders::thinline_frag, stroke,
                                         std::move(coverage).value());
}

const std::vector<StrokeCoverage::Area>& BordersPass::stroke_areas(const PassContext& c, float half_width_px) {
    // Cells of 64 framebuffer pixels that a visible feature's box, widened by the stroke, meets
    // (every border lies in its feature's box); then each row's runs of such cells, a run
    // merged with the one below when they span the same columns.
    constexpr int kCell = 64;
    const int vw = coverage_.width(), vh = coverage_.height();
    const int cols = (vw + kCell - 1) / kCell, rows = (vh + kCell - 1) / kCell;
    std::vector<std::uint8_t>& cells = cells_;
    cells.assign(static_cast<std::size_t>(cols) * static_cast<std::size_t>(rows), 0);
    const MapView& v = c.frame.view;
    const double sx = double(vw) / v.width, sy = double(vh) / v.height, pad = 1.5 * half_width_px + 2.0;  // a square cap reaches its width out past a corner
    for (const FeatureRun& r : c.runs)
        for (std::uint32_t f = r.first_feature; f < r.end_feature && f < c.feature_bbox.size(); ++f) {
            const geo::BBox& b = c.feature_bbox[f];
            const geo::Vec2 top_left = v.map_to_screen({b.min_x, b.max_y}), bottom_right = v.map_to_screen({b.max_x, b.min_y});
            // Screen y grows down; framebuffer rows grow up.
            const double x0 = top_left.x * sx - pad, x1 = bottom_right.x * sx + pad;
            const double y0 = vh - bottom_right.y * sy - pad, y1 = vh - top_left.y * sy + pad;
            const int c0 = std::clamp(int(std::floor(x0 / kCell)), 0, cols - 1), c1 = std::clamp(int(std::floor(x1 / kCell)), 0, cols - 1);
            const int r0 = std::clamp(int(std::floor(y0 / kCell)), 0, rows - 1), r1 = std::clamp(int(std::floor(y1 / kCell)), 0, rows - 1);
            if (x1 < 0 || y1 < 0 || x0 >= vw || y0 >= vh) continue;
            for (int y = r0; y <= r1; ++y)
                std::fill_n(cells.begin() + std::ptrdiff_t(y) * cols + c0, c1 - c0 + 1, std::uint8_t{1});
        }
    // Areas still open at the row below (they may grow up into this one) and those finished.
    // Kept between frames with the grid: a frame allocates nothing once they have grown.
    std::vector<StrokeCoverage::Area>&areas = areas_, &open = open_, &current = current_;
    areas.clear(), open.clear();
    for (int y = 0; y < rows; ++y) {
        current.clear();
        for (int x = 0; x < cols;) {
            if (!cells[std::size_t(y) * cols + x]) {
                ++x;
                continue;
            }
            int end = x;
            while (end < cols && cells[std::size_t(y) * cols + end]) ++end;
            const int ax = coverage_.x() + x * kCell, aw = std::min(end * kCell, vw) - x * kCell;
            const int ay = coverage_.y() + y * kCell, ah = std::min((y + 1) * kCell, vh) - y * kCell;
            const auto below = std::find_if(open.begin(), open.end(), [&](const auto& a) { return a.x == ax && a.w == aw; });
            if (below != open.end()) {
                current.push_back({ax, below->y, aw, below->h + ah});
                open.erase(below);
            } else {
                current.push_back({ax, ay, aw, ah});
            }
            x = end;
        }
        areas.insert(areas.end(), open.begin(), open.end());  // not continued in this row
        std::swap(open, current);
    }
    areas.insert(areas.end(), open.begin(), open.end());
    return areas;
}

void BordersPass::draw_segments(const PassContext& c, const SegmentSet& s, float width_px, const Rgba& color,
                                float opacity) const {
    for (const FeatureRun& r : c.runs) {
        const std::uint32_t a = s.first[r.first_feature], b = s.first[r.end_feature];
        stroke_->draw(s.buffer, a, b - a, width_px * c.frame.pixel_scale, color, opacity);
        c.stats.segments += b - a;
    }
}

void BordersPass::draw_wide(const PassContext& c, const SegmentSet& s, float width_px, const Rgba& color) {
    stroke_->begin(c);
    const float opacity = c.frame.borders_opacity;
    // Opaque, overlaps blend to the same colour; under 2 px, a bead is a pixel's shade (4K's
    // municipal borders, 1.6 px at 55 %, where the detour would cost a tenth of the export): the
    // segments go straight onto the map.
    constexpr float kBeadPx = 2.0f;
    if (color.a * opacity >= 0.999f || width_px * c.frame.pixel_scale < kBeadPx || !coverage_.begin()) {
        draw_segments(c, s, width_px, color, opacity);
        return;
    }
    stroke_->write_coverage();
    draw_segments(c, s, width_px, color, 1.0f);
    coverage_.composite(color, opacity, stroke_areas(c, 0.5f * width_px * c.frame.pixel_scale));
}

void BordersPass::draw_hairlines(const PassContext& c, const SegmentSet& s, const Rgba& color) const {
    hairline_.use();
    hairline_.set("u_center", c.center_x, c.center_y);
    hairline_.set("u_scale", c.scale_x, c.scale_y);
    hairline_.set("u_color", color.r, color.g, color.b, color.a * c.frame.borders_opacity);
    glBindVertexArray(hairline_vao_.id());
    gl::point_attribute(s.buffer, {0, 2, GL_FLOAT, false, 8});
    for (const FeatureRun& r : c.runs) {
        const std::uint32_t a = s.first[r.first_feature], b = s.first[r.end_feature];
        if (b == a) continue;
        glDrawArrays(GL_LINES, static_cast<GLint>(2 * a), static_cast<GLsizei>(2 * (b - a)));
        c.stats.segments += b - a;
    }
}

void BordersPass::draw(const PassContext& c) {
    const FrameParams& fp = c.frame;
    if (!fp.show_municipal_borders && !fp.show_state_borders) return;
    const gl::StateGuard saved;
    gl::use_alpha_blending(true);
    if (fp.show_municipal_borders) {
        if (fp.municipal_border_px * fp.pixel_scale <= 1.0f) draw_hairlines(c, c.level.all_borders, fp.municipal_border);
        else draw_wide(c, c.level.all_borders, fp.municipal_border_px, fp.municipal_border);
    }
    if (fp.show_state_borders) draw_wide(c, c.level.state_borders, fp.state_border_px, fp.state_border);
}

}  // namespace mirador
