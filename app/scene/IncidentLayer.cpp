#include "scene/IncidentLayer.hpp"

#include <cmath>

#include "mirador/geo/IncidentCsv.hpp"
#include "mirador/geo/IncidentOgr.hpp"
#include "mirador/geo/Text.hpp"

namespace mirador {

namespace {

bool text_matches(const geo::IncidentStore& s, std::size_t i, const std::string& folded) {
    if (folded.empty()) return true;
    auto has = [&](std::string_view t) { return geo::fold_for_search(t).find(folded) != std::string::npos; };
    if (has(s.place(i)) || has(s.id(i)) || has(s.notes(i)) || has(s.source(i)) || has(s.state(i))) return true;
    for (std::size_t k = 0; k < s.actor_count(i); ++k)
        if (has(s.actor(i, k))) return true;
    return false;
}

}  // namespace

void IncidentLayer::apply_filters(const geo::Boundaries& b, const geo::PopulationTable* population) {
    visible.assign(store.size(), 0);
    visible_count = 0;
    // Text is the one filter the aggregation does not know; fold it into a copy of the
    // placements so that counts and points always agree.
    std::vector<geo::GeocodeResult> counted = placed;
    for (std::size_t i = 0; i < store.size(); ++i) {
        const bool pass = geo::passes(store, i, filters.filter) && text_matches(store, i, filters.text);
        if (!pass) counted[i].status = geo::GeoStatus::Unmatched;
        visible[i] = pass && std::isfinite(display_xy[i].x) ? 1 : 0;
        visible_count += visible[i];
    }
    by_municipality = geo::aggregate(store, counted, b, filters.filter, geo::AggregateBy::Municipality, population);
    by_state = geo::aggregate(store, counted, b, filters.filter, geo::AggregateBy::State, population);
}

long IncidentLayer::pick(const MapView& view, double sx, double sy, double radius_px) const {
    return picker.pick(view, sx, sy, radius_px, display_xy, visible);
}

geo::Result<std::unique_ptr<IncidentLayer>> load_incident_layer(const IncidentSource& source,
                                                                const geo::Geocoder& geocoder,
                                                                const geo::PopulationTable* population,
                                                                std::vector<std::string>& problems) {
    const std::string& path = source.path;
    geo::IncidentOgrOptions opts;
    opts.layer = source.layer;
    if (!source.mapping.empty()) {
        auto m = geo::load_column_mapping(source.mapping);
        if (!m) return geo::make_error(m.error());
        opts.columns = *m;
    }
    auto store = geo::load_incidents(path, &problems, opts);
    if (!store) return geo::make_error(store.error());
    auto layer = std::make_unique<IncidentLayer>();
    layer->source = path;
    layer->store = std::move(store.value());
    layer->placed = geo::place_incidents(layer->store, geocoder);
    auto proj = geo::lonlat_to_display(geocoder.boundaries().municipalities.crs);
    if (!proj) return geo::make_error(proj.error());
    layer->display_xy.resize(layer->store.size());
    for (std::size_t i = 0; i < layer->store.size(); ++i) {
        layer->display_xy[i] = {layer->store.lon()[i], layer->store.lat()[i]};
        const auto& r = layer->placed[i];
        if (r.status != geo::GeoStatus::Matched)
            problems.push_back(path + ": incident " + std::string(layer->store.id(i)) + ": " + geo::to_string(r.status) +
                               (r.note.empty() ? "" : ": " + r.note));
    }
    proj->forward(layer->display_xy);
    layer->picker = IncidentPicker(layer->display_xy);
    layer->apply_filters(geocoder.boundaries(), population);
    return layer;
}

}  // namespace mirador
