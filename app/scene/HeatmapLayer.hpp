#pragma once
// The heatmap as the window and the snapshot see it: the incidents' density in a time window,
// its colour scale and its legend. It keeps the projected points and the sliding binned grid
// between frames, so moving the time window costs the incidents that entered or left plus
// one convolution, and changing the filters re-weights the points without re-projecting.
#include <memory>
#include <optional>
#include <string>

#include "document/MapDocument.hpp"
#include "mirador/geo/DensityEngine.hpp"
#include "render/Renderer.hpp"
#include "scene/IncidentLayer.hpp"
#include "style/ColorRamp.hpp"

namespace mirador {

class GpuDensity;

// The heatmap as one frame draws it: the layer's style from the document, its visibility and
// opacity, and the engine resolved (auto: the GPU unless OpenGL runs on the CPU).
struct HeatmapSettings {
    bool show = false;
    float opacity = 0.0f;
    bool gpu = false;  // compute with GpuDensity instead of the CPU engine
    doc::HeatmapStyle style;
    bool operator==(const HeatmapSettings&) const = default;
};

struct HeatmapLegend {
    std::string title;       // "Incidents per km²"
    std::string scale_note;  // how the top of the scale was chosen
    std::string kernel_note; // "quartic kernel, 25 km radius, 3.1 km cells"
    double lo = 0, hi = 0, threshold = 0;
    RampTable ramp{};
};

struct HeatmapTiming {
    double move_ms = 0;        // the last window change (binning + convolution)
    double fixed_scale_ms = 0; // the last fixed-scale computation
    std::size_t points_touched = 0;
};

class HeatmapLayer {
public:
    HeatmapLayer();
    ~HeatmapLayer();

    // The incidents changed (new layer or new filters): weights and binned grid are rebuilt
    // on the next update.
    void invalidate_points() { points_dirty_ = true; }
    // Brings the surface to `window` with `settings` and hands it to the renderer. `time_spec`
    // defines the windows the fixed scale looks at (the slider's). Returns the style for the frame.
    HeatmapStyle update(Renderer& renderer, const IncidentLayer* incidents, const HeatmapSettings& settings,
                        geo::DayRange window, const geo::WindowSpec& time_spec);

    const HeatmapLegend* legend() const { return has_surface_ ? &legend_ : nullptr; }
    const geo::DensityGrid* grid() const { return has_surface_ && !settings_.gpu ? current_ : nullptr; }
    const HeatmapTiming& timing() const { return timing_; }
    double current_max() const { return current_max_; }
    const geo::DensityPoints& points() const { return pts_; }

private:
    void rebuild_points(const IncidentLayer& incidents, geo::DensityWeight weight, double radius_m);
    double fixed_max(const geo::WindowSpec& spec, geo::DayRange window);

    const IncidentLayer* incidents_ = nullptr;
    bool points_dirty_ = true;
    geo::DensityPoints pts_;
    std::vector<float> base_weight_;
    geo::DensityWeight weight_ = geo::DensityWeight::Count;
    std::optional<std::pair<geo::Vec2, geo::Vec2>> extent_;  // of the placed incidents
    geo::GridSpec grid_;
    geo::KernelSpec kernel_;
    std::unique_ptr<geo::SlidingDensity> sliding_;
    std::unique_ptr<geo::DensityEngine> fixed_engine_;
    std::unique_ptr<GpuDensity> gpu_;
    const geo::DensityGrid* current_ = nullptr;
    geo::DensityGrid gpu_result_;
    HeatmapSettings settings_;
    bool has_surface_ = false;
    geo::DayRange computed_window_;
    bool gpu_points_stale_ = true;  // weights changed since GpuDensity last uploaded them
    double current_max_ = 0;
    // The fixed scale depends on the points, grid, kernel and window spec, not on the window.
    struct FixedKey {
        geo::WindowSpec spec;
        std::int32_t custom_from = 0;
        bool valid = false;
    } fixed_key_;
    double fixed_max_ = 0;
    geo::FixedScaleResult fixed_result_;
    HeatmapLegend legend_;
    std::optional<RampId> ramp_uploaded_;  // the ramp in legend_ and on the GPU
    HeatmapTiming timing_;
};

}  // namespace mirador
