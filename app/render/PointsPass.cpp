#include "render/PointsPass.hpp"

#include <algorithm>
#include <climits>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <tuple>

#include "render/EmbeddedShaders.hpp"
#include "render/GlUtil.hpp"
#include "render/Renderer.hpp"
#include "render/gl/StateGuard.hpp"
#include "render/gl/VertexInput.hpp"

namespace mirador {

namespace {

// A disc as the shader reads it: one interleaved record per instance, with the incident its
// hover or selection lights. Stacks' markers span all time: they are made for the window.
struct GpuMarker {
    float x, y, fatalities;
    std::int32_t incident;
    std::int32_t day_from, day_to;
    std::uint8_t category, visible, flags, pad;
};
static_assert(sizeof(GpuMarker) == 28);

constexpr std::uint8_t kHollow = 1, kStacked = 2;  // a_flags bits (points.vert)

constexpr GLsizei kMarkerStride = sizeof(GpuMarker);
constexpr gl::Attribute kMarkerAttributes[] = {
    {0, 2, GL_FLOAT, false, kMarkerStride, offsetof(GpuMarker, x), 1},
    {1, 1, GL_FLOAT, false, kMarkerStride, offsetof(GpuMarker, fatalities), 1},
    {2, 1, GL_UNSIGNED_BYTE, true, kMarkerStride, offsetof(GpuMarker, category), 1},
    {3, 1, GL_UNSIGNED_BYTE, true, kMarkerStride, offsetof(GpuMarker, visible), 1},
    {4, 2, GL_INT, true, kMarkerStride, offsetof(GpuMarker, day_from), 1},
    {5, 1, GL_UNSIGNED_BYTE, true, kMarkerStride, offsetof(GpuMarker, flags), 1},
    {6, 1, GL_INT, true, kMarkerStride, offsetof(GpuMarker, incident), 1},
};
constexpr GLsizei kBinStride = sizeof(PointBin);
constexpr gl::Attribute kBinAttributes[] = {
    {0, 2, GL_FLOAT, false, kBinStride, offsetof(PointBin, x), 1},
    {1, 1, GL_FLOAT, false, kBinStride, offsetof(PointBin, count), 1},
};

template <std::size_t N>
void make_input(gl::VertexArray& vao, gl::Buffer& buffer, const gl::Attribute (&attributes)[N]) {
    vao = gl::VertexArray::create();
    buffer = gl::Buffer::create();
    glBindVertexArray(vao.id());
    for (const gl::Attribute& a : attributes) gl::point_attribute(buffer, a);
    glBindVertexArray(0);
}

// Largest disc radius in pixels (points.vert: base + growth for fatalities, + emphasis), so a
// disc whose centre is just off screen still counts as on it.
float max_disc_px(const FrameParams& fp) {
    return (std::max(fp.point_base_px + fp.point_growth_px, fp.stack_min_px) + 3.0f + 2.0f) * fp.pixel_scale;
}

}  // namespace

geo::Result<PointsPass> PointsPass::create() {
    auto bins = gl::ShaderProgram::build("bins", shaders::bins_vert, shaders::bins_frag);
    if (!bins) return geo::make_error(bins.error());
    return gl::with_program<PointsPass>("points", shaders::points_vert, shaders::points_frag, std::move(bins).value());
}

PointsPass::PointsPass(gl::ShaderProgram discs, gl::ShaderProgram bins)
    : discs_program_(std::move(discs)), bins_program_(std::move(bins)) {
    make_input(singles_vao_, singles_, kMarkerAttributes);
    make_input(stacks_vao_, stacks_, kMarkerAttributes);
    make_input(emphasis_vao_, emphasis_, kMarkerAttributes);
    make_input(bins_vao_, bins_, kBinAttributes);
}

void PointsPass::upload(const geo::IncidentStore& store, const std::vector<geo::Vec2>& xy,
                        std::span<const std::uint8_t> hollow, geo::Vec2 origin) {
    store_ = &store;
    xy_ = std::span<const geo::Vec2>(xy.data(), std::min(xy.size(), store.size()));
    origin_ = origin;
    hollow_.assign(xy_.size(), 0);
    std::copy_n(hollow.begin(), std::min(hollow.size(), hollow_.size()), hollow_.begin());
    visible_.assign(xy_.size(), 0);
    for (std::size_t i = 0; i < xy_.size(); ++i) visible_[i] = std::isfinite(xy_[i].x) && std::isfinite(xy_[i].y);
    stack_markers_.clear();
    stacks_count_ = 0;
    ++inputs_version_;
}

void PointsPass::set_visibility(const std::vector<std::uint8_t>& visible) {
    visible_.assign(visible.begin(), visible.end());
    visible_.resize(xy_.size(), 0);
    ++inputs_version_;
}

void PointsPass::set_stacks(const std::vector<PointMarker>& markers) {
    stack_markers_ = markers;
    std::vector<GpuMarker> gpu;
    gpu.reserve(markers.size());
    for (const PointMarker& m : markers)
        gpu.push_back({float(m.xy.x - origin_.x), float(m.xy.y - origin_.y), m.fatalities, m.incident, INT32_MIN,
                       INT32_MAX, m.category, 1, static_cast<std::uint8_t>(kStacked | (m.hollow ? kHollow : 0)), 0});
    stacks_count_ = gpu.size();
    gl::buffer_data(GL_ARRAY_BUFFER, stacks_, gpu, GL_DYNAMIC_DRAW);
    ++inputs_version_;
}

void PointsPass::append_marker(std::uint32_t i, std::int32_t flags_extra) {
    const GpuMarker m{float(xy_[i].x - origin_.x),
                      float(xy_[i].y - origin_.y),
                      float(store_->fatalities(i).value_or(0)),
                      static_cast<std::int32_t>(i),
                      store_->day_start()[i],
                      store_->day_end()[i],
                      static_cast<std::uint8_t>(store_->category()[i]),
                      1,
                      static_cast<std::uint8_t>((hollow_[i] ? kHollow : 0) | flags_extra),
                      0};
    const std::size_t at = scratch_.size();
    scratch_.resize(at + sizeof m);
    std::memcpy(scratch_.data() + at, &m, sizeof m);
}

void PointsPass::reselect(const FrameParams& fp) {
    const MapView& v = fp.view;
    SelectionRequest r;
    r.view = v;
    r.window = {fp.time_from_day, fp.time_to_day};
    if (store_) {
        const geo::IncidentStore::OverlapScan scan = store_->scan_overlapping(fp.time_from_day, fp.time_to_day);
        r.first = scan.first;
        r.last = scan.last;
        r.before = scan.before;
    }
    r.margin_px = max_disc_px(fp);
    r.cell_px = 5.0 * fp.pixel_scale;
    // At most one disc per 100 pixels of screen on average (a 10 x 10 square; a 7-pixel disc
    // and its outline cover ~40 of them): even spread evenly, more would cover half the map,
    // and incidents cluster, so past that they pile into blots and the bins say more. It is
    // also what llvmpipe draws within a frame: about a microsecond a disc, whatever its size
    // (50,000 discs took 50-60 ms at 1080p; one per 40 pixels was the limit before).
    r.legible = std::max<std::size_t>(2000, static_cast<std::size_t>(v.width) * static_cast<std::size_t>(v.height) / 100);
    if (fp.points_as.set) r.legible = fp.points_as.aggregated ? 0 : SIZE_MAX / 2;  // (the selection keeps legible + 1)
    const std::span<const std::int32_t> none;
    const PointSource src{xy_,
                          visible_,
                          store_ ? store_->day_start() : none,
                          store_ ? store_->day_end() : none,
                          stack_markers_,
                          store_ ? store_->category().first(xy_.size()) : std::span<const geo::IncidentCategory>{},
                          hollow_};
    selection_.select(src, r);
    if (selection_.aggregated()) {
        upload_bins(fp);
        emphasis_hovered_ = emphasis_selected_ = -2;  // rebuilt for the new bins
        return;
    }
    shown_ = on_screen(false, float(r.cell_px), selection_.max_count());
    scratch_.clear();
    for (const std::uint32_t i : selection_.singles()) append_marker(i, 0);
    singles_count_ = selection_.singles().size();
    gl::buffer_data(GL_ARRAY_BUFFER, singles_, scratch_, GL_DYNAMIC_DRAW);
}

void PointsPass::upload_bins(const FrameParams& fp) {
    const float max_count = fp.points_as.set ? fp.points_as.max_count : selection_.max_count();
    shown_ = on_screen(true, float(selection_.cell_px()), max_count);
    bins_count_ = selection_.bins().size();
    gl::buffer_data(GL_ARRAY_BUFFER, bins_, selection_.bins(), GL_DYNAMIC_DRAW);
}

PointsShown PointsPass::on_screen(bool aggregated, float cell_px, float max_count) const {
    return {aggregated,
            cell_px,
            max_count,
            selection_.incidents_on_screen(),
            selection_.categories_on_screen(),
            selection_.rings_on_screen(),
            selection_.stacks_on_screen()};
}

void PointsPass::upload_emphasis(const FrameParams& fp) {
    if (fp.hovered_incident == emphasis_hovered_ && fp.selected_incident == emphasis_selected_) return;
    emphasis_hovered_ = fp.hovered_incident;
    emphasis_selected_ = fp.selected_incident;
    scratch_.clear();
    emphasis_count_ = 0;
    // Shown means drawn as its own disc or standing for its stack (a marker's incident).
    auto shown = [&](long i) {
        if (i < 0 || static_cast<std::size_t>(i) >= xy_.size()) return false;
        if (visible_[static_cast<std::size_t>(i)]) return true;
        return std::any_of(stack_markers_.begin(), stack_markers_.end(),
                           [&](const PointMarker& m) { return m.incident == i; });
    };
    for (const long i : {fp.selected_incident, fp.hovered_incident}) {
        if (!shown(i) || (i == fp.selected_incident && i == fp.hovered_incident && emphasis_count_)) continue;
        append_marker(static_cast<std::uint32_t>(i), 0);
        ++emphasis_count_;
    }
    gl::buffer_data(GL_ARRAY_BUFFER, emphasis_, scratch_, GL_DYNAMIC_DRAW);
}

void PointsPass::draw_discs(const PassContext& c, const gl::VertexArray& vao, std::size_t count) const {
    if (count == 0) return;
    const FrameParams& fp = c.frame;
    discs_program_.use();
    discs_program_.set("u_center", c.center_x, c.center_y);
    discs_program_.set("u_scale", c.scale_x, c.scale_y);
    discs_program_.set("u_viewport", float(fp.view.width), float(fp.view.height));
    discs_program_.set("u_base_radius", fp.point_base_px);
    discs_program_.set("u_growth_cap", fp.point_growth_px);
    discs_program_.set("u_stack_min", fp.stack_min_px);
    discs_program_.set("u_pixel_scale", fp.pixel_scale);
    float colors[9 * 4];
    for (int i = 0; i < 9; ++i) {
        const Rgba& k = fp.category_colors[i];
        colors[4 * i] = k.r, colors[4 * i + 1] = k.g, colors[4 * i + 2] = k.b, colors[4 * i + 3] = k.a * fp.points_opacity;
    }
    discs_program_.set_vec4s("u_category_colors", colors, 9);
    discs_program_.set("u_hovered", static_cast<int>(fp.hovered_incident));
    discs_program_.set("u_selected", static_cast<int>(fp.selected_incident));
    discs_program_.set("u_window", fp.time_from_day, fp.time_to_day);
    glBindVertexArray(vao.id());
    glDrawArraysInstanced(GL_TRIANGLE_STRIP, 0, 4, static_cast<GLsizei>(count));
}

void PointsPass::draw_bins(const PassContext& c) const {
    if (bins_count_ == 0) return;
    const FrameParams& fp = c.frame;
    bins_program_.use();
    bins_program_.set("u_viewport", float(fp.view.width), float(fp.view.height));
    bins_program_.set("u_cell", shown_.cell_px);
    bins_program_.set("u_log_max", std::log1p(shown_.max_count));
    const Rgba &lo = fp.bins_low, &hi = fp.bins_high;
    bins_program_.set("u_low", lo.r, lo.g, lo.b, lo.a * fp.points_opacity);
    bins_program_.set("u_high", hi.r, hi.g, hi.b, hi.a * fp.points_opacity);
    glBindVertexArray(bins_vao_.id());
    glDrawArraysInstanced(GL_TRIANGLE_STRIP, 0, 4, static_cast<GLsizei>(bins_count_));
}

void PointsPass::draw(const PassContext& c) {
    const FrameParams& fp = c.frame;
    if (!fp.show_points || (xy_.empty() && stack_markers_.empty())) {
        shown_ = {};
        return;
    }
    const gl::StateGuard saved;  // uploads bind buffers too
    const Key key{fp.view.center,    fp.view.metres_per_pixel, fp.view.width,     fp.view.height,  fp.time_from_day,
                  fp.time_to_day,    fp.pixel_scale,           fp.point_base_px,  fp.point_growth_px, fp.stack_min_px,
                  inputs_version_,
                  fp.points_as};
    if (!(key == key_)) {
        Key panned = key_;
        panned.center = key.center;
        key_ = key;
        // A pan of binned incidents moves the screen over bins already made.
        if (panned == key && selection_.pan(fp.view)) upload_bins(fp);
        else reselect(fp);
    }
    gl::use_alpha_blending(true);
    if (selection_.aggregated()) {
        upload_emphasis(fp);
        draw_bins(c);
        draw_discs(c, emphasis_vao_, emphasis_count_);
        return;
    }
    // Stacks first: a single disc on top of a stack's marker stays visible.
    draw_discs(c, stacks_vao_, stacks_count_);
    draw_discs(c, singles_vao_, singles_count_);
}

}  // namespace mirador
