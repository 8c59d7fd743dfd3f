#include "commands/IncidentInput.hpp"

#include <climits>
#include <cstdio>

#include "mirador/geo/IncidentAggregation.hpp"
#include "mirador/geo/IncidentDate.hpp"
#include "mirador/geo/IncidentOgr.hpp"
#include "cli/Report.hpp"

namespace mirador {

geo::Result<PlacedIncidents> load_placed_incidents(const DataOptions& data, const geo::IncidentSource& input,
                                                   const char* command) {
    std::vector<std::string> problems;
    auto store = geo::load_incident_source(input, &problems);
    for (const auto& p : problems) eprint("%s: %s\n", command, p.c_str());
    if (!store) return geo::make_error(store.error());
    auto ctx = load_geocoding_context(data, command);
    if (!ctx) return geo::make_error(ctx.error());
    PlacedIncidents out{std::move(store).value(), {}, std::move(ctx).value()};
    out.placed = geo::place_incidents(out.store, *out.context.geocoder);
    for (std::size_t i = 0; i < out.placed.size(); ++i)
        if (!out.placed.matched(i))
            eprint("%s: %s: incident %s: %s: %s\n", command, input.path.c_str(),
                         std::string(out.store.id(i)).c_str(), geo::to_string(out.placed.status(i)),
                         std::string(out.placed.note(i)).c_str());
    return out;
}

}  // namespace mirador
