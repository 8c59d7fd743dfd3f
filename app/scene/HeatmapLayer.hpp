#pragma once
// The heatmap as the window and the snapshot see it: the incidents' density in a time window,
// its colour scale and its legend. The points come from the incidents' display positions (no
// second projection when the display CRS is the grid's), and are rebuilt only for new
// incidents, filters, weights or radius; moving the time window re-bins the incidents that
// entered or left plus one convolution (HeatmapWorker). In the window that work runs off the
// UI thread and the last surface stays on screen until the new one is ready; snapshots,
// tests and benchmarks wait for it.
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "document/MapDocument.hpp"
#include "mirador/geo/DensityEngine.hpp"
#include "mirador/geo/Result.hpp"
#include "render/Renderer.hpp"
#include "scene/HeatmapWorker.hpp"
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
    std::string lo_text, mid_text, hi_text;  // the ramp's tick labels
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
    using GpuEngineFactory = std::function<geo::Result<std::unique_ptr<GpuDensity>>()>;

    HeatmapLayer();
    ~HeatmapLayer();

    // The incidents changed (new layer or new filters): weights and binned grid are rebuilt
    // on the next update.
    void invalidate_points() { points_dirty_ = true; }
    // On: CPU surfaces are computed off the UI thread and update() shows the last finished
    // one (the window). Off (the default): update() waits for the surface it asked for.
    void set_background(bool on) { background_ = on; }
    // How the GPU engine is made (tests substitute one that fails). When it cannot start, the
    // CPU engine takes over for good and engine_note() says why, once, on stderr too.
    void set_gpu_engine_factory(GpuEngineFactory f) { gpu_factory_ = std::move(f); }
    const std::string& engine_note() const { return gpu_unavailable_; }

    // Brings the surface to `window` with `settings` and hands it to the renderer. `time_spec`
    // defines the windows the fixed scale looks at (the slider's). A relative scale tops out at
    // the highest cell in `in_view` (the map's visible area; none: the whole grid), so a view
    // zoomed on a lesser hot spot shows it in full colour instead of faint beside one off screen.
    // Returns the style for the frame.
    HeatmapStyle update(Renderer& renderer, const IncidentLayer* incidents, const HeatmapSettings& settings,
                        geo::DayRange window, const geo::WindowSpec& time_spec,
                        const std::optional<geo::BBox>& in_view = std::nullopt);

    const HeatmapLegend* legend() const { return has_surface_ ? &legend_ : nullptr; }
    const geo::DensityGrid* grid() const { return has_surface_ && !on_gpu_ ? &surface_.grid : nullptr; }
    const HeatmapTiming& timing() const { return timing_; }
    double current_max() const { return current_max_; }
    const geo::DensityPoints& points() const;
    // A surface is being computed that is not on screen yet (background mode).
    bool computing() const { return awaiting_; }

private:
    void rebuild_points(const IncidentLayer& incidents, geo::DensityWeight weight, double radius_m,
                        geo::DisplayCrs display);
    std::optional<geo::TimeAxis> fixed_axis(const geo::WindowSpec& spec, geo::DayRange window) const;
    bool use_gpu(const HeatmapSettings& s);
    void update_legend(const HeatmapSettings& s, const geo::WindowSpec& time_spec, double lo, double hi,
                       bool fixed_known);

    const IncidentLayer* incidents_ = nullptr;
    bool points_dirty_ = true;
    std::shared_ptr<const geo::DensityPoints> pts_;
    std::vector<float> base_weight_;
    geo::DensityWeight weight_ = geo::DensityWeight::Count;
    std::optional<std::pair<geo::Vec2, geo::Vec2>> extent_;  // of the placed incidents
    geo::GridSpec grid_;
    geo::KernelSpec kernel_;
    HeatmapSettings settings_;
    bool background_ = false;

    HeatmapWorker worker_;
    std::optional<HeatmapRequest> asked_;  // the last request submitted
    HeatmapSurface surface_;               // the CPU surface on the GPU now
    bool awaiting_ = false;

    GpuEngineFactory gpu_factory_;
    std::unique_ptr<GpuDensity> gpu_;
    std::string gpu_unavailable_;  // why the GPU engine could not start; empty: it did or was not asked
    bool gpu_points_stale_ = true;  // weights changed since GpuDensity last uploaded them
    bool on_gpu_ = false;           // the surface on screen came from GpuDensity
    geo::DayRange gpu_window_;
    geo::DensityGrid gpu_result_;

    bool has_surface_ = false;
    double current_max_ = 0;
    std::uint64_t surface_version_ = 0;  // counts the surfaces shown (CPU or GPU)
    // The relative scale's top for an area of the current surface, kept while neither changes:
    // an idle frame does not rescan the grid.
    struct AreaTop {
        std::uint64_t surface_version = 0;
        geo::BBox area;
        double top = 0;
    };
    std::optional<AreaTop> area_top_;
    double top_within(const geo::BBox& area);
    HeatmapLegend legend_;
    // What the legend's text was made from: rebuilt only when one of these changes.
    struct LegendInputs {
        geo::DensityWeight weight;
        geo::NormalizeMode normalize;
        geo::WindowSpec spec;
        geo::DayRange argmax;
        geo::KernelSpec kernel;
        double cell, lo, hi;
        bool fixed_known;
        bool operator==(const LegendInputs&) const = default;
    };
    std::optional<LegendInputs> legend_for_;
    std::optional<RampId> ramp_uploaded_;  // the ramp in legend_ and on the GPU
    HeatmapTiming timing_;
};

}  // namespace mirador
