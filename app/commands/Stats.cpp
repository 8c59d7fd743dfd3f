#include "commands/Stats.hpp"

#include <cstdio>

#include "commands/IncidentInput.hpp"
#include "mirador/geo/AtomicFile.hpp"
#include "mirador/geo/CsvReader.hpp"
#include "mirador/geo/IncidentAggregation.hpp"
#include "mirador/geo/IncidentCsv.hpp"
#include "mirador/geo/IncidentOgr.hpp"
#include "mirador/geo/IncidentDate.hpp"
#include "mirador/geo/Text.hpp"
#include "document/TimePlayback.hpp"
#include "platform/Report.hpp"

namespace mirador {

int run_stats_command(const doc::MapDocument& document, const StatsOptions& o) {
    const char* cmd = "mirador stats";
    geo::IncidentFilter filter;
    if (const auto w = current_window(document.time)) filter.from_day = w->from, filter.to_day = w->to;
    filter.category = document.filters.category;
    filter.actor = geo::fold_for_search(document.filters.actor);
    filter.min_fatalities = document.filters.min_fatalities;
    const auto by = o.by;

    auto loaded = load_placed_incidents(data_options(document), document.sources.incidents.front(), cmd);
    if (!loaded) {
        eprint("%s: %s\n", cmd, loaded.error().c_str());
        return 1;
    }
    const geo::IncidentStore& store = loaded->store;
    const auto& placed = loaded->placed;
    const auto& ctx = loaded->context;
    const geo::Boundaries& b = *ctx.boundaries;
    const geo::Aggregation a = geo::aggregate(store, placed, b, filter, by, ctx.population.get());

    auto out = geo::AtomicFile::create(o.out);
    if (!out) {
        eprint("%s: %s\n", cmd, out.error().c_str());
        return 1;
    }
    const bool rates = ctx.population != nullptr;
    *out << "cvegeo,name,state_name,incidents,fatalities" << (rates ? ",rate_per_100k" : "") << '\n';
    // Incidents known only to a state (or to Mexico) get rows of their own, never a
    // municipality's (or a state's): code of the state ("00" for Mexico), no rate.
    for (const auto& [kind, count] : geo::aggregation_rows(a)) {
        const auto& u = *count;
        std::string code, name, state_name;
        if (kind == geo::AggregationRow::Kind::CountryLevel) {
            code = "00";
            name = "country-level, not placed";
        } else if (kind == geo::AggregationRow::Kind::StateLevel) {
            code = b.states[u.unit].code;
            name = "state-level, not placed";
            state_name = b.states[u.unit].name;
        } else if (by == geo::AggregateBy::State) {
            code = b.states[u.unit].code;
            name = state_name = b.states[u.unit].name;
        } else {
            code = b.municipalities.attributes[u.unit].code;
            name = b.municipalities.attributes[u.unit].name;
            if (const auto* s = b.state_of(u.unit)) state_name = s->name;
        }
        *out << code << ',' << geo::csv_field(name) << ',' << geo::csv_field(state_name) << ','
             << std::to_string(u.incidents) << ',' << std::to_string(u.fatalities);
        if (rates) {
            char buf[32] = "";
            if (u.rate_per_100k) std::snprintf(buf, sizeof buf, "%.3f", *u.rate_per_100k);
            *out << ',' << buf;
        }
        *out << '\n';
    }
    if (auto ok = out->commit(); !ok) {
        eprint("%s: %s\n", cmd, ok.error().c_str());
        return 1;
    }
    std::size_t state_level = 0;
    for (const auto& u : a.state_level) state_level += u.incidents;
    eprint("%s: %zu incidents counted in %zu %s, %zu known only to a state, %zu only to Mexico -> %s (%zu outside the "
           "filters, %zu placed nowhere)\n",
           cmd, a.counted, a.units.size(), by == geo::AggregateBy::State ? "states" : "municipalities", state_level,
           static_cast<std::size_t>(a.country_level.incidents), o.out.c_str(), a.filtered_out, a.unplaced);
    return 0;
}

}  // namespace mirador
