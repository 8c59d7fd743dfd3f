#include "render/PointsPass.hpp"

#include <climits>
#include <cmath>
#include <cstddef>
#include <tuple>
#include <utility>

#include "render/EmbeddedShaders.hpp"
#include "render/GlUtil.hpp"
#include "render/Renderer.hpp"

namespace mirador {

namespace {

// A stack's marker as the shader reads it: the per-incident attributes, interleaved, plus the
// incident it highlights for. Its span covers all time: markers are made for the window.
struct GpuMarker {
    float x, y, fatalities;
    std::int32_t incident;
    std::int32_t day_from, day_to;
    std::uint8_t category, visible, flags, pad;
};
static_assert(sizeof(GpuMarker) == 28);

constexpr std::uint8_t kHollow = 1, kStacked = 2;  // a_flags bits (points.vert)

}  // namespace

geo::Result<PointsPass> PointsPass::create() {
    auto prog = gl::compile_program(shaders::points_vert, shaders::points_frag, "points");
    if (!prog) return geo::make_error(prog.error());
    PointsPass p;
    p.program_ = *prog;
    p.u_center_ = glGetUniformLocation(p.program_, "u_center");
    p.u_scale_ = glGetUniformLocation(p.program_, "u_scale");
    p.u_viewport_ = glGetUniformLocation(p.program_, "u_viewport");
    p.u_base_ = glGetUniformLocation(p.program_, "u_base_radius");
    p.u_pixel_scale_ = glGetUniformLocation(p.program_, "u_pixel_scale");
    p.u_colors_ = glGetUniformLocation(p.program_, "u_category_colors");
    p.u_hovered_ = glGetUniformLocation(p.program_, "u_hovered");
    p.u_selected_ = glGetUniformLocation(p.program_, "u_selected");
    p.u_window_ = glGetUniformLocation(p.program_, "u_window");
    p.u_first_ = glGetUniformLocation(p.program_, "u_first");
    p.u_indexed_ = glGetUniformLocation(p.program_, "u_indexed");
    glGenVertexArrays(1, &p.vao_);
    GLuint bufs[7];
    glGenBuffers(7, bufs);
    p.vbo_days_ = bufs[4];
    p.vbo_flags_ = bufs[5];
    p.stack_vbo_ = bufs[6];
    p.vbo_pos_ = bufs[0];
    p.vbo_fatal_ = bufs[1];
    p.vbo_cat_ = bufs[2];
    p.vbo_visible_ = bufs[3];
    glBindVertexArray(p.vao_);
    glBindBuffer(GL_ARRAY_BUFFER, p.vbo_pos_);
    glEnableVertexAttribArray(0);
    glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, 8, nullptr);
    glVertexAttribDivisor(0, 1);
    glBindBuffer(GL_ARRAY_BUFFER, p.vbo_fatal_);
    glEnableVertexAttribArray(1);
    glVertexAttribPointer(1, 1, GL_FLOAT, GL_FALSE, 4, nullptr);
    glVertexAttribDivisor(1, 1);
    glBindBuffer(GL_ARRAY_BUFFER, p.vbo_cat_);
    glEnableVertexAttribArray(2);
    glVertexAttribIPointer(2, 1, GL_UNSIGNED_BYTE, 1, nullptr);
    glVertexAttribDivisor(2, 1);
    glBindBuffer(GL_ARRAY_BUFFER, p.vbo_visible_);
    glEnableVertexAttribArray(3);
    glVertexAttribIPointer(3, 1, GL_UNSIGNED_BYTE, 1, nullptr);
    glVertexAttribDivisor(3, 1);
    glBindBuffer(GL_ARRAY_BUFFER, p.vbo_days_);
    glEnableVertexAttribArray(4);
    glVertexAttribIPointer(4, 2, GL_INT, 8, nullptr);
    glVertexAttribDivisor(4, 1);
    glBindBuffer(GL_ARRAY_BUFFER, p.vbo_flags_);
    glEnableVertexAttribArray(5);
    glVertexAttribIPointer(5, 1, GL_UNSIGNED_BYTE, 1, nullptr);
    glVertexAttribDivisor(5, 1);

