#include "commands/Stats.hpp"

#include <cstdio>

#include "commands/IncidentInput.hpp"
#include "mirador/geo/AtomicFile.hpp"
#include "mirador/geo/CsvReader.hpp"
#include "mirador/geo/IncidentAggregation.hpp"
#include "mirador/geo/IncidentCsv.hpp"
#include "mirador/geo/IncidentOgr.hpp"
#include "mirador/geo/IncidentDate.hpp"
#include "cli/Report.hpp"

namespace mirador {

int run_stats_command(const DataOptions& data, const StatsOptions& o) {
    const char* cmd = "mirador stats";
    geo::IncidentFilter filter;
    if (o.window) filter.from_day = o.window->from, filter.to_day = o.window->to;
    filter.category = o.category;
    const auto by = o.by;

    auto loaded = load_placed_incidents(data, o.incidents, cmd);
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
    for (const auto& u : a.units) {
        std::string code, name, state_name;
        if (by == geo::AggregateBy::State) {
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
    eprint("%s: %zu incidents counted in %zu %s -> %s (%zu outside the filters, %zu not placed in a %s)\n",
                 cmd, a.counted, a.units.size(), by == geo::AggregateBy::State ? "states" : "municipalities",
                 o.out.c_str(), a.filtered_out, a.unplaced, by == geo::AggregateBy::State ? "state" : "municipality");
    return 0;
}

}  // namespace mirador
