#include "commands/IncidentInput.hpp"

#include <climits>
#include <cmath>
#include <cstdio>
#include <functional>
#include <limits>

#include "mirador/geo/IncidentAggregation.hpp"
#include "mirador/geo/IncidentCsv.hpp"
#include "mirador/geo/IncidentDate.hpp"
#include "mirador/geo/IncidentOgr.hpp"
#include "platform/Report.hpp"

namespace mirador {

namespace {

// `columns`, when given, adjusts the mapping (blanks the columns the caller will not read).
geo::Result<geo::IncidentStore> load_store(const geo::IncidentSource& input, const char* command,
                                           const std::function<void(geo::CsvColumnMapping&)>& columns = {}) {
    std::vector<std::string> problems;
    auto store = geo::load_incident_source(input, &problems, columns);
    for (const auto& p : problems) eprint("%s: %s\n", command, p.c_str());
    return store;
}

bool has_position(const geo::IncidentStore& store, std::size_t i) {
    return std::isfinite(store.lon()[i]) && std::isfinite(store.lat()[i]);
}

void report_unplaced(const char* command, const geo::IncidentSource& input, const geo::IncidentStore& store, std::size_t i,
                     geo::GeoStatus status, std::string_view note) {
    eprint("%s: %s: incident %s: %s: %s\n", command, input.path.c_str(), std::string(store.id(i)).c_str(),
           geo::to_string(status), std::string(note).c_str());
}

}  // namespace

void blank_unread_columns(geo::CsvColumnMapping& c, bool with_fatalities) {
    // An empty column name reads as "the file has no such column".
    c.category.clear(), c.actors.clear(), c.injured.clear(), c.source.clear(), c.notes.clear();
    if (!with_fatalities) c.fatalities.clear();
}

geo::Result<PlacedIncidents> load_placed_incidents(const DataOptions& data, const geo::IncidentSource& input,
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

geo::Result<geo::IncidentStore> load_positioned_incidents(const DataOptions& data, const geo::IncidentSource& input,
                                                          const char* command, bool with_fatalities) {
    auto store = load_store(input, command, [&](geo::CsvColumnMapping& c) { blank_unread_columns(c, with_fatalities); });
    if (!store) return store;
    std::size_t unpositioned = 0;
    for (std::size_t i = 0; i < store->size(); ++i) unpositioned += !has_position(*store, i);
    if (unpositioned == 0) return store;
    auto ctx = load_geocoding_context(data, command);
    if (!ctx) return geo::make_error(ctx.error());
    const double nan = std::numeric_limits<double>::quiet_NaN();
    for (std::size_t i = 0; i < store->size(); ++i) {
        if (has_position(*store, i)) continue;
        const geo::GeocodeResult r =
            ctx->geocoder->place(nan, nan, store->place(i), store->state(i), store->location_precision()[i]);
        if (r.status != geo::GeoStatus::Matched) {
            report_unplaced(command, input, *store, i, r.status, r.note);
            continue;
        }
        // A place found only to a state (or the country) gets no position: its centroid is not
        // where it happened (the same rule as local_mask for rows with coordinates).
        const bool local = r.precision == geo::GeoPrecision::Point || r.precision == geo::GeoPrecision::Locality ||
                           r.precision == geo::GeoPrecision::Municipality;
        if (local && std::isfinite(r.lon)) store->set_location(i, r.lon, r.lat);
    }
    return store;
}

}  // namespace mirador