    // Stacks: the same attributes from one interleaved buffer, plus the incident (6).
    glGenVertexArrays(1, &p.stack_vao_);
    glBindVertexArray(p.stack_vao_);
    glBindBuffer(GL_ARRAY_BUFFER, p.stack_vbo_);
    const auto field = [](std::size_t offset) { return reinterpret_cast<const void*>(offset); };
    constexpr GLsizei stride = sizeof(GpuMarker);
    glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, stride, field(offsetof(GpuMarker, x)));
    glVertexAttribPointer(1, 1, GL_FLOAT, GL_FALSE, stride, field(offsetof(GpuMarker, fatalities)));
    glVertexAttribIPointer(2, 1, GL_UNSIGNED_BYTE, stride, field(offsetof(GpuMarker, category)));
    glVertexAttribIPointer(3, 1, GL_UNSIGNED_BYTE, stride, field(offsetof(GpuMarker, visible)));
    glVertexAttribIPointer(4, 2, GL_INT, stride, field(offsetof(GpuMarker, day_from)));
    glVertexAttribIPointer(5, 1, GL_UNSIGNED_BYTE, stride, field(offsetof(GpuMarker, flags)));
    glVertexAttribIPointer(6, 1, GL_INT, stride, field(offsetof(GpuMarker, incident)));
    for (GLuint a = 0; a <= 6; ++a) {
        glEnableVertexAttribArray(a);
        glVertexAttribDivisor(a, 1);
    }
    glBindVertexArray(0);
    return p;
}

PointsPass::PointsPass(PointsPass&& o) noexcept { *this = std::move(o); }

PointsPass& PointsPass::operator=(PointsPass&& o) noexcept {
    std::swap(program_, o.program_);
    std::swap(vao_, o.vao_);
    std::swap(vbo_pos_, o.vbo_pos_);
    std::swap(vbo_fatal_, o.vbo_fatal_);
    std::swap(vbo_cat_, o.vbo_cat_);
    std::swap(vbo_visible_, o.vbo_visible_);
    std::swap(vbo_days_, o.vbo_days_);
    std::swap(vbo_flags_, o.vbo_flags_);
    std::swap(stack_vao_, o.stack_vao_);
    std::swap(stack_vbo_, o.stack_vbo_);
    std::swap(store_, o.store_);
    u_window_ = o.u_window_, u_first_ = o.u_first_, u_indexed_ = o.u_indexed_;
    u_center_ = o.u_center_, u_scale_ = o.u_scale_, u_viewport_ = o.u_viewport_, u_base_ = o.u_base_;
    u_pixel_scale_ = o.u_pixel_scale_, u_colors_ = o.u_colors_, u_hovered_ = o.u_hovered_, u_selected_ = o.u_selected_;
    std::swap(count_, o.count_);
    std::swap(stack_count_, o.stack_count_);
    return *this;
}

PointsPass::~PointsPass() {
    if (program_) glDeleteProgram(program_);
    if (vao_) glDeleteVertexArrays(1, &vao_);
    if (stack_vao_) glDeleteVertexArrays(1, &stack_vao_);
    GLuint bufs[] = {vbo_pos_, vbo_fatal_, vbo_cat_, vbo_visible_, vbo_days_, vbo_flags_, stack_vbo_};
    for (GLuint b : bufs)
        if (b) glDeleteBuffers(1, &b);
}

void PointsPass::upload(const geo::IncidentStore& store, const std::vector<geo::Vec2>& xy,
                        std::span<const std::uint8_t> hollow, geo::Vec2 origin) {
    count_ = store.size();
    stack_count_ = 0;
    std::vector<std::uint8_t> flags(count_, 0);
    for (std::size_t i = 0; i < count_ && i < hollow.size(); ++i) flags[i] = hollow[i] ? kHollow : 0;
    glBindBuffer(GL_ARRAY_BUFFER, vbo_flags_);
    glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(flags.size()), flags.data(), GL_STATIC_DRAW);
    store_ = &store;
    std::vector<std::int32_t> days(count_ * 2);
    for (std::size_t i = 0; i < count_; ++i) days[2 * i] = store.day_start()[i], days[2 * i + 1] = store.day_end()[i];
    glBindBuffer(GL_ARRAY_BUFFER, vbo_days_);
    glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(days.size() * 4), days.data(), GL_STATIC_DRAW);
    std::vector<float> pos(count_ * 2);
    std::vector<float> fatal(count_);
    std::vector<std::uint8_t> cat(count_), visible(count_);
    for (std::size_t i = 0; i < count_; ++i) {
        const bool placed = std::isfinite(xy[i].x) && std::isfinite(xy[i].y);
        pos[2 * i] = placed ? float(xy[i].x - origin.x) : 0.0f;
        pos[2 * i + 1] = placed ? float(xy[i].y - origin.y) : 0.0f;
        fatal[i] = float(store.fatalities(i).value_or(0));
        cat[i] = static_cast<std::uint8_t>(store.category()[i]);
        visible[i] = placed ? 1 : 0;
    }
    glBindBuffer(GL_ARRAY_BUFFER, vbo_pos_);
    glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(pos.size() * 4), pos.data(), GL_STATIC_DRAW);
    glBindBuffer(GL_ARRAY_BUFFER, vbo_fatal_);
    glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(fatal.size() * 4), fatal.data(), GL_STATIC_DRAW);
    glBindBuffer(GL_ARRAY_BUFFER, vbo_cat_);
    glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(cat.size()), cat.data(), GL_STATIC_DRAW);
    set_visibility(visible);
}

