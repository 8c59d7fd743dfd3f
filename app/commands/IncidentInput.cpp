#include "commands/IncidentInput.hpp"

#include <climits>
#include <cmath>
#include <cstdio>
#include <functional>

#include "mirador/geo/IncidentAggregation.hpp"
#include "mirador/geo/IncidentCsv.hpp"
#include "mirador/geo/IncidentDate.hpp"
#include "mirador/geo/IncidentOgr.hpp"

namespace mirador {

std::optional<std::pair<std::int32_t, std::int32_t>> parse_date_bounds(const std::string& from, const std::string& to,
                                                                       const char* command) {
    std::pair<std::int32_t, std::int32_t> bounds{INT32_MIN, INT32_MAX};
    for (const auto& [text, flag] : {std::pair{&from, "--from"}, std::pair{&to, "--to"}}) {
        if (text->empty()) continue;
        auto d = geo::parse_incident_date(*text);
        if (!d) {
            std::fprintf(stderr, "%s: %s: %s\n", command, flag, d.error().c_str());
            return std::nullopt;
        }
        if (text == &from) bounds.first = d->day_start;
        else bounds.second = d->day_end;
    }
    return bounds;
}

namespace {

// `columns`, when given, adjusts the mapping (blanks the columns the caller will not read).
geo::Result<geo::IncidentStore> load_store(const IncidentInput& input, const char* command,
                                           const std::function<void(geo::CsvColumnMapping&)>& columns = {}) {
    geo::IncidentOgrOptions source;
    source.layer = input.layer;
    if (!input.mapping.empty()) {
        auto m = geo::load_column_mapping(input.mapping);
        if (!m) return geo::make_error(m.error());
        source.columns = *m;
    }
    if (columns) columns(source.columns);
    std::vector<std::string> problems;
    auto store = geo::load_incidents(input.path, &problems, source);
    for (const auto& p : problems) std::fprintf(stderr, "%s: %s\n", command, p.c_str());
    return store;
}

bool has_position(const geo::IncidentStore& store, std::size_t i) {
    return std::isfinite(store.lon()[i]) && std::isfinite(store.lat()[i]);
}

void report_unplaced(const char* command, const IncidentInput& input, const geo::IncidentStore& store, std::size_t i,
                     geo::GeoStatus status, std::string_view note) {
    std::fprintf(stderr, "%s: %s: incident %s: %s: %s\n", command, input.path.c_str(), std::string(store.id(i)).c_str(),
                 geo::to_string(status), std::string(note).c_str());
}

}  // namespace

geo::Result<PlacedIncidents> load_placed_incidents(const DataOptions& data, const IncidentInput& input,
                                                   const char* command) {
    auto store = load_store(input, command);
    if (!store) return geo::make_error(store.error());
    auto ctx = load_geocoding_context(data, command);
    if (!ctx) return geo::make_error(ctx.error());
    PlacedIncidents out{std::move(store).value(), {}, std::move(ctx).value()};
    out.placed = geo::place_incidents(out.store, *out.context.geocoder);
    for (std::size_t i = 0; i < out.placed.size(); ++i)
        if (!out.placed.matched(i)) report_unplaced(command, input, out.store, i, out.placed.status(i), out.placed.note(i));
    return out;
}

geo::Result<geo::IncidentStore> load_positioned_incidents(const DataOptions& data, const IncidentInput& input,
                                                          const char* command, bool with_fatalities) {
    // An empty column name reads as "the file has no such column".
    auto store = load_store(input, command, [&](geo::CsvColumnMapping& c) {
        c.category.clear(), c.actors.clear(), c.injured.clear(), c.source.clear(), c.notes.clear();
        if (!with_fatalities) c.fatalities.clear();
    });
    if (!store) return store;
    std::size_t unpositioned = 0;
    for (std::size_t i = 0; i < store->size(); ++i) unpositioned += !has_position(*store, i);
    if (unpositioned == 0) return store;
    auto ctx = load_geocoding_context(data, command);
    if (!ctx) return geo::make_error(ctx.error());
    for (std::size_t i = 0; i < store->size(); ++i) {
        if (has_position(*store, i)) continue;
        const geo::GeocodeResult r = ctx->geocoder->resolve(store->place(i), store->state(i));
        if (r.status == geo::GeoStatus::Matched) store->set_location(i, r.lon, r.lat);
        else report_unplaced(command, input, *store, i, r.status, r.note);
    }
    return store;
}

}  // namespace mirador
