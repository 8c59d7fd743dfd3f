#pragma once
// Every field of the document, listed once: its name in a project file, the member, and the
// range a number must lie in (document/Limits.hpp). The project file's reader and writer walk
// these lists, and so do the tests (every field changed, written, read back; and a count of
// each struct's members against its list, so a field added without a line here fails them).
//
// describe(v, s) calls v(name, member) or v(name, member, range) for each field of s, const or not.
#include <concepts>
#include <type_traits>

#include "document/Limits.hpp"
#include "document/MapDocument.hpp"

namespace mirador::doc {

template <class S, class T>
concept Is = std::same_as<std::remove_const_t<S>, T>;

template <class V, class S>
    requires Is<S, geo::FieldNames>
void describe(V& v, S& f) {
    v("code", f.code);
    v("state_code", f.state_code);
    v("municipality_code", f.local_code);
    v("name", f.name);
}

template <class V, class S>
    requires Is<S, BoundarySource>
void describe(V& v, S& b) {
    v("path", b.path);
    v("layer", b.layer);
    v("states_path", b.states_path);
    v("states_layer", b.states_layer);
    v("source_crs", b.source_crs);
    v("fields", b.fields);
    v("allow_partial", b.allow_partial);
    v("triangulation", b.triangulation);
    v("gazetteer", b.gazetteer);
    v("population", b.population);
}

template <class V, class S>
    requires Is<S, geo::IncidentSource>
void describe(V& v, S& s) {
    v("path", s.path);
    v("layer", s.layer);
    v("mapping", s.mapping);
    v("dedupe", s.dedupe);
}

template <class V, class S>
    requires Is<S, CountSource>
void describe(V& v, S& s) {
    v("path", s.path);
    v("layout", s.layout);
    v("mapping", s.mapping);
}

template <class V, class S>
    requires Is<S, Sources>
void describe(V& v, S& s) {
    v("boundaries", s.boundaries);
    v("incidents", s.incidents);
    v("counts", s.counts);
}

template <class V, class S>
    requires Is<S, FillStyle>
void describe(V& v, S& f) {
    v("measure", f.measure);
    v("method", f.method);
    v("classes", f.classes, limits::kClasses);
    v("by_state", f.by_state);
}

template <class V, class S>
    requires Is<S, HeatmapStyle>
void describe(V& v, S& h) {
    v("kernel", h.kernel);
    v("radius_km", h.radius_km, limits::kRadiusKm);
    v("weight", h.weight);
    v("normalize", h.normalize);
    v("domain_min", h.domain_min, limits::kDensityPerKm2);
    v("domain_max", h.domain_max, limits::kDensityPerKm2);
    v("ramp", h.ramp);
    v("threshold", h.threshold, limits::kThreshold);
    v("engine", h.engine);
}

template <class V, class S>
    requires Is<S, BorderStyle>
void describe(V& v, S& b) {
    v("municipalities", b.municipalities);
    v("states", b.states);
}

template <class V, class S>
    requires Is<S, PointStyle>
void describe(V& v, S& p) {
    v("size_px", p.size_px, limits::kPointSizePx);
}

template <class V, class S>
    requires Is<S, LabelStyle>
void describe(V& v, S& l) {
    v("states", l.states);
    v("municipalities", l.municipalities);
}

template <class V, class S>
    requires Is<S, HotspotStyle>
void describe(V& v, S& h) {
    v("map", h.map);
    v("value", h.value);
    v("neighbours", h.neighbours);
    v("knn_k", h.knn_k, limits::kNeighbours);
    v("permutations", h.permutations, limits::kPermutations);
    v("p_rule", h.p_rule);
    v("correction", h.correction);
    v("alpha", h.alpha, limits::kSignificance);
    v("period", h.period);
    v("time_lags", h.time_lags, limits::kTimeLags);
}

// A layer's style is written under "style", its kind under "type" (see ProjectFile.cpp).
template <class V, class S>
    requires Is<S, Layer>
void describe(V& v, S& l) {
    v("style", l.style);
    v("visible", l.visible);
    v("opacity", l.opacity, limits::kOpacity);
    v("source", l.source, limits::kSourceIndex);
}

template <class V, class S>
    requires Is<S, Filters>
void describe(V& v, S& f) {
    v("category", f.category);
    v("actor", f.actor);
    v("min_fatalities", f.min_fatalities, limits::kFatalities);
    v("text", f.text);
    v("table", f.table);
}

template <class V, class S>
    requires Is<S, geo::WindowSpec>
void describe(V& v, S& w) {
    v("mode", w.mode);
    v("unit", w.unit);
    v("custom_days", w.custom_days, limits::kCustomDays);
}

template <class V, class S>
    requires Is<S, TimeSettings>
void describe(V& v, S& t) {
    v("all_time", t.all_time);
    v("window", t.window);
    v("from", t.from);
    v("to", t.to);
    v("speed", t.speed, limits::kPlaybackSpeed);
    v("loop", t.loop);
}

template <class V, class S>
    requires Is<S, Extent>
void describe(V& v, S& e) {
    v("center_lon", e.center_lon, limits::kLongitude);
    v("center_lat", e.center_lat, limits::kLatitude);
    v("width_m", e.width_m, limits::kExtentMetres);
    v("height_m", e.height_m, limits::kExtentMetres);
}

template <class V, class S>
    requires Is<S, View>
void describe(V& v, S& w) {
    v("crs", w.crs);
    v("extent", w.extent);
}

template <class V, class S>
    requires Is<S, Placement>
void describe(V& v, S& p) {
    v("corner", p.corner);
    v("offset_x", p.offset_x, limits::kOffsetPx);
    v("offset_y", p.offset_y, limits::kOffsetPx);
}

template <class V, class S>
    requires Is<S, TitleBlock>
void describe(V& v, S& t) {
    v("visible", t.visible);
    v("title", t.title);
    v("subtitle", t.subtitle);
    v("placement", t.placement);
}

template <class V, class S>
    requires Is<S, FurnitureItem>
void describe(V& v, S& f) {
    v("visible", f.visible);
    v("placement", f.placement);
}

template <class V, class S>
    requires Is<S, Attribution>
void describe(V& v, S& a) {
    v("visible", a.visible);
    v("text", a.text);
    v("placement", a.placement);
}

template <class V, class S>
    requires Is<S, Furniture>
void describe(V& v, S& f) {
    v("title", f.title);
    v("legends", f.legends);
    v("scale_bar", f.scale_bar);
    v("north_arrow", f.north_arrow);
    v("attribution", f.attribution);
    v("export_date", f.export_date);
}

template <class V, class S>
    requires Is<S, SlidePlayback>
void describe(V& v, S& p) {
    v("enabled", p.enabled);
    v("from", p.from);
    v("to", p.to);
    v("speed", p.speed, limits::kPlaybackSpeed);
}

template <class V, class S>
    requires Is<S, Slide>
void describe(V& v, S& s) {
    v("name", s.name);
    v("title", s.title);
    v("notes", s.notes);
    v("view", s.view);
    v("layers", s.layers);
    v("filters", s.filters);
    v("time", s.time);
    v("playback", s.playback);
}

template <class V, class S>
    requires Is<S, MapDocument>
void describe(V& v, S& d) {
    v("sources", d.sources);
    v("layers", d.layers);
    v("filters", d.filters);
    v("time", d.time);
    v("view", d.view);
    v("furniture", d.furniture);
    v("slides", d.slides);
}

}  // namespace mirador::doc
