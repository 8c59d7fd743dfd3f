#pragma once
// The map as a whole picture: the GPU layers (Renderer) plus the overlay (labels). The
// window and `mirador snapshot` each own one and call draw() with the same parameters.
#include <memory>
#include <optional>

#include "render/Renderer.hpp"
#include "scene/HeatmapLayer.hpp"
#include "scene/IncidentLayer.hpp"
#include "scene/LegendText.hpp"
#include "scene/MapOverlay.hpp"
#include "scene/Choropleth.hpp"
#include "scene/Furniture.hpp"
#include "style/HotspotPalette.hpp"

namespace mirador {

struct SceneParams {
    FrameParams frame;  // frame.time_from_day/time_to_day is the time window of every layer
    OverlayParams overlay;
    HeatmapSettings heatmap;
    geo::WindowSpec time_spec;  // the slider's windows: what the heatmap's fixed scale compares
    // The area a relative heatmap scale looks at; none: frame.view's. An export's tiles keep the
    // whole image's, so every tile has the image's one colour scale.
    std::optional<geo::BBox> heatmap_scale_area;
};

class MapScene {
public:
    // Needs a current GL context; `boundaries` must outlive the scene.
    [[nodiscard]] static geo::Result<std::unique_ptr<MapScene>> create(const geo::Boundaries& boundaries);

    // Draws the GPU layers now, and queues the labels into `overlay_list` (an ImGui draw
    // list that the caller renders after: the window's background list, or the snapshot's).
    std::vector<LabelBox> draw(const SceneParams& params, ImDrawList* overlay_list, const FontSet& fonts);
    // The two halves of draw(), for exports made in tiles (ExportJob): the GPU layers through
    // params.frame.view (a tile's view), returning the frame as drawn; and the overlay (labels,
    // legends, furniture) for the frame last drawn, laid out for `params.frame.view` (the whole
    // image), so it is placed once whatever the tiles.
    FrameParams draw_layers(const SceneParams& params);
    std::vector<LabelBox> draw_overlay(const SceneParams& params, const FrameParams& drawn, ImDrawList* overlay_list,
                                       const FontSet& fonts);

    // Shows these incidents (points; counts for the choropleth); null hides them. The layer
    // must outlive the scene. Call incidents_changed() after changing its filters.
    void set_incidents(const IncidentLayer* incidents);
    // Counts the fill from a count table instead (null: none); no incidents are then shown. The
    // table must outlive the scene. Call counts_changed() after its filters or window changed.
    void set_table(const UnitTotals* table);
    void incidents_changed();
    // After the layer's time window moved: the fill follows the counts, the stacks' markers
    // their shown incidents; the other points need nothing uploaded (the window reaches them
    // through FrameParams).
    void counts_changed();
    // Fill colours from the incidents (or back to the state palette with measure None).
    void set_choropleth(const ChoroplethStyle& style);
    // The fill's classes fixed (an animation's, from all its frames' values), or back to each
    // window's own (nullopt).
    void set_fixed_classes(std::optional<geo::Classes> classes);
    const ChoroplethLegend* legend() const {
        return choropleth_.measure == ChoroplethMeasure::None || hotspots_ ? nullptr : &legend_;
    }
    // A hot spot map paints the fill instead of the choropleth (null: back to it). Copied.
    void set_hotspots(const HotspotMap* map);
    const SwatchLegend* hotspot_legend() const { return hotspots_ ? &hotspot_legend_ : nullptr; }
    const IncidentLayer* incidents() const { return incidents_; }

    // The window computes CPU heatmaps off its UI thread and shows the last one meanwhile;
    // snapshots (the default) wait for theirs.
    void set_background_heatmap(bool on) { heatmap_.set_background(on); }

    Renderer& renderer() { return *renderer_; }
    const Renderer& renderer() const { return *renderer_; }
    const HeatmapLayer& heatmap() const { return heatmap_; }
    const geo::Boundaries& boundaries() const { return *boundaries_; }
    // Where the last draw() put the legends, in pixels (empty: none).
    const geo::BBox& legends_box() const { return legends_box_; }
    // The incidents' legend the last overlay said (null: none), for the whole image's view.
    const LegendBox* points_legend() const { return points_legend_; }
    // What the last draw() put on the map besides layers and legends: title, scale bar ...
    const DrawnFurniture& furniture() const { return furniture_; }

private:
    const geo::Boundaries* boundaries_ = nullptr;
    std::unique_ptr<Renderer> renderer_;
    const IncidentLayer* incidents_ = nullptr;
    const UnitTotals* totals_ = nullptr;  // what the fill counts: the incidents, or a table
    ChoroplethStyle choropleth_;
    std::optional<geo::Classes> fixed_classes_;
    ChoroplethLegend legend_;
    HeatmapLayer heatmap_;
    bool neutral_fill_ = false;
    std::unique_ptr<HotspotMap> hotspots_;
    SwatchLegend hotspot_legend_;  // grey municipalities under a heatmap without a choropleth
    std::uint64_t fill_version_ = 1;  // counts recolours: the legends' text follows it
    LegendText legend_text_;
    geo::BBox legends_box_;
    const LegendBox* points_legend_ = nullptr;  // into legend_text_
    // Made once: a PROJ context and the ellipsoid. Absent when PROJ could not make it (the
    // reason is in furniture_error_, and given when a scale bar or north arrow is asked for).
    std::optional<geo::MapFurnitureGeometry> furniture_geometry_;
    std::string furniture_error_;
    // The last measures and where they were taken: a still view is not measured again.
    struct MeasuredAt {
        geo::Vec2 centre;
        double metres_per_pixel = 0, max_pixels = 0;
        FurnitureMeasures measures;
    };
    std::optional<MeasuredAt> measured_;
    DrawnFurniture furniture_;
    // The scale bar and north arrow for this frame, measured at the centre of the map area.
    FurnitureMeasures measure_furniture(const SceneParams& params);
    void recolor();
    void upload_stacks();
};

}  // namespace mirador
