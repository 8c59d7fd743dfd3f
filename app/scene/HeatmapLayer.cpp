#include "scene/HeatmapLayer.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>

#include "platform/Report.hpp"
#include "render/GpuDensity.hpp"
#include "style/HeatmapRamp.hpp"

namespace mirador {

namespace {

std::string number(double v) {
    char buf[32];
    if (v == 0) return "0";
    if (std::fabs(v) >= 100) std::snprintf(buf, sizeof buf, "%.0f", v);
    else std::snprintf(buf, sizeof buf, "%.2g", v);
    return buf;
}

std::string tick(double v) {
    char buf[32];
    if (v == 0) return "0";
    if (std::fabs(v) >= 100) std::snprintf(buf, sizeof buf, "%.0f", v);
    else std::snprintf(buf, sizeof buf, "%.3g", v);  // 0.000533 reads better than 5.33e-04
    return buf;
}

// The grid's CRS, as display_grid_for makes it.
bool grid_crs_is(geo::DisplayCrs display) { return geo::crs_definition(display) == geo::GridSpec{}.crs; }

}  // namespace

HeatmapLayer::HeatmapLayer() : gpu_factory_([] { return GpuDensity::create(); }) {}
HeatmapLayer::~HeatmapLayer() = default;

const geo::DensityPoints& HeatmapLayer::points() const {
    static const geo::DensityPoints none;
    return pts_ ? *pts_ : none;
}

void HeatmapLayer::rebuild_points(const IncidentLayer& incidents, geo::DensityWeight weight, double radius_m,
                                  geo::DisplayCrs display) {
    // New points every time (the worker may still be reading the old ones). Positions are the
    // incidents' display positions when the display CRS is the grid's (the usual case: the
    // incidents are projected once, when they load); else projected here from lon/lat.
    auto p = std::make_shared<geo::DensityPoints>();
    const geo::IncidentStore& store = incidents.store;
    const bool new_store = !pts_ || pts_->store != &store || pts_->size() != store.size();
    if (grid_crs_is(display) && incidents.display_xy.size() == store.size()) {
        p->store = &store;
        p->x.resize(store.size());
        p->y.resize(store.size());
        for (std::size_t i = 0; i < store.size(); ++i) {
            p->x[i] = static_cast<float>(incidents.display_xy[i].x);
            p->y[i] = static_cast<float>(incidents.display_xy[i].y);
        }
    } else if (new_store || !pts_) {
        auto projected = geo::make_density_points(store, weight, nullptr, geo::GridSpec{}.crs.c_str());
        if (!projected) {
            eprint("heatmap: %s\n", projected.error().c_str());
            pts_.reset();
            base_weight_.clear();
            extent_.reset();
            grid_ = {};
            return;
        }
        *p = std::move(projected).value();
    } else {
        p->store = pts_->store;
        p->x = pts_->x;
        p->y = pts_->y;
    }
    if (new_store || weight != weight_ || base_weight_.size() != store.size()) {
        base_weight_ = geo::density_weights(store, weight);
        weight_ = weight;
    }
    if (new_store || !extent_) {
        p->weight.assign(store.size(), 1.0f);
        extent_ = geo::placed_extent(*p);
    }
    // The grid covers every placed incident, filtered or not, so neither the filters nor the
    // time window ever move it.
    grid_ = extent_ ? geo::display_grid_for(extent_->first, extent_->second, radius_m) : geo::GridSpec{};
    gpu_points_stale_ = true;
    // Filtered-out incidents weigh nothing, nor do positions that stand for a whole state,
    // region or country (a state's centroid would show as a hot spot).
    const auto& vis = incidents.visible;
    const auto& placed = incidents.placed;
    p->weight.resize(store.size());
    for (std::size_t i = 0; i < store.size(); ++i)
        p->weight[i] = i < vis.size() && vis[i] && (i >= placed.size() || placed.local(i)) ? base_weight_[i] : 0.0f;
    pts_ = std::move(p);
}

std::optional<geo::TimeAxis> HeatmapLayer::fixed_axis(const geo::WindowSpec& spec, geo::DayRange window) const {
    geo::DayRange extent = geo::data_extent(*pts_->store);
    if (spec.mode == geo::WindowMode::Moving && spec.unit == geo::WindowUnit::Custom && !extent.empty()) {
        // Custom windows tile the range in step with the current one.
        const std::int32_t len = std::max(1, spec.custom_days);
        const std::int32_t back = (window.from - extent.from + len - 1) / len;
        extent.from = window.from - back * len;
    }
    return geo::TimeAxis(extent, spec);
}

bool HeatmapLayer::use_gpu(const HeatmapSettings& s) {
    if (!s.gpu || !gpu_unavailable_.empty()) return false;
    if (gpu_) return true;
    auto g = gpu_factory_();
    if (g) {
        gpu_ = std::move(g).value();
        return true;
    }
    // Once: the CPU engine draws the same surface, and asking again every frame would only
    // recompile the shaders and repeat the message.
    gpu_unavailable_ = "GPU engine unavailable (" + g.error() + "): the CPU engine computes the heatmap";
    eprint("heatmap: %s\n", gpu_unavailable_.c_str());
    return false;
}

HeatmapStyle HeatmapLayer::update(Renderer& renderer, const IncidentLayer* incidents, const HeatmapSettings& s,
                                  geo::DayRange window, const geo::WindowSpec& time_spec,
                                  const std::optional<geo::BBox>& in_view) {
    HeatmapStyle style;
    style.show = false;
    if (!s.show || !incidents || incidents->store.empty()) {
        // settings_ keeps what the points were built with, so changes made while hidden still
        // rebuild them when the heatmap is shown again.
        has_surface_ = false;
        return style;
    }
    const bool radius_changed = !(s.style.kernel_spec().radius_m == settings_.style.kernel_spec().radius_m);
    if (incidents != incidents_ || points_dirty_ || s.style.weight != settings_.style.weight || radius_changed || !pts_) {
        incidents_ = incidents;
        settings_.style.weight = s.style.weight;
        settings_.style.radius_km = s.style.radius_km;
        rebuild_points(*incidents, s.style.weight, s.style.kernel_spec().radius_m, renderer.display_crs());
        points_dirty_ = false;
    }
    if (!pts_ || grid_.cells() == 0) {
        has_surface_ = false;
        return style;
    }
    kernel_ = s.style.kernel_spec();
    settings_ = s;
    std::optional<geo::TimeAxis> axis;
    if (s.style.normalize == geo::NormalizeMode::Fixed) axis = fixed_axis(time_spec, window);

    const bool gpu = use_gpu(s);
    if (gpu) {
        // The GPU draws the surface now (it is fast where it is chosen); the fixed scale, on
        // the CPU, comes from the worker.
        if (!on_gpu_ || !has_surface_ || gpu_points_stale_ || !(gpu_window_ == window) || !(gpu_->grid() == grid_)) {
            const auto t0 = std::chrono::steady_clock::now();
            auto configured = gpu_->configure(*pts_, grid_, kernel_, gpu_points_stale_);
            if (!configured) {
                gpu_.reset();
                gpu_unavailable_ = "GPU engine unavailable (" + configured.error() + "): the CPU engine computes the heatmap";
                eprint("heatmap: %s\n", gpu_unavailable_.c_str());
                return update(renderer, incidents, s, window, time_spec, in_view);
            }
            gpu_points_stale_ = false;
            gpu_->compute(window);
            renderer.set_density_texture(grid_, gpu_->result_texture());
            gpu_result_ = gpu_->read_back();
            current_max_ = gpu_result_.max_value();
            ++surface_version_;
            timing_.move_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
            timing_.points_touched = 0;
            gpu_window_ = window;
            on_gpu_ = true;
            has_surface_ = true;
        }
    }
    HeatmapRequest request{pts_, grid_, kernel_, gpu ? geo::DayRange{} : window, axis, !gpu};
    if (request.surface || request.fixed_axis) {
        if (!asked_ || !(*asked_ == request)) {
            worker_.submit(request);
            asked_ = request;
            awaiting_ = true;
        }
        if (awaiting_ && !background_) worker_.wait();
        if (worker_.take(surface_)) {
            awaiting_ = !(surface_.request == *asked_);
            timing_.fixed_scale_ms = surface_.fixed_ms;
            if (surface_.request.surface) {
                renderer.set_density(surface_.grid);
                current_max_ = surface_.max;
                ++surface_version_;
                timing_.move_ms = surface_.move_ms;
                timing_.points_touched = surface_.points_touched;
                on_gpu_ = false;
                has_surface_ = true;
            }
        }
    }
    if (!has_surface_) return style;  // the first surface is on its way

    // The colour scale. Fixed, until the worker has it for these points: this window's top.
    double lo = 0, hi = current_max_;
    const bool fixed_known = axis && surface_.request.fixed_axis && surface_.request.points == pts_ &&
                             surface_.request.grid == grid_ && surface_.request.kernel == kernel_ &&
                             surface_.request.fixed_axis->spec() == axis->spec() &&
                             surface_.request.fixed_axis->extent() == axis->extent();
    if (s.style.normalize == geo::NormalizeMode::Fixed && fixed_known) hi = surface_.fixed.max;
    if (s.style.normalize == geo::NormalizeMode::Domain) lo = s.style.domain_min, hi = s.style.domain_max;
    if (s.style.normalize == geo::NormalizeMode::Relative && in_view)
        hi = top_within(*in_view);
    update_legend(s, time_spec, lo, hi, fixed_known);
    // Never paint the float noise of an empty region: at least a millionth of the top.
    legend_.threshold = std::max(lo + double(s.style.threshold) * (hi - lo), hi * 1e-6);
    if (!ramp_uploaded_ || *ramp_uploaded_ != s.style.ramp) {
        legend_.ramp = heatmap_ramp_table(s.style.ramp);  // its low end faded in, on the map and in the legend
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

double HeatmapLayer::top_within(const geo::BBox& area) {
    const geo::DensityGrid& g = on_gpu_ ? gpu_result_ : surface_.grid;
    // A view that holds the whole grid (all of Mexico) tops out at the surface's own maximum.
    if (area.min_x <= g.spec.x0 && area.min_y <= g.spec.y0 && area.max_x >= g.spec.x1() && area.max_y >= g.spec.y1())
        return current_max_;
    const auto same = [](const geo::BBox& a, const geo::BBox& b) {
        return a.min_x == b.min_x && a.min_y == b.min_y && a.max_x == b.max_x && a.max_y == b.max_y;
    };
    if (!area_top_ || area_top_->surface_version != surface_version_ || !same(area_top_->area, area))
        area_top_ = AreaTop{surface_version_, area, g.max_value_within(area)};
    return area_top_->top;
}

void HeatmapLayer::update_legend(const HeatmapSettings& s, const geo::WindowSpec& time_spec, double lo, double hi,
                                 bool fixed_known) {
    const LegendInputs in{s.style.weight, s.style.normalize, time_spec, surface_.fixed.argmax, kernel_, grid_.cell, lo, hi, fixed_known};
    if (legend_for_ && *legend_for_ == in) return;  // an idle frame: the text stands
    legend_for_ = in;
    legend_.title = s.style.weight == geo::DensityWeight::Count ? "Incidents per km²" : "Fatalities per km²";
    switch (s.style.normalize) {
        case geo::NormalizeMode::Fixed:
            if (!fixed_known) {
                legend_.scale_note = "Fixed: being computed; this window's highest meanwhile";
                break;
            }
            legend_.scale_note = "Fixed: highest of every ";
            legend_.scale_note.append(time_spec.mode == geo::WindowMode::Cumulative ? "cumulative"
                                                                                    : geo::to_string(time_spec.unit));
            legend_.scale_note.append(" window");
            if (!surface_.fixed.argmax.empty())
                legend_.scale_note.append(" (").append(geo::describe_days(surface_.fixed.argmax)).append(")");
            break;
        case geo::NormalizeMode::Domain: legend_.scale_note = "Domain set by the user"; break;
        case geo::NormalizeMode::Relative: legend_.scale_note = "Relative: this window's highest value in view"; break;
    }
    char buf[96];
    std::snprintf(buf, sizeof buf, "%s kernel, %s km radius, %s km cells", geo::to_string(kernel_.shape),
                  number(kernel_.radius_m / 1000).c_str(), number(grid_.cell / 1000).c_str());
    legend_.kernel_note = buf;
    legend_.lo = lo;
    legend_.hi = hi;
    legend_.lo_text = tick(lo);
    legend_.mid_text = tick((lo + hi) / 2);
    legend_.hi_text = tick(hi);
}

}  // namespace mirador
