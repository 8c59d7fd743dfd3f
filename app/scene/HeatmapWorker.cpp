#include "scene/HeatmapWorker.hpp"

#include <chrono>

namespace mirador {

namespace {

double ms_since(std::chrono::steady_clock::time_point t0) {
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
}

bool same_axis(const std::optional<geo::TimeAxis>& a, const std::optional<geo::TimeAxis>& b) {
    if (a.has_value() != b.has_value()) return false;
    return !a || (a->extent() == b->extent() && a->spec() == b->spec());
}

}  // namespace

bool HeatmapRequest::operator==(const HeatmapRequest& o) const {
    return points == o.points && grid == o.grid && kernel == o.kernel && window == o.window &&
           same_axis(fixed_axis, o.fixed_axis) && surface == o.surface;
}

HeatmapWorker::HeatmapWorker() : thread_([this] { run(); }) {}

HeatmapWorker::~HeatmapWorker() {
    {
        std::lock_guard lock(mutex_);
        stop_ = true;
        pending_.reset();
    }
    wake_.notify_all();
    thread_.join();
}

void HeatmapWorker::submit(HeatmapRequest request) {
    {
        std::lock_guard lock(mutex_);
        pending_ = std::move(request);
    }
    wake_.notify_all();
}

bool HeatmapWorker::take(HeatmapSurface& out) {
    std::lock_guard lock(mutex_);
    if (!has_finished_) return false;
    std::swap(out, finished_);
    has_finished_ = false;
    return true;
}

void HeatmapWorker::wait() {
    std::unique_lock lock(mutex_);
    idle_.wait(lock, [this] { return !pending_ && !running_; });
}

void HeatmapWorker::run() {
    std::unique_lock lock(mutex_);
    for (;;) {
        wake_.wait(lock, [this] { return stop_ || pending_; });
        if (stop_) return;
        const HeatmapRequest r = std::move(*pending_);
        pending_.reset();
        running_ = true;
        lock.unlock();
        compute(r, scratch_);
        lock.lock();
        std::swap(finished_, scratch_);
        has_finished_ = true;
        running_ = false;
        idle_.notify_all();
    }
}

void HeatmapWorker::compute(const HeatmapRequest& r, HeatmapSurface& out) {
    out.request = r;
    if (r.surface) move_surface(r, out);
    if (!r.fixed_axis) return;
    // The fixed scale depends on the points, grid, kernel and the axis, not on the window.
    HeatmapRequest key = r;
    key.window = {};
    key.surface = false;
    if (!fixed_for_ || !(*fixed_for_ == key)) {
        const auto t1 = std::chrono::steady_clock::now();
        if (!fixed_engine_ || !(fixed_engine_->grid() == r.grid) || !(fixed_engine_->kernel() == r.kernel))
            fixed_engine_ = std::make_unique<geo::DensityEngine>(r.grid, r.kernel);
        fixed_ = geo::fixed_scale_max(*r.points, *r.fixed_axis, *fixed_engine_);
        fixed_for_ = key;
        fixed_ms_ = ms_since(t1);
    }
    out.fixed = fixed_;
    out.fixed_ms = fixed_ms_;
}

void HeatmapWorker::move_surface(const HeatmapRequest& r, HeatmapSurface& out) {
    const auto t0 = std::chrono::steady_clock::now();
    // A new engine only for new points, grid or kernel: a window move re-bins the incidents
    // that entered or left the window.
    if (!sliding_ || sliding_for_.points != r.points || !(sliding_for_.grid == r.grid) ||
        !(sliding_for_.kernel == r.kernel)) {
        sliding_.reset();
        sliding_ = std::make_unique<geo::SlidingDensity>(*r.points, r.grid, r.kernel);
        sliding_for_ = r;
        sliding_for_.fixed_axis.reset();
    }
    const geo::DensityGrid& g = sliding_->move_to(r.window);
    out.grid.spec = g.spec;
    out.grid.values.assign(g.values.begin(), g.values.end());
    out.max = g.max_value();
    out.points_touched = sliding_->last_points_touched();
    out.move_ms = ms_since(t0);
}

}  // namespace mirador
