#include "platform/Report.hpp"
#include "commands/Hotspots.hpp"

#include <CLI/CLI.hpp>

#include "document/NumberFlags.hpp"

#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>

#include "commands/HotspotSnapshot.hpp"
#include "mirador/geo/AtomicFile.hpp"
#include "mirador/stats/HotspotAnalysis.hpp"

namespace mirador {

void add_hotspots_flags(CLI::App& c, HotspotsOptions& o) {
    add_hotspot_source_flags(c, o.source);
    c.add_option("--value", o.value, "count, fatalities, rate (per 100,000, population 2020) or eb-rate (Empirical Bayes)")
        ->capture_default_str();
    c.add_option("--statistic", o.statistic, "gistar, moran or both")->capture_default_str();
    c.add_option("--permutations", o.permutations, "Conditional permutations for the pseudo p-values")
        ->capture_default_str()->check(within(limits::kPermutations));
    c.add_option("--seed", o.seed, "Seed of the permutations (same seed, same p-values)")->capture_default_str();
    c.add_option("--threads", o.threads, "Threads for the permutations (0: every core)")
        ->capture_default_str()->check(within(limits::kThreads));
    c.add_option("--p-value", o.p_rule, "Pseudo p-value rule: folded ((min(M, R-M)+1)/(R+1), GeoDa/PySAL) or two-sided")
        ->capture_default_str();
    c.add_option("--alpha", o.alpha, "Significance level")->capture_default_str()->check(within(limits::kSignificance));
    c.add_option("--correction", o.correction, "none, bonferroni or fdr (Benjamini-Hochberg)")->capture_default_str();
    c.add_option("--map", o.map, "Also draw the result into this PNG (municipalities or states)");
    c.add_option("--map-kind", o.map_kind, "gistar (hot/cold classes) or lisa (clusters); default: the statistic computed");
}

int write_unit_output(const std::string& out, const geo::UnitTable& table, const UnitSet& units,
                      const std::vector<std::string>& inputs, const std::vector<std::string>& notes,
                      const std::string& layer, const char* command) {
    if (auto same = geo::check_output_is_not_input(out, inputs); !same) {
        eprint("%s: %s\n", command, same.error().c_str());
        return 2;
    }
    std::string description;
    for (const auto& n : notes) {
        eprint("%s: note: %s\n", command, n.c_str());
        description += n + "\n";
    }
    geo::Result<bool> written = true;
    if (geo::ends_with_gpkg(out)) {
        std::vector<std::size_t> features(table.rows.size());
        for (std::size_t k = 0; k < features.size(); ++k) features[k] = k;
        written = geo::write_unit_table_gpkg(out, table, {units.geometry}, features, layer, description);
    } else {
        written = geo::write_unit_table_csv(out, table);
    }
    if (!written) {
        eprint("%s: %s\n", command, written.error().c_str());
        return 1;
    }
    return 0;
}

int run_hotspots_command(const DataOptions& data, const HotspotsOptions& o) {
    const char* cmd = "mirador hotspots";
    stats::HotspotOptions ho;
    bool ok_rule = false, ok_correction = false;
    ho.p_rule = stats::parse_p_value_rule(o.p_rule, ok_rule);
    ho.correction = stats::parse_correction(o.correction, ok_correction);
    if (!stats::parse_hotspot_value(o.value, ho.value) || !stats::parse_hotspot_statistic(o.statistic, ho.statistic) ||
        !ok_rule || !ok_correction) {
        eprint("%s: --value is count|fatalities|rate|eb-rate, --statistic gistar|moran|both, --p-value "
                             "folded|two-sided, --correction none|bonferroni|fdr\n", cmd);
        return 2;
    }
    ho.alpha = o.alpha;
    ho.permutation = {o.permutations, o.seed, o.threads};
    // MIRADOR_TIMINGS=1 prints where the time goes (for bench_hotspots).
    const bool timings = std::getenv("MIRADOR_TIMINGS") != nullptr;
    auto t0 = std::chrono::steady_clock::now();
    auto lap = [&](const char* what) {
        const auto t1 = std::chrono::steady_clock::now();
        if (timings) eprint("%s: %s %.3f s\n", cmd, what, std::chrono::duration<double>(t1 - t0).count());
        t0 = t1;
    };
    int status = 0;
    const auto source = HotspotSource::open(data, o.source, cmd, status);
    if (!source) return status;
    lap("load data, units and neighbours");
    const UnitSet& u = source->units();
    const UnitValues v = source->values();
    stats::HotspotInput in{v.count, v.fatalities, u.population};
    std::string error;
    const auto r = stats::run_hotspots(in, u.weights, ho, &error);
    lap("statistics and permutations");
    if (!error.empty()) {
        eprint("%s: --value %s: %s\n", cmd, o.value.c_str(), error.c_str());
        return 2;
    }
    geo::UnitTable t;
    t.columns = {"cvegeo", "name", "state_name", "count", "population", "rate_per_100k", "eb_rate_per_100k",
                 "n_neighbours", "gistar_z", "gistar_p", "gistar_p_sim", "gistar_class", "lisa_Ii", "lisa_z",
                 "lisa_p_sim", "lisa_cluster", "significant"};
    t.types = "sssrrrrirrrsrrrsi";
    const bool gi = !r.gistar_z.empty(), lisa = !r.lisa_z.empty();
    std::size_t missing_units = 0;
    for (std::size_t i = 0; i < u.codes.size(); ++i) {
        missing_units += !v.missing.empty() && v.missing[i] > 0;
        t.rows.push_back({u.codes[i], u.names[i], u.state_names[i], format_number(v.count[i], 12),
                          format_number(u.population[i], 12), format_number(r.rate_per_100k[i]),
                          format_number(r.eb_rate_per_100k[i]), std::to_string(r.n_neighbours[i]),
                          gi ? format_number(r.gistar_z[i]) : "", gi ? format_number(r.gistar_p[i]) : "",
                          gi ? format_number(r.gistar_p_sim[i]) : "",
                          gi ? stats::hotspot_class_name(r.gistar_class[i]) : "",
                          lisa ? format_number(r.lisa_Ii[i]) : "", lisa ? format_number(r.lisa_z[i]) : "",
                          lisa ? format_number(r.lisa_p_sim[i]) : "",
                          lisa ? stats::lisa_cluster_name(r.lisa_cluster[i]) : "", r.significant[i] ? "1" : "0"});
    }
    std::vector<std::string> notes = source->notes();
    if (missing_units)
        notes.push_back(std::to_string(missing_units) + " units have months reported as NA (missing, not zero) in the "
                        "window; their count is the sum of the months reported");
    if (lisa) {
        char buf[256];
        std::snprintf(buf, sizeof buf, "global Moran's I of %s = %.6f (E = %.6f, z = %.3f; permutation p = %.4f, %u "
                      "permutations)", r.moran_value.c_str(), r.global.I, r.global.expectation, r.global.z,
                      r.global_permutation.p_greater, r.global_permutation.permutations);
        notes.push_back(buf);
    }
    notes.push_back(std::string("value: ") + stats::hotspot_value_name(ho.value) + "; neighbours: " + u.neighbour_rule +
                    "; gistar_p analytic two-sided, *_p_sim " + o.p_rule + " pseudo p of " +
                    std::to_string(o.permutations) + " conditional permutations (seed " + std::to_string(o.seed) +
                    "); significant at " + format_number(o.alpha, 4) + " with correction " + o.correction);
    const int rc = write_unit_output(o.source.out, t, u, source->inputs(), notes, "hotspots", cmd);
    lap("output");
    if (rc != 0) return rc;
    eprint("%s: %zu %s -> %s\n", cmd, u.codes.size(), units_word(u.kind).c_str(), o.source.out.c_str());
    if (o.map.empty()) return 0;
    const bool lisa_map = o.map_kind.empty() ? !gi : o.map_kind == "lisa";
    if ((lisa_map && !lisa) || (!lisa_map && !gi) || (!o.map_kind.empty() && o.map_kind != "lisa" && o.map_kind != "gistar")) {
        eprint("%s: --map-kind is gistar or lisa, and needs that statistic computed\n", cmd);
        return 2;
    }
    std::vector<int> classes(u.codes.size());
    for (std::size_t i = 0; i < classes.size(); ++i)
        classes[i] = lisa_map ? static_cast<int>(r.lisa_cluster[i])
                              : (std::isnan(r.gistar_z[i]) ? HotspotMap::kNoClass : r.gistar_class[i]);
    std::string window = o.source.from.empty() && o.source.to.empty() ? "all time" : o.source.from + " to " + o.source.to;
    if (o.source.from == o.source.to && !o.source.from.empty()) window = o.source.from;
    const std::string title = std::string(lisa_map ? "Local Moran clusters (p_sim <= " : "Gi* hot spots (") +
                              (lisa_map ? format_number(o.alpha, 3) + ", " : std::string()) + stats::hotspot_value_name(ho.value) +
                              ", " + window + ")";
    auto inputs = source->inputs();
    inputs.push_back(o.source.out);
    return write_hotspot_png(data, u, lisa_map ? HotspotMapKind::Lisa : HotspotMapKind::GiStar, classes, title, o.map,
                             inputs, cmd);
}

}  // namespace mirador
