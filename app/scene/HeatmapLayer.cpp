#include "scene/HeatmapLayer.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>

#include "render/GpuDensity.hpp"
#include "platform/Report.hpp"

namespace mirador {

namespace {

double ms_since(std::chrono::steady_clock::time_point t0) {
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
}

std::string number(double v) {
    char buf[32];
    if (v == 0) return "0";
    if (std::fabs(v) >= 100) std::snprintf(buf, sizeof buf, "%.0f", v);
    else if (std::fabs(v) >= 1) std::snprintf(buf, sizeof buf, "%.2g", v);
    else std::snprintf(buf, sizeof buf, "%.2g", v);
    return buf;
}

}  // namespace

HeatmapLayer::HeatmapLayer() = default;
HeatmapLayer::~HeatmapLayer() = default;

void HeatmapLayer::rebuild_points(const IncidentLayer& incidents, geo::DensityWeight weight, double radius_m) {
    // Projection is the expensive part (PROJ per point): only for new incidents. A new weight
    // only re-reads the counts, a new radius only makes a new grid, filters only re-weight.
    if (pts_.store != &incidents.store || pts_.size() != incidents.store.size()) {
        auto p = geo::make_density_points(incidents.store, weight, nullptr);
        if (!p) {
            eprint("heatmap: %s\n", p.error().c_str());
            pts_ = {};
            base_weight_.clear();
            extent_.reset();
            grid_ = {};
            return;
        }
        pts_ = std::move(p).value();
        base_weight_ = pts_.weight;
        weight_ = weight;
        extent_ = geo::placed_extent(pts_);
    } else if (weight != weight_) {
        base_weight_ = geo::density_weights(incidents.store, weight);
        weight_ = weight;
    }
    // The grid covers every placed incident, filtered or not, so neither the filters nor the
    // time window ever move it.
    grid_ = extent_ ? geo::display_grid_for(extent_->first, extent_->second, radius_m) : geo::GridSpec{};
    kernel_ = {};
    gpu_points_stale_ = true;
    // Filtered-out incidents weigh nothing, nor do positions that stand for a whole state,
    // region or country (a state's centroid would show as a hot spot).
    const auto& vis = incidents.visible;
    const auto& placed = incidents.placed;
    for (std::size_t i = 0; i < pts_.size(); ++i)
        pts_.weight[i] = i < vis.size() && vis[i] && (i >= placed.size() || placed.local(i)) ? base_weight_[i] : 0.0f;
}

double HeatmapLayer::fixed_max(const geo::WindowSpec& spec, geo::DayRange window) {
    geo::DayRange extent = geo::data_extent(*pts_.store);
    if (spec.mode == geo::WindowMode::Moving && spec.unit == geo::WindowUnit::Custom && !extent.empty()) {
        // Custom windows tile the range in step with the current one.
        const std::int32_t len = std::max(1, spec.custom_days);
        const std::int32_t back = (window.from - extent.from + len - 1) / len;
        extent.from = window.from - back * len;
    }
    const std::int32_t custom_from = spec.unit == geo::WindowUnit::Custom ? extent.from : 0;
    if (fixed_key_.valid && fixed_key_.spec == spec && fixed_key_.custom_from == custom_from) return fixed_max_;
    const auto t0 = std::chrono::steady_clock::now();
    if (!fixed_engine_ || !(fixed_engine_->grid() == grid_) || !(fixed_engine_->kernel() == kernel_))
        fixed_engine_ = std::make_unique<geo::DensityEngine>(grid_, kernel_);
    fixed_result_ = geo::fixed_scale_max(pts_, geo::TimeAxis(extent, spec), *fixed_engine_);
    fixed_max_ = fixed_result_.max;
    fixed_key_ = {spec, custom_from, true};
    timing_.fixed_scale_ms = ms_since(t0);
    return fixed_max_;
}

HeatmapStyle HeatmapLayer::update(Renderer& renderer, const IncidentLayer* incidents, const HeatmapSettings& s,
                                  geo::DayRange window, const geo::WindowSpec& time_spec) {
    HeatmapStyle style;
    style.show = false;
    if (!s.show || !incidents || incidents->store.empty()) {
        // settings_ keeps what the surface was built with, so changes made while hidden still
        // rebuild it when it is shown again.
        has_surface_ = false;
        return style;
    }
    const bool radius_changed = !(s.style.radius_km == settings_.style.radius_km);
    if (incidents != incidents_ || points_dirty_ || s.style.weight != settings_.style.weight || radius_changed) {
        settings_ = s;
        incidents_ = incidents;
        rebuild_points(*incidents, s.style.weight, s.style.kernel_spec().radius_m);
        points_dirty_ = false;
        sliding_.reset();
        fixed_key_.valid = false;
        has_surface_ = false;
    }
    if (!pts_.store || grid_.cells() == 0) {
        has_surface_ = false;
        return style;
    }
    if (!(kernel_ == s.style.kernel_spec())) {
        kernel_ = s.style.kernel_spec();
        has_surface_ = false;
        sliding_.reset();
        fixed_engine_.reset();
        fixed_key_.valid = false;
    }
    const bool engine_changed = s.gpu != settings_.gpu;
    settings_ = s;
    // A frame that changes nothing (the usual case: panning, hovering) reuses the surface
    // already on the GPU.
    const bool recompute = !has_surface_ || engine_changed || (!sliding_ && !s.gpu) || !(window == computed_window_);

    const auto t0 = std::chrono::steady_clock::now();
    if (s.gpu) {
        if (!gpu_) {
            auto g = GpuDensity::create();
            if (!g) {
                eprint("heatmap: GPU engine unavailable: %s\n", g.error().c_str());
                settings_.gpu = false;
            } else {
                gpu_ = std::move(g).value();
            }
        }
    }
    if (!recompute) {
        // nothing to do
    } else if (settings_.gpu) {
        gpu_->configure(pts_, grid_, kernel_, gpu_points_stale_);
        gpu_points_stale_ = false;
        gpu_->compute(window);
        renderer.set_density_texture(grid_, gpu_->result_texture());
        // The relative scale needs this window's maximum: read the surface back.
        if (s.style.normalize == geo::NormalizeMode::Relative || engine_changed) {
            gpu_result_ = gpu_->read_back();
            current_max_ = gpu_result_.max_value();
        }
        timing_.points_touched = 0;
    } else {
        if (!sliding_) sliding_ = std::make_unique<geo::SlidingDensity>(pts_, grid_, kernel_);
        current_ = &sliding_->move_to(window);
        current_max_ = current_->max_value();
        timing_.points_touched = sliding_->last_points_touched();
        renderer.set_density(*current_);
    }
    if (recompute) {
        timing_.move_ms = ms_since(t0);
        computed_window_ = window;
    }
    has_surface_ = true;

    // The colour scale.
    double lo = 0, hi = current_max_;
    std::string note;
    switch (s.style.normalize) {
        case geo::NormalizeMode::Fixed: {
            hi = fixed_max(time_spec, window);
            note = "Fixed: highest of every ";
            note.append(time_spec.mode == geo::WindowMode::Cumulative ? "cumulative" : geo::to_string(time_spec.unit));
            note.append(" window");
            if (!fixed_result_.argmax.empty()) note.append(" (").append(geo::describe_days(fixed_result_.argmax)).append(")");
            break;
        }
        case geo::NormalizeMode::Domain:
            lo = s.style.domain_min, hi = s.style.domain_max;
            note = "Domain set by the user";
            break;
        case geo::NormalizeMode::Relative:
            note = "Relative: this window's highest value";
            break;
    }
    legend_.title = s.style.weight == geo::DensityWeight::Count ? "Incidents per km²" : "Fatalities per km²";
    legend_.scale_note = note;
    char buf[96];
    std::snprintf(buf, sizeof buf, "%s kernel, %s km radius, %s km cells", geo::to_string(kernel_.shape),
                  number(kernel_.radius_m / 1000).c_str(), number(grid_.cell / 1000).c_str());
    legend_.kernel_note = buf;
    legend_.lo = lo;
    legend_.hi = hi;
    // Never paint the float noise of an empty region: at least a millionth of the top.
    legend_.threshold = std::max(lo + double(s.style.threshold) * (hi - lo), hi * 1e-6);
    if (!ramp_uploaded_ || *ramp_uploaded_ != s.style.ramp) {
        legend_.ramp = ramp_table(s.style.ramp);
        renderer.set_heatmap_ramp(legend_.ramp);
        ramp_uploaded_ = s.style.ramp;
    }

    style.show = hi > 0;
    style.lo = float(lo);
    style.hi = float(hi);
    style.threshold = float(legend_.threshold);
    style.opacity = s.opacity;
    return style;
}

}  // namespace mirador