void PointsPass::set_stacks(const std::vector<PointMarker>& markers, geo::Vec2 origin) {
    std::vector<GpuMarker> gpu;
    gpu.reserve(markers.size());
    for (const PointMarker& m : markers)
        gpu.push_back({float(m.xy.x - origin.x), float(m.xy.y - origin.y), m.fatalities, m.incident, INT32_MIN,
                       INT32_MAX, m.category, 1, static_cast<std::uint8_t>(kStacked | (m.hollow ? kHollow : 0)), 0});
    stack_count_ = gpu.size();
    glBindBuffer(GL_ARRAY_BUFFER, stack_vbo_);
    glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(gpu.size() * sizeof(GpuMarker)), gpu.data(), GL_DYNAMIC_DRAW);
}

void PointsPass::set_visibility(const std::vector<std::uint8_t>& visible) {
    glBindBuffer(GL_ARRAY_BUFFER, vbo_visible_);
    glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(visible.size()), visible.data(), GL_DYNAMIC_DRAW);
}

void PointsPass::draw(const FrameParams& fp, float cx, float cy, float sx, float sy) const {
    if ((!count_ && !stack_count_) || !fp.show_points) return;
    glUseProgram(program_);
    glUniform2f(u_center_, cx, cy);
    glUniform2f(u_scale_, sx, sy);
    glUniform2f(u_viewport_, float(fp.view.width), float(fp.view.height));
    glUniform1f(u_base_, fp.point_base_px);
    glUniform1f(u_pixel_scale_, fp.pixel_scale);
    float colors[9 * 4];
    for (int i = 0; i < 9; ++i) {
        colors[4 * i] = fp.category_colors[i].r;
        colors[4 * i + 1] = fp.category_colors[i].g;
        colors[4 * i + 2] = fp.category_colors[i].b;
        colors[4 * i + 3] = fp.category_colors[i].a * fp.points_opacity;
    }
    glUniform4fv(u_colors_, 9, colors);
    glUniform1i(u_hovered_, static_cast<int>(fp.hovered_incident));
    glUniform1i(u_selected_, static_cast<int>(fp.selected_incident));
    glUniform2i(u_window_, fp.time_from_day, fp.time_to_day);
    if (stack_count_) {
        // Stacks first: a single disc on top of a stack's marker stays visible.
        glUniform1i(u_indexed_, 1);
        glUniform1i(u_first_, 0);
        glBindVertexArray(stack_vao_);
        glDrawArraysInstanced(GL_TRIANGLE_STRIP, 0, 4, static_cast<GLsizei>(stack_count_));
        glBindVertexArray(0);
    }
    glUniform1i(u_indexed_, 0);
    std::size_t first = 0, last = count_;
    if (store_ && store_->size() == count_) std::tie(first, last) = store_->range_overlapping(fp.time_from_day, fp.time_to_day);
    if (last <= first) return;
    glUniform1i(u_first_, static_cast<int>(first));
    glBindVertexArray(vao_);
    auto at = [first](std::size_t bytes) { return reinterpret_cast<const void*>(static_cast<std::uintptr_t>(first * bytes)); };
    glBindBuffer(GL_ARRAY_BUFFER, vbo_pos_);
    glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, 8, at(8));
    glBindBuffer(GL_ARRAY_BUFFER, vbo_fatal_);
    glVertexAttribPointer(1, 1, GL_FLOAT, GL_FALSE, 4, at(4));
    glBindBuffer(GL_ARRAY_BUFFER, vbo_cat_);
    glVertexAttribIPointer(2, 1, GL_UNSIGNED_BYTE, 1, at(1));
    glBindBuffer(GL_ARRAY_BUFFER, vbo_visible_);
    glVertexAttribIPointer(3, 1, GL_UNSIGNED_BYTE, 1, at(1));
    glBindBuffer(GL_ARRAY_BUFFER, vbo_days_);
    glVertexAttribIPointer(4, 2, GL_INT, 8, at(8));
    glBindBuffer(GL_ARRAY_BUFFER, vbo_flags_);
    glVertexAttribIPointer(5, 1, GL_UNSIGNED_BYTE, 1, at(1));
    glDrawArraysInstanced(GL_TRIANGLE_STRIP, 0, 4, static_cast<GLsizei>(last - first));
    glBindVertexArray(0);
}

}  // namespace mirador
