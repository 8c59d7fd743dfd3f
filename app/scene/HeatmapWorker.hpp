#pragma once
// The CPU heatmap engine on a thread of its own, so the window keeps drawing (with the surface
// it has) while a new one is computed: turning the heatmap on over a million incidents takes
// the binning of all of them, a convolution and the fixed scale over every window, far more
// than a frame. The latest request wins: one not started yet is replaced by a newer one.
//
// Points are shared read-only (shared_ptr<const>): the layer makes new ones when the filters
// or the weights change, and the worker keeps the ones it computes with alive.
#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>

#include "mirador/geo/DensityEngine.hpp"

namespace mirador {

struct HeatmapRequest {
    std::shared_ptr<const geo::DensityPoints> points;
    geo::GridSpec grid;
    geo::KernelSpec kernel;
    geo::DayRange window;
    std::optional<geo::TimeAxis> fixed_axis;  // the fixed scale's windows; none: not wanted
    bool surface = true;                      // false: only the fixed scale (the GPU draws the surface)
    bool operator==(const HeatmapRequest& o) const;
};

struct HeatmapSurface {
    HeatmapRequest request;
    geo::DensityGrid grid;
    double max = 0;                 // of grid
    geo::FixedScaleResult fixed;    // when request.fixed_axis
    double move_ms = 0, fixed_ms = 0;
    std::size_t points_touched = 0;
};

class HeatmapWorker {
public:
    HeatmapWorker();
    ~HeatmapWorker();
    HeatmapWorker(const HeatmapWorker&) = delete;
    HeatmapWorker& operator=(const HeatmapWorker&) = delete;

    void submit(HeatmapRequest request);
    // The newest finished surface, swapped into `out` (its memory reused both ways); false
    // when there is none since the last take.
    bool take(HeatmapSurface& out);
    // Until everything submitted is finished.
    void wait();

private:
    void run();
    void compute(const HeatmapRequest& r, HeatmapSurface& out);
    void move_surface(const HeatmapRequest& r, HeatmapSurface& out);

    std::mutex mutex_;
    std::condition_variable wake_, idle_;
    std::optional<HeatmapRequest> pending_;
    bool running_ = false, stop_ = false, has_finished_ = false;
    HeatmapSurface finished_;

    // The worker thread's own.
    std::unique_ptr<geo::SlidingDensity> sliding_;
    HeatmapRequest sliding_for_;  // its points, grid and kernel
    std::unique_ptr<geo::DensityEngine> fixed_engine_;
    std::optional<HeatmapRequest> fixed_for_;  // points, grid, kernel and axis of fixed_
    geo::FixedScaleResult fixed_;
    double fixed_ms_ = 0;
    HeatmapSurface scratch_;

    std::thread thread_;  // last: starts once everything above exists
};

}  // namespace mirador
