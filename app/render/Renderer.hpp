#pragma once
// The map's passes in the order of FrameParams::layer_order (fill, heatmap, borders, points;
// render/*Pass.hpp), then the highlight outlines on top. The window and `mirador snapshot` both
// call Renderer::draw with a FrameParams, so a headless snapshot is the window's picture.
//
// Needs a current OpenGL 3.3 core context with glad loaded (see GlContext.hpp).
#include <array>
#include <climits>
#include <cstdint>
#include <memory>
#include <span>
#include <vector>

#include "mirador/geo/Boundaries.hpp"
#include "mirador/geo/DensityGrid.hpp"
#include "mirador/geo/IncidentStore.hpp"
#include "mirador/geo/Result.hpp"
#include "mirador/geo/Projector.hpp"
#include "render/PointsDecision.hpp"
#include "render/MapView.hpp"
#include "render/PointMarker.hpp"

namespace mirador {

struct PointsShown;

struct Rgba {
    float r = 0, g = 0, b = 0, a = 1;
};

// The map's layers, drawn bottom to top in FrameParams::layer_order. Fill is the
// municipalities' fill (the state palette, or the choropleth when one is set); Borders are
// the municipal and state lines.
enum class MapLayer : std::uint8_t { Fill, Heatmap, Borders, Points };
inline constexpr int kMapLayerCount = 4;
const char* to_string(MapLayer l);  // "choropleth", "heatmap", "boundaries", "points"

// How the density surface is coloured this frame (values per km²).
struct HeatmapStyle {
    bool show = false;
    float opacity = 0.8f;
    float lo = 0, hi = 1;   // the ramp's ends
    float threshold = 0;    // at or below: transparent
};

// What to draw this frame. Plain data owned by the caller (UI state or CLI options).
struct FrameParams {
    MapView view;
    long hovered = -1;   // municipality index or -1
    long selected = -1;
    bool show_fill = true;
    bool show_municipal_borders = true;
    bool show_state_borders = true;
    float fill_opacity = 1.0f;
    float borders_opacity = 1.0f;  // multiplies both border colours' alpha
    float pixel_scale = 1.0f;  // line widths and text grow with the output's DPI
    Rgba background{0.80f, 0.86f, 0.90f, 1.0f};
    Rgba municipal_border{0.25f, 0.25f, 0.28f, 0.55f};
    Rgba state_border{0.12f, 0.12f, 0.14f, 1.0f};
    float municipal_border_px = 0.8f;
    float state_border_px = 2.4f;

    // Incidents
    bool show_points = true;
    float points_opacity = 0.9f;
    float point_base_px = 3.0f;
    float point_growth_px = 16.0f;  // the most a disc's radius grows with fatalities (points.vert)
    float stack_min_px = 8.0f;      // a stack's marker is at least this big, for its count; 0: no count shown
    long hovered_incident = -1;   // index into the incident store
    long selected_incident = -1;
    Rgba category_colors[9];      // by geo::IncidentCategory
    // Screen bins (more incidents on screen than discs can show): a cell of one, the fullest.
    Rgba bins_low{0.62f, 0.80f, 0.96f, 0.95f};
    Rgba bins_high{0.03f, 0.10f, 0.42f, 1.0f};
    // Set by an export for its tiles (PointsDecision.hpp); unset, each frame decides.
    PointsDecision points_as;
    // Incidents whose span overlaps these days (inclusive) are drawn; the time slider sets them.
    std::int32_t time_from_day = INT32_MIN / 2, time_to_day = INT32_MAX / 2;

    HeatmapStyle heatmap;
    std::array<MapLayer, kMapLayerCount> layer_order{MapLayer::Fill, MapLayer::Heatmap, MapLayer::Borders,
                                                     MapLayer::Points};
};

struct DrawStats {
    int level = 0;
    double level_cell_m = 0;
    std::size_t triangles = 0;
    std::size_t segments = 0;
    std::size_t visible_features = 0;
};

class Renderer {
public:
    [[nodiscard]] static geo::Result<std::unique_ptr<Renderer>> create();
    ~Renderer();
    Renderer(const Renderer&) = delete;
    Renderer& operator=(const Renderer&) = delete;

    // Uploads every level of detail. `boundaries` must outlive the renderer's use of it
    // (highlight outlines are built from it on demand).
    void upload(const geo::Boundaries& boundaries);
    // One RGBA8 colour (0xAABBGGRR, as bytes R,G,B,A in memory) per municipality.
    void set_feature_colors(const std::vector<std::uint32_t>& rgba);
    // Incidents at their display-CRS positions (NaN: not placed), in store order; `hollow` (per
    // incident, may be empty) marks stand-in positions, drawn as rings.
    void upload_incidents(const geo::IncidentStore& store, const std::vector<geo::Vec2>& display_xy,
                          std::span<const std::uint8_t> hollow = {});
    void set_incident_visibility(const std::vector<std::uint8_t>& visible);
    // One disc each for incidents stacked on one position (see PointsPass.hpp).
    void set_incident_stacks(const std::vector<PointMarker>& markers);
    // How the last frame showed the incidents: discs, or screen bins of this size and count.
    const PointsShown& points_shown() const;

    // The heatmap's surface from the CPU engine (grid in `grid_crs`, drawn through a mesh
    // projected to the display CRS when the two differ).
    void set_density(const geo::DensityGrid& grid);
    // The same from the GPU engine: its result texture is drawn directly (no read back).
    void set_density_texture(const geo::GridSpec& grid, unsigned texture);
    void set_heatmap_ramp(const std::array<std::uint32_t, 256>& rgba);
    void clear_density();

    // Draws into the currently bound framebuffer, whose size must be view.width x view.height.
    void draw(const FrameParams& frame);

    // The level used at a given scale: the coarsest whose snapping error stays under a pixel.
    int level_for(double metres_per_pixel) const;
    const DrawStats& last_stats() const { return stats_; }
    // The CRS of the uploaded boundaries (and of every display position).
    geo::DisplayCrs display_crs() const;

private:
    Renderer() = default;
    struct Impl;
    std::unique_ptr<Impl> impl_;
    DrawStats stats_;
};

}  // namespace mirador
