#include "scene/MapScene.hpp"

#include <imgui.h>

#include <algorithm>
#include <cmath>

#include "style/Palette.hpp"

namespace mirador {

geo::Result<std::unique_ptr<MapScene>> MapScene::create(const geo::Boundaries& b) {
    auto r = Renderer::create();
    if (!r) return geo::make_error(r.error());
    auto scene = std::make_unique<MapScene>();
    scene->boundaries_ = &b;
    scene->renderer_ = std::move(r).value();
    scene->renderer_->upload(b);
    scene->renderer_->set_feature_colors(default_municipality_colors(b));
    if (auto g = geo::MapFurnitureGeometry::create(b.municipalities.crs)) scene->furniture_geometry_ = std::move(g).value();
    else scene->furniture_error_ = "no scale bar or north arrow: " + g.error();
    return scene;
}

void MapScene::set_incidents(const IncidentLayer* incidents) {
    incidents_ = incidents;
    totals_ = incidents;
    if (incidents_) {
        std::vector<std::uint8_t> hollow(incidents_->store.size());
        for (std::size_t i = 0; i < hollow.size(); ++i) hollow[i] = incidents_->placed.exact(i) ? 0 : 1;
        renderer_->upload_incidents(incidents_->store, incidents_->display_xy, hollow);
    } else {
        renderer_->upload_incidents(geo::IncidentStore{}, {});
        renderer_->set_incident_stacks({});
    }
    incidents_changed();
}

void MapScene::set_table(const UnitTotals* table) {
    set_incidents(nullptr);
    totals_ = table;
    recolor();
}

void MapScene::incidents_changed() {
    if (incidents_) renderer_->set_incident_visibility(incidents_->drawn_singly());
    upload_stacks();
    heatmap_.invalidate_points();
    recolor();
}

void MapScene::counts_changed() {
    upload_stacks();
    recolor();
}

void MapScene::upload_stacks() {
    if (!incidents_) return;
    std::vector<PointMarker> markers;
    markers.reserve(incidents_->stack_markers.size());
    for (const StackMarker& k : incidents_->stack_markers)
        markers.push_back({incidents_->display_xy[k.first], float(k.fatalities), static_cast<std::int32_t>(k.first),
                           static_cast<std::uint8_t>(k.category), k.hollow, k.count});
    renderer_->set_incident_stacks(markers);
}

void MapScene::set_choropleth(const ChoroplethStyle& style) {
    choropleth_ = style;
    recolor();
}

void MapScene::set_fixed_classes(std::optional<geo::Classes> classes) {
    fixed_classes_ = std::move(classes);
    recolor();
}

void MapScene::set_hotspots(const HotspotMap* map) {
    hotspots_ = map ? std::make_unique<HotspotMap>(*map) : nullptr;
    recolor();
}

void MapScene::recolor() {
    ++fill_version_;
    std::vector<std::uint32_t> colors;
    if (hotspots_ && hotspots_->classes.size() == boundaries_->municipalities.feature_count())
        colors = hotspot_fill_colors(*hotspots_, &hotspot_legend_);
    else if (totals_) colors = choropleth_colors(*boundaries_, *totals_, choropleth_, &legend_,
                                                    fixed_classes_ ? &*fixed_classes_ : nullptr);
    if (colors.empty() && neutral_fill_) {
        // Under a heatmap the state palette competes with the ramp: a quiet grey reads better.
        colors.assign(boundaries_->municipalities.feature_count(), pack_rgba(0.93f, 0.93f, 0.91f, 1.0f));
    }
    renderer_->set_feature_colors(colors.empty() ? default_municipality_colors(*boundaries_) : colors);
}

std::vector<LabelBox> MapScene::draw(const SceneParams& p, ImDrawList* overlay_list, const FontSet& fonts) {
    const FrameParams frame = draw_layers(p);
    return draw_overlay(p, frame, overlay_list, fonts);
}

FrameParams MapScene::draw_layers(const SceneParams& p) {
    FrameParams frame = p.frame;
    float colors[9][4];
    category_colors(colors);
    for (int c = 0; c < 9; ++c) frame.category_colors[c] = {colors[c][0], colors[c][1], colors[c][2], colors[c][3]};
    // Under a heatmap the discs are small dots of one size (no growth with fatalities: the
    // surface can weigh them) and a stack's marker is one of them, without its count: the
    // surface is what the reader came for (it shows the concentration), and full-size discs
    // over a hot spot hide exactly it. Small dots also cost llvmpipe a fifth of the fill.
    if (p.heatmap.show) {
        frame.point_base_px = std::max(1.5f, 0.6f * frame.point_base_px);
        frame.point_growth_px = 0;
        frame.stack_min_px = 0;
    }
    const bool neutral = p.heatmap.show && choropleth_.measure == ChoroplethMeasure::None;
    if (neutral != neutral_fill_) {
        neutral_fill_ = neutral;
        recolor();
    }
    frame.heatmap = heatmap_.update(*renderer_, incidents_, p.heatmap, {frame.time_from_day, frame.time_to_day},
                                    p.time_spec, p.heatmap_scale_area.value_or(frame.view.visible()));
    renderer_->draw(frame);
    return frame;
}

std::vector<LabelBox> MapScene::draw_overlay(const SceneParams& p, const FrameParams& frame, ImDrawList* overlay_list,
                                             const FontSet& fonts) {
    legends_box_ = geo::BBox{};
    furniture_ = DrawnFurniture{};
    points_legend_ = nullptr;
    if (!overlay_list) return {};
    // The legends and the furniture are laid out first, on the upper of two channels, so the
    // labels (the lower, drawn under them) can keep clear of their boxes.
    ImDrawListSplitter layers;
    layers.Split(overlay_list, 2);
    layers.SetCurrentChannel(overlay_list, 1);
    const PointsShown& shown = renderer_->points_shown();
    const LegendBox* choropleth =
        p.frame.show_fill && legend() ? &legend_text_.choropleth(*legend(), fill_version_) : nullptr;
    const LegendBox* swatches =
        p.frame.show_fill && hotspot_legend() ? &legend_text_.swatches(*hotspot_legend(), fill_version_) : nullptr;
    const LegendBox* points =
        incidents_ && p.frame.show_points ? &legend_text_.incidents(*incidents_, shown, frame) : nullptr;
    if (p.overlay.furniture.legends.visible) points_legend_ = points;
    // In the window the map is seen between panels: legends and furniture are laid out inside
    // that area, and what still cannot fit (a legend wider than a narrow area) is cut at its
    // edge rather than drawn under a panel. An export has no panels and no clip of its own.
    const OverlayParams& o = p.overlay;
    const bool clip = o.inset_left > 0 || o.inset_top > 0 || o.inset_right > 0 || o.inset_bottom > 0;
    if (clip) {
        const ScreenRect area = map_area(p.frame.view, o);
        overlay_list->PushClipRect(ImVec2(area.x0, area.y0), ImVec2(area.x1, area.y1), true);
    }
    const FurnitureMeasures measures = measure_furniture(p);
    std::vector<ScreenRect> legend_boxes;
    if (p.overlay.furniture.legends.visible) {
        // Legends in the bottom-left corner wrap around the furniture of the bottom corners, so
        // the credits keep their corner instead of being pushed up over the map by wide legends.
        std::vector<ScreenRect> keep_clear;
        if (p.overlay.furniture.legends.placement.corner == doc::Corner::BottomLeft)
            keep_clear = bottom_furniture_boxes(fonts, p.frame.view, p.overlay, measures);
        const int first_vertex = overlay_list->VtxBuffer.Size;
        const geo::BBox drawn = draw_legends(overlay_list, fonts, p, choropleth, points,
                                             frame.heatmap.show ? heatmap_.legend() : nullptr, swatches, keep_clear,
                                             &legend_boxes);
        legends_box_ = place_legends(overlay_list, first_vertex, drawn, p.frame.view, p.overlay);
        // Moved with them (another corner than the bottom left).
        const float dx = float(legends_box_.min_x - drawn.min_x), dy = float(legends_box_.min_y - drawn.min_y);
        if (!drawn.empty())
            for (ScreenRect& r : legend_boxes) r = {r.x0 + dx, r.y0 + dy, r.x1 + dx, r.y1 + dy};
    }
    furniture_ = draw_furniture(overlay_list, fonts, p.frame.view, p.overlay, measures, legend_boxes);
    if (clip) overlay_list->PopClipRect();

    layers.SetCurrentChannel(overlay_list, 0);
    std::vector<LabelBox> keep_clear;
    for (const ScreenRect& r : legend_boxes) keep_clear.push_back({r.x0, r.y0, r.x1, r.y1});
    for (const FurnitureBox& f : furniture_.boxes) keep_clear.push_back({f.box.x0, f.box.y0, f.box.x1, f.box.y1});
    auto labels = draw_map_overlay(overlay_list, fonts, *boundaries_, p.frame.view, p.overlay, keep_clear);
    // Screen bins say their counts by size and colour; numbers on them would be noise.
    if (incidents_ && p.frame.show_points && !shown.aggregated && frame.stack_min_px > 0)
        draw_stack_counts(overlay_list, fonts, p.frame.view, *incidents_);
    layers.Merge(overlay_list);
    return labels;
}

FurnitureMeasures MapScene::measure_furniture(const SceneParams& p) {
    const doc::Furniture& f = p.overlay.furniture;
    if (!f.scale_bar.visible && !f.north_arrow.visible) return {};
    if (!furniture_geometry_) return {std::nullopt, std::nullopt, furniture_error_};
    // Measured where the reader looks: the middle of the map area, not of the whole image
    // (the window's panels cover its sides).
    const MapView& view = p.frame.view;
    const ScreenRect area = map_area(view, p.overlay);
    const geo::Vec2 centre = view.screen_to_map((area.x0 + area.x1) / 2.0, (area.y0 + area.y1) / 2.0);
    const double max_pixels = scale_bar_max_pixels(p.overlay.pixel_scale);
    if (!measured_ || measured_->centre.x != centre.x || measured_->centre.y != centre.y ||
        measured_->metres_per_pixel != view.metres_per_pixel || measured_->max_pixels != max_pixels) {
        FurnitureMeasures m;
        if (auto bar = furniture_geometry_->scale_bar(centre, view.metres_per_pixel, max_pixels)) m.scale_bar = *bar;
        else m.problem = bar.error();
        const double north = furniture_geometry_->north_angle_deg(centre);
        if (std::isfinite(north)) m.north_deg = north;
        else if (m.problem.empty()) m.problem = "no north arrow: the map's centre is not on the projection";
        measured_ = MeasuredAt{centre, view.metres_per_pixel, max_pixels, std::move(m)};
    }
    FurnitureMeasures m = measured_->measures;
    if (!f.scale_bar.visible) m.scale_bar.reset();
    if (!f.north_arrow.visible) m.north_deg.reset();
    if (!f.scale_bar.visible && !f.north_arrow.visible) m.problem.clear();
    return m;
}

}  // namespace mirador
