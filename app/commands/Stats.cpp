#include "commands/Stats.hpp"

#include <cstdio>
#include <filesystem>
#include <fstream>

#include "commands/GeocodingContext.hpp"
#include "mirador/geo/CsvReader.hpp"
#include "mirador/geo/IncidentAggregation.hpp"
#include "mirador/geo/IncidentCsv.hpp"
#include "mirador/geo/IncidentOgr.hpp"
#include "mirador/geo/IncidentDate.hpp"

namespace mirador {

int run_stats_command(const DataOptions& data, const StatsOptions& o) {
    const char* cmd = "mirador stats";
    geo::IncidentFilter filter;
    if (!o.from.empty()) {
        auto d = geo::parse_incident_date(o.from);
        if (!d) {
            std::fprintf(stderr, "%s: --from: %s\n", cmd, d.error().c_str());
            return 2;
        }
        filter.from_day = d->day_start;
    }
    if (!o.to.empty()) {
        auto d = geo::parse_incident_date(o.to);
        if (!d) {
            std::fprintf(stderr, "%s: --to: %s\n", cmd, d.error().c_str());
            return 2;
        }
        filter.to_day = d->day_end;  // "--to 2019-10" includes all of October
    }
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

    std::vector<std::string> problems;
    geo::IncidentOgrOptions source;
    source.layer = o.incidents_layer;
    if (!o.incidents_mapping.empty()) {
        auto m = geo::load_column_mapping(o.incidents_mapping);
        if (!m) {
            std::fprintf(stderr, "%s: %s\n", cmd, m.error().c_str());
            return 1;
        }
        source.columns = *m;
    }
    auto store = geo::load_incidents(o.incidents, &problems, source);
    for (const auto& p : problems) std::fprintf(stderr, "%s: %s\n", cmd, p.c_str());
    if (!store) {
        std::fprintf(stderr, "%s: %s\n", cmd, store.error().c_str());
        return 1;
    }
    auto ctx = load_geocoding_context(data, cmd);
    if (!ctx) {
        std::fprintf(stderr, "%s: %s\n", cmd, ctx.error().c_str());
        return 1;
    }
    const auto placed = geo::place_incidents(*store, *ctx->geocoder);
    for (std::size_t i = 0; i < placed.size(); ++i)
        if (placed[i].status != geo::GeoStatus::Matched)
            std::fprintf(stderr, "%s: %s: incident %s: %s: %s\n", cmd, o.incidents.c_str(),
                         std::string(store->id(i)).c_str(), geo::to_string(placed[i].status), placed[i].note.c_str());
    const geo::Boundaries& b = *ctx->boundaries;
    const geo::Aggregation a = geo::aggregate(*store, placed, b, filter, by, ctx->population.get());

    const std::string tmp = o.out + ".part";
    std::ofstream out(tmp, std::ios::binary);
    if (!out) {
        std::fprintf(stderr, "%s: %s: cannot write (does the folder exist?)\n", cmd, o.out.c_str());
        return 1;
    }
    const bool rates = ctx->population != nullptr;
    out << "cvegeo,name,state_name,incidents,fatalities" << (rates ? ",rate_per_100k" : "") << '\n';
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
    std::fprintf(stderr, "%s: %zu incidents counted in %zu %s -> %s (%zu outside the filters, %zu not placed in a %s)\n",
                 cmd, a.counted, a.units.size(), by == geo::AggregateBy::State ? "states" : "municipalities",
                 o.out.c_str(), a.filtered_out, a.unplaced, by == geo::AggregateBy::State ? "state" : "municipality");
    return 0;
}

}  // namespace mirador
