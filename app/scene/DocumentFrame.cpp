#include "scene/DocumentFrame.hpp"

#include <algorithm>

#include "mirador/geo/Projector.hpp"
#include "mirador/geo/Text.hpp"
#include "document/TimePlayback.hpp"

namespace mirador {

namespace {

// The renderer's layer for a document layer: hot spots paint the fill.
std::optional<MapLayer> drawn_as(doc::LayerKind k) {
    switch (k) {
        case doc::LayerKind::Fill:
        case doc::LayerKind::Hotspots: return MapLayer::Fill;
        case doc::LayerKind::Heatmap: return MapLayer::Heatmap;
        case doc::LayerKind::Borders: return MapLayer::Borders;
        case doc::LayerKind::Points: return MapLayer::Points;
        case doc::LayerKind::Labels: return std::nullopt;  // the overlay: always on top
    }
    return std::nullopt;
}

bool shown(const doc::Layer* l) { return l && l->visible; }

}  // namespace

SceneParams scene_params(const doc::MapDocument& d, const FrameContext& c) {
    SceneParams p;
    FrameParams& f = p.frame;
    f.view = c.view;
    f.pixel_scale = c.pixel_scale;
    f.hovered = c.hovered;
    f.selected = c.selected;
    f.hovered_incident = c.hovered_incident;
    f.selected_incident = c.selected_incident;

    // Drawing order, bottom to top, as the document lists the layers.
    std::size_t n = 0;
    for (const doc::Layer& l : d.layers) {
        const auto m = drawn_as(l.kind());
        if (!m || std::find(f.layer_order.begin(), f.layer_order.begin() + static_cast<long>(n), *m) !=
                      f.layer_order.begin() + static_cast<long>(n))
            continue;
        f.layer_order[n++] = *m;
    }
    for (int m = 0; m < kMapLayerCount && n < f.layer_order.size(); ++m)
        if (std::find(f.layer_order.begin(), f.layer_order.begin() + static_cast<long>(n), static_cast<MapLayer>(m)) ==
            f.layer_order.begin() + static_cast<long>(n))
            f.layer_order[n++] = static_cast<MapLayer>(m);

    const doc::Layer* fill = d.find(doc::LayerKind::Fill);
    const doc::Layer* hot = d.find(doc::LayerKind::Hotspots);
    const bool hot_shown = shown(hot) && (c.have_incidents || c.have_table);
    f.show_fill = shown(fill) || hot_shown;
    f.fill_opacity = hot_shown ? hot->opacity : fill ? fill->opacity : 1.0f;

    const doc::Layer* borders = d.find(doc::LayerKind::Borders);
    const auto* border_style = d.style_of<doc::BorderStyle>();
    f.show_municipal_borders = shown(borders) && border_style && border_style->municipalities;
    f.show_state_borders = shown(borders) && border_style && border_style->states;
    f.borders_opacity = borders ? borders->opacity : 1.0f;

    const doc::Layer* points = d.find(doc::LayerKind::Points);
    f.show_points = shown(points) && c.have_incidents;
    f.points_opacity = points ? points->opacity : 0.9f;
    if (const auto* ps = d.style_of<doc::PointStyle>()) f.point_base_px = ps->size_px;

    const doc::Layer* heat = d.find(doc::LayerKind::Heatmap);
    if (const auto* hs = d.style_of<doc::HeatmapStyle>()) p.heatmap.style = *hs;
    p.heatmap.show = shown(heat) && c.have_incidents;
    p.heatmap.opacity = heat ? heat->opacity : 0.0f;
    p.heatmap.gpu = p.heatmap.style.engine == doc::DensityEngineChoice::Gpu ||
                    (p.heatmap.style.engine == doc::DensityEngineChoice::Auto && !c.software_gl);

    const doc::Layer* labels = d.find(doc::LayerKind::Labels);
    const auto* label_style = d.style_of<doc::LabelStyle>();
    p.overlay.state_labels = shown(labels) && label_style && label_style->states;
    p.overlay.municipality_labels = shown(labels) && label_style && label_style->municipalities;
    p.overlay.pixel_scale = c.pixel_scale;
    p.overlay.inset_left = c.inset_left;
    p.overlay.inset_top = c.inset_top;
    p.overlay.inset_right = c.inset_right;
    p.overlay.inset_bottom = c.inset_bottom;
    p.overlay.furniture = d.furniture;
    if (d.furniture.attribution.visible) p.overlay.credits = credits_text(d, c.have_incidents, c.have_table);
    if (d.furniture.export_date.visible) p.overlay.export_date = export_date_text();

    p.time_spec = d.time.window;
    // "All time" is one window, the whole range: the heatmap's fixed scale is then the highest
    // value of that window. Cumulative windows over the data end in it and never exceed it, so
    // their maximum is exactly that (a month's scale would saturate every hot spot).
    if (d.time.all_time) p.time_spec.mode = geo::WindowMode::Cumulative;
    if (c.have_incidents || c.have_table)
        if (const auto w = current_window(d.time)) {
            f.time_from_day = w->from;
            f.time_to_day = w->to;
            p.overlay.time_label = current_label(d.time);
        }
    return p;
}

geo::BBox extent_box(const doc::View& v, const geo::Boundaries& b) { return extent_box(v, b.municipalities); }

geo::BBox extent_box(const doc::View& v, const geo::PolygonLayer& municipalities) {
    if (!v.extent) return municipalities.bbox;
    auto proj = geo::lonlat_to_display(municipalities.crs);
    geo::Vec2 centre{v.extent->center_lon, v.extent->center_lat};
    if (proj) centre = proj->forward(centre);
    geo::BBox box;
    box.add(geo::Vec2{centre.x - v.extent->width_m / 2, centre.y - v.extent->height_m / 2});
    box.add(geo::Vec2{centre.x + v.extent->width_m / 2, centre.y + v.extent->height_m / 2});
    return box;
}

MapView view_for_document(const doc::View& v, const geo::Boundaries& b, int width, int height) {
    return view_for_document(v, b.municipalities, width, height);
}

MapView view_for_document(const doc::View& v, const geo::PolygonLayer& municipalities, int width, int height) {
    MapView view;
    view.width = width;
    view.height = height;
    view.fit(extent_box(v, municipalities), v.extent ? 0.0 : 0.02);
    return view;
}

doc::View document_view(const MapView& view, geo::DisplayCrs crs) {
    doc::View v;
    v.crs = crs;
    geo::Vec2 centre = view.center;
    if (auto proj = geo::lonlat_to_display(crs)) centre = proj->inverse(centre);
    v.extent = doc::Extent{centre.x, centre.y, view.width * view.metres_per_pixel, view.height * view.metres_per_pixel};
    return v;
}

void DocumentApplier::apply(const doc::MapDocument& d, MapScene& scene, IncidentLayer* incidents,
                            HotspotLayer* hotspots, const geo::Boundaries& b, const geo::PopulationTable* population,
                            bool wait) {
    if (incidents != incidents_) {
        reset();
        incidents_ = incidents;
    }
    bool counts = false;
    if (incidents) {
        if (!filters_ || !(*filters_ == d.filters)) {
            IncidentFilterUi& f = incidents->filters;
            f.filter.category = d.filters.category;
            f.filter.actor = geo::fold_for_search(d.filters.actor);
            f.filter.min_fatalities = d.filters.min_fatalities;
            f.text = geo::fold_for_search(d.filters.text);
            incidents->time_window = current_window(d.time);
            incidents->apply_filters(b, population);
            scene.incidents_changed();
            filters_ = d.filters;
            window_ = incidents->time_window;
        }
        const auto window = current_window(d.time);
        if (!window_ || *window_ != window) {
            incidents->set_time_window(window, b, population);
            window_ = window;
            counts = true;
        }
    }
    const doc::FillStyle* fill = d.style_of<doc::FillStyle>();
    if (fill && (!fill_ || !(*fill_ == *fill))) {
        scene.set_choropleth(*fill);
        fill_ = *fill;
        counts = false;  // set_choropleth recoloured
    }
    if (counts) scene.counts_changed();
    if (hotspots && incidents) request_hotspots(d, scene, *hotspots, *incidents, b, population, wait);
}

template <class Source>
void DocumentApplier::request_hotspots(const doc::MapDocument& d, MapScene& scene, HotspotLayer& hotspots,
                                       const Source& source, const geo::Boundaries& b,
                                       const geo::PopulationTable* population, bool wait) {
    const doc::Layer* layer = d.find(doc::LayerKind::Hotspots);
    const bool visible = layer && layer->visible;
    if (const auto* style = d.style_of<doc::HotspotStyle>()) hotspots.request(*style, visible, source, b, population);
    if (wait) hotspots.wait();
    const bool fresh = hotspots.poll();
    if (!visible) {
        if (hotspots_shown_) scene.set_hotspots(nullptr);
    } else if (fresh || !hotspots_shown_) {
        const HotspotOutcome* o = hotspots.outcome();
        scene.set_hotspots(o && o->error.empty() ? &o->map : nullptr);
    }
    hotspots_shown_ = visible;
}

void DocumentApplier::apply_table(const doc::MapDocument& d, MapScene& scene, CountLayer& table,
                                         HotspotLayer* hotspots, const geo::Boundaries& b,
                                         const geo::PopulationTable* population, bool wait) {
    if (&table != table_) {
        reset();
        table_ = &table;
    }
    bool counts = false;
    if (!filters_ || filters_->table != d.filters.table) {
        table.time_window = current_window(d.time);
        (void)table.apply_filters(d.filters.table, b, population);  // its error stays in table.filter_error
        filters_ = d.filters;
        window_ = table.time_window;
        counts = true;
    }
    const auto window = current_window(d.time);
    if (!window_ || *window_ != window) {
        table.set_time_window(window, b, population);
        window_ = window;
        counts = true;
    }
    if (const doc::FillStyle* fill = d.style_of<doc::FillStyle>()) {
        // A table of states colours states, whatever the style says for municipalities.
        doc::FillStyle effective = *fill;
        effective.by_state = effective.by_state || table.by_state_only();
        if (!fill_ || !(*fill_ == effective)) {
            scene.set_choropleth(effective);
            fill_ = effective;
            counts = false;
        }
    }
    if (counts) scene.counts_changed();
    // Hot spots are per municipality: a table of states has none to give.
    if (hotspots && !table.by_state_only()) request_hotspots(d, scene, *hotspots, table, b, population, wait);
}

}  // namespace mirador
