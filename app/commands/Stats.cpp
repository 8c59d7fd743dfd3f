#include "commands/Stats.hpp"

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <tuple>

#include "commands/IncidentInput.hpp"
#include "mirador/geo/CsvReader.hpp"
#include "mirador/geo/IncidentAggregation.hpp"
#include "mirador/geo/IncidentCsv.hpp"
#include "mirador/geo/IncidentOgr.hpp"
#include "mirador/geo/IncidentDate.hpp"

namespace mirador {

int run_stats_command(const DataOptions& data, const StatsOptions& o) {
    const char* cmd = "mirador stats";
    geo::IncidentFilter filter;
    const auto bounds = parse_date_bounds(o.from, o.to, cmd);
    if (!bounds) return 2;
    std::tie(filter.from_day, filter.to_day) = *bounds;
    if (!o.category.empty()) {
        filter.category = geo::parse_incident_category(o.category);
        if (!filter.category) {
            std::fprintf(stderr, "%s: unknown --category '%s'\n", cmd, o.category.c_str());
            return 2;
        }
    }
    if (o.by != "municipality" && o.by != "state") {
        std::fprintf(stderr, "%s: --by is 'municipality' or 'state'\n", cmd);
        return 2;
    }
    const auto by = o.by == "state" ? geo::AggregateBy::State : geo::AggregateBy::Municipality;

    auto loaded = load_placed_incidents(data, {o.incidents, o.incidents_layer, o.incidents_mapping}, cmd);
    if (!loaded) {
        std::fprintf(stderr, "%s: %s\n", cmd, loaded.error().c_str());
        return 1;
    }
    const geo::IncidentStore& store = loaded->store;
    const auto& placed = loaded->placed;
    const auto& ctx = loaded->context;
    const geo::Boundaries& b = *ctx.boundaries;
    const geo::Aggregation a = geo::aggregate(store, placed, b, filter, by, ctx.population.get());

    const std::string tmp = o.out + ".part";
    std::ofstream out(tmp, std::ios::binary);
    if (!out) {
        std::fprintf(stderr, "%s: %s: cannot write (does the folder exist?)\n", cmd, o.out.c_str());
        return 1;
    }
    const bool rates = ctx.population != nullptr;
    out << "cvegeo,name,state_name,incidents,fatalities" << (rates ? ",rate_per_100k" : "") << '\n';
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
        out << code << ',' << geo::csv_field(name) << ',' << geo::csv_field(state_name) << ',' << u.incidents << ','
            << u.fatalities;
        if (rates) {
            char buf[32] = "";
            if (u.rate_per_100k) std::snprintf(buf, sizeof buf, "%.3f", *u.rate_per_100k);
            out << ',' << buf;
        }
        out << '\n';
    }
    out.close();
    std::error_code ec;
    if (!out || (std::filesystem::rename(tmp, o.out, ec), ec)) {
        std::fprintf(stderr, "%s: %s: write failed\n", cmd, o.out.c_str());
        return 1;
    }
    std::size_t state_level = 0;
    for (const auto& u : a.state_level) state_level += u.incidents;
    std::fprintf(stderr,
                 "%s: %zu incidents counted in %zu %s, %zu known only to a state, %zu only to Mexico -> %s (%zu outside "
                 "the filters, %zu placed nowhere)\n",
                 cmd, a.counted, a.units.size(), by == geo::AggregateBy::State ? "states" : "municipalities", state_level,
                 static_cast<std::size_t>(a.country_level.incidents), o.out.c_str(), a.filtered_out, a.unplaced);
    return 0;
}

}  // namespace mirador
