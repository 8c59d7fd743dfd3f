#include "commands/IncidentInput.hpp"

#include <climits>
#include <cstdio>

#include "mirador/geo/IncidentAggregation.hpp"
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

geo::Result<PlacedIncidents> load_placed_incidents(const DataOptions& data, const IncidentInput& input,
                                                   const char* command) {
    geo::IncidentOgrOptions source;
    source.layer = input.layer;
    if (!input.mapping.empty()) {
        auto m = geo::load_column_mapping(input.mapping);
        if (!m) return geo::make_error(m.error());
        source.columns = *m;
    }
    std::vector<std::string> problems;
    auto store = geo::load_incidents(input.path, &problems, source);
    for (const auto& p : problems) std::fprintf(stderr, "%s: %s\n", command, p.c_str());
    if (!store) return geo::make_error(store.error());
    auto ctx = load_geocoding_context(data, command);
    if (!ctx) return geo::make_error(ctx.error());
    PlacedIncidents out{std::move(store).value(), {}, std::move(ctx).value()};
    out.placed = geo::place_incidents(out.store, *out.context.geocoder);
    for (std::size_t i = 0; i < out.placed.size(); ++i)
        if (!out.placed.matched(i))
            std::fprintf(stderr, "%s: %s: incident %s: %s: %s\n", command, input.path.c_str(),
                         std::string(out.store.id(i)).c_str(), geo::to_string(out.placed.status(i)),
                         std::string(out.placed.note(i)).c_str());
    return out;
}

}  // namespace mirador
