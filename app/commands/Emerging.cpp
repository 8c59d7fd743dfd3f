#include "platform/Report.hpp"
#include "commands/Emerging.hpp"

#include <CLI/CLI.hpp>

#include "document/NumberFlags.hpp"

#include <cstdio>

#include "commands/HotspotSnapshot.hpp"
#include "commands/Hotspots.hpp"
#include "mirador/stats/EmergingHotSpots.hpp"

namespace mirador {

void add_emerging_flags(CLI::App& c, EmergingOptions& o) {
    add_hotspot_source_flags(c, o.source);
    c.add_option("--step", o.step, "Period of the cube: month, quarter or year")->capture_default_str();
    c.add_option("--time-lags", o.time_lags, "Periods back in time that are neighbours too (ArcGIS's neighborhood time step)")
        ->capture_default_str()->check(within(limits::kTimeLags));
    c.add_option("--alpha", o.alpha, "A period is a hot (cold) spot when its Gi* p <= alpha")->capture_default_str()
        ->check(within(limits::kSignificance));
    c.add_option("--trend-alpha", o.trend_alpha, "Mann-Kendall significance for intensifying / diminishing")
        ->capture_default_str()->check(within(limits::kSignificance));
    c.add_option("--map", o.map, "Also draw the categories into this PNG (municipalities or states)");
}

int run_emerging_command(const DataOptions& data, const EmergingOptions& o) {
    const char* cmd = "mirador emerging";
    int status = 0;
    const auto source = HotspotSource::open(data, o.source, cmd, status);
    if (!source) return status;
    std::vector<Period> periods;
    std::string error;
    const auto cube = source->cube(o.step, periods, error);
    if (!cube) {
        eprint("%s: %s\n", cmd, error.c_str());
        return 2;
    }
    const UnitSet& u = source->units();
    const auto r = stats::emerging_hot_spots(*cube, u.weights, o.time_lags, {o.alpha, o.trend_alpha});
    geo::UnitTable t;
    t.columns = {"cvegeo", "name", "state_name", "category", "trend_tau", "trend_p", "hot_periods", "cold_periods",
                 "periods", "total_count", "z_last", "z_series"};
    t.types = "ssssrriiirrs";
    std::vector<std::size_t> per_category(stats::kEmergingCategoryCount, 0);
    for (std::size_t i = 0; i < u.codes.size(); ++i) {
        const auto& e = r.units[i];
        ++per_category[static_cast<std::size_t>(e.category)];
        double total = 0;
        std::string series;
        for (std::size_t p = 0; p < cube->periods; ++p) {
            total += cube->at(p, i);
            series += (p ? " " : "") + format_number(r.z[p * cube->units + i], 5);
        }
        t.rows.push_back({u.codes[i], u.names[i], u.state_names[i], stats::emerging_category_name(e.category),
                          format_number(e.trend.tau, 6), format_number(e.trend.p, 6), std::to_string(e.hot_periods),
                          std::to_string(e.cold_periods), std::to_string(cube->periods), format_number(total, 12),
                          format_number(r.z[(cube->periods - 1) * cube->units + i]), series});
    }
    std::vector<std::string> notes = source->notes();
    std::string summary = "categories:";
    for (int c = 0; c < stats::kEmergingCategoryCount; ++c)
        if (per_category[static_cast<std::size_t>(c)])
            summary += std::string(" ") + stats::emerging_category_name(static_cast<stats::EmergingCategory>(c)) + " " +
                       std::to_string(per_category[static_cast<std::size_t>(c)]) + ";";
    notes.push_back(summary);
    notes.push_back(std::to_string(cube->periods) + " periods (" + periods.front().label + " to " + periods.back().label +
                    "), Gi* over the neighbours (" + u.neighbour_rule + ") and " + std::to_string(o.time_lags) +
                    " period(s) back; hot/cold at p <= " + format_number(o.alpha, 4) + "; z_series oldest first");
    const int rc = write_unit_output(o.source.out, t, u, source->inputs(), notes, "emerging_hot_spots", cmd);
    if (rc != 0) return rc;
    eprint("%s: %zu %s x %zu periods -> %s\n", cmd, u.codes.size(), units_word(u.kind).c_str(), cube->periods,
                 o.source.out.c_str());
    if (o.map.empty()) return 0;
    std::vector<int> classes(u.codes.size());
    for (std::size_t i = 0; i < classes.size(); ++i) classes[i] = static_cast<int>(r.units[i].category);
    auto inputs = source->inputs();
    inputs.push_back(o.source.out);
    return write_hotspot_png(data, u, HotspotMapKind::Emerging, classes,
                             "Emerging hot spots, " + periods.front().label + " to " + periods.back().label + " by " + o.step,
                             o.map, inputs, cmd);
}

}  // namespace mirador
