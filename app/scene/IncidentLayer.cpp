#include "scene/IncidentLayer.hpp"

#include <algorithm>
#include <array>
#include <climits>
#include <cstdint>
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
    geo::IncidentFilter timeless = filters.filter;
    timeless.from_day = INT32_MIN;
    timeless.to_day = INT32_MAX;
    included.assign(store.size(), 0);
    visible.assign(store.size(), 0);
    for (std::size_t i = 0; i < store.size(); ++i) {
        included[i] = geo::passes(store, i, timeless) && text_matches(store, i, filters.text) ? 1 : 0;
        visible[i] = included[i] && std::isfinite(display_xy[i].x) ? 1 : 0;
    }
    const geo::DayRange extent = geo::data_extent(store);
    histogram = geo::build_time_histogram(store, &included, extent, geo::choose_histogram_bin(extent));
    set_time_window(time_window, b, population);
}

geo::DayRange IncidentLayer::counted_days() const {
    const geo::DayRange w = time_window.value_or(geo::DayRange{INT32_MIN, INT32_MAX});
    return {std::max(w.from, filters.filter.from_day), std::min(w.to, filters.filter.to_day)};
}

void IncidentLayer::set_time_window(std::optional<geo::DayRange> window, const geo::Boundaries& b,
                                    const geo::PopulationTable* population) {
    time_window = window;
    const geo::DayRange d = counted_days();
    by_municipality = geo::aggregate(store, placed, b, included, d.from, d.to, geo::AggregateBy::Municipality, population);
    by_state = geo::aggregate(store, placed, b, included, d.from, d.to, geo::AggregateBy::State, population);
    // (What the legend lists, the categories on screen, the points pass collects as it selects.)
    visible_count = 0;
    const geo::IncidentStore::OverlapScan scan = store.scan_overlapping(d.from, d.to);
    auto visit = [&](std::size_t i) { visible_count += visible[i] && store.overlaps(i, d.from, d.to); };
    for (const std::uint32_t i : scan.before) visit(i);
    for (std::size_t i = scan.first; i < scan.last; ++i) visit(i);
    update_stack_markers();
}

void IncidentLayer::update_stack_markers() {
    // Only the stacked incidents in the window's index range are looked at: moving the window
    // costs what it covers, as the counts do.
    stack_markers.clear();
    const geo::DayRange d = counted_days();
    const auto [first, last] = store.range_overlapping(d.from, d.to);
    std::vector<std::uint32_t> marker_of(stacks.size(), UINT32_MAX);
    std::vector<std::array<std::uint32_t, geo::kIncidentCategoryCount>> by_category;
    for (const auto& [i, stack] : stacks.members_between(first, last)) {
        if (!shown(i)) continue;
        std::uint32_t& m = marker_of[stack];
        if (m == UINT32_MAX) {
            m = static_cast<std::uint32_t>(stack_markers.size());
            stack_markers.push_back({stack, i, 0, 0, store.category()[i], true});
            by_category.push_back({});
        }
        StackMarker& k = stack_markers[m];
        ++k.count;
        k.fatalities += store.fatalities(i).value_or(0);
        k.hollow = k.hollow && !placed.exact(i);
        const auto c = static_cast<std::size_t>(store.category()[i]);
        if (++by_category[m][c] > by_category[m][static_cast<std::size_t>(k.category)]) k.category = store.category()[i];
    }
}

std::vector<std::uint32_t> IncidentLayer::shown_at(std::size_t i) const {
    const long s = stacks.stack_of(i);
    if (s < 0) return {static_cast<std::uint32_t>(i)};
    std::vector<std::uint32_t> out;
    for (const std::uint32_t k : stacks.members(static_cast<std::size_t>(s)))
        if (shown(k)) out.push_back(k);
    return out;
}

std::string IncidentLayer::stand_in_note(std::size_t i, const geo::Boundaries& b) const {
    if (!placed.matched(i) || placed.exact(i)) return {};
    const long st = placed.state(i);
    const std::string state = st >= 0 ? b.states[static_cast<std::size_t>(st)].name : "";
    switch (placed.precision(i)) {
        case geo::GeoPrecision::Municipality:
            return "Drawn at a point standing for its municipality (only the municipality is known)";
        case geo::GeoPrecision::State:
            return "Known only to the state (" + state + "): drawn at a stand-in point, counted in no municipality";
        case geo::GeoPrecision::Estimated:
            return st >= 0 ? "Estimated location in " + state + ": counted for the state, in no municipality"
                           : "Estimated location: counted for Mexico only";
        case geo::GeoPrecision::Country:
            return "Known only to the country: drawn at a stand-in point, counted for Mexico only";
        default: return {};
    }
}

std::vector<std::uint8_t> IncidentLayer::drawn_singly() const {
    std::vector<std::uint8_t> out = visible;
    for (const auto& [i, stack] : stacks.stacked()) out[i] = 0;
    return out;
}

long IncidentLayer::pick(const MapView& view, double sx, double sy, double radius_px) const {
    // The window and the filters decide what can be picked; the grid finds it near the cursor.
    return picker.pick(view, sx, sy, radius_px, display_xy, visible, [this](std::size_t i) { return shown(i); });
}

geo::Result<std::unique_ptr<IncidentLayer>> load_incident_layer(const IncidentSource& source,
                                                                const geo::Geocoder& geocoder,
                                                                const geo::PopulationTable* population,
                                                                std::vector<std::string>& problems,
                                                                LoadProgress* progress) {
    const auto stage = [progress](LoadProgress::Stage s) {
        if (progress) progress->stage = s;
    };
    const std::string& path = source.path;
    stage(LoadProgress::Stage::Reading);
    auto store = geo::load_incident_source(source, &problems);
    if (!store) return geo::make_error(store.error());
    auto layer = std::make_unique<IncidentLayer>();
    layer->source = path;
    layer->store = std::move(store.value());
    stage(LoadProgress::Stage::Placing);
    layer->placed = geo::place_incidents(layer->store, geocoder);
    stage(LoadProgress::Stage::Indexing);
    auto proj = geo::lonlat_to_display(geocoder.boundaries().municipalities.crs);
    if (!proj) return geo::make_error(proj.error());
    layer->display_xy.resize(layer->store.size());
    for (std::size_t i = 0; i < layer->store.size(); ++i) {
        layer->display_xy[i] = {layer->store.lon()[i], layer->store.lat()[i]};
        const auto& p = layer->placed;
        if (!p.matched(i)) {
            std::string line = path;
            line.append(": incident ").append(layer->store.id(i)).append(": ").append(geo::to_string(p.status(i)));
            if (!p.note(i).empty()) line.append(": ").append(p.note(i));
            problems.push_back(std::move(line));
        }
    }
    proj->forward(layer->display_xy);
    layer->picker = IncidentPicker(layer->display_xy);
    layer->stacks = geo::PointStacks(layer->display_xy);
    for (std::size_t i = 0; i < layer->store.size() && !layer->has_stand_ins; ++i)
        layer->has_stand_ins = std::isfinite(layer->display_xy[i].x) && !layer->placed.exact(i);
    stage(LoadProgress::Stage::Counting);
    layer->apply_filters(geocoder.boundaries(), population);
    stage(LoadProgress::Stage::Done);
    return layer;
}

}  // namespace mirador
