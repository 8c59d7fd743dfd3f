#include "mirador/stats/HotspotAnalysis.hpp"

#include <cmath>

#include "mirador/stats/EmpiricalBayes.hpp"

namespace mirador::stats {

bool parse_hotspot_value(const std::string& text, HotspotValue& out) {
    if (text == "count") out = HotspotValue::Count;
    else if (text == "fatalities") out = HotspotValue::Fatalities;
    else if (text == "rate") out = HotspotValue::Rate;
    else if (text == "eb-rate") out = HotspotValue::EbRate;
    else return false;
    return true;
}

bool parse_hotspot_statistic(const std::string& text, HotspotStatistic& out) {
    if (text == "gistar") out = HotspotStatistic::GiStar;
    else if (text == "moran") out = HotspotStatistic::Moran;
    else if (text == "both") out = HotspotStatistic::Both;
    else return false;
    return true;
}

const char* hotspot_value_name(HotspotValue v) {
    switch (v) {
    case HotspotValue::Count: return "count";
    case HotspotValue::Fatalities: return "fatalities";
    case HotspotValue::Rate: return "rate per 100,000";
    case HotspotValue::EbRate: return "EB rate per 100,000";
    }
    return "";
}

HotspotResult run_hotspots(const HotspotInput& in, const SpatialWeights& binary, const HotspotOptions& o,
                           std::string* error) {
    const std::size_t n = in.count.size();
    HotspotResult r;
    const bool has_population = in.population.size() == n;
    r.rate_per_100k.assign(n, std::nan(""));
    r.eb_rate_per_100k.assign(n, std::nan(""));
    bool population_complete = has_population;
    if (has_population) {
        const auto eb = eb_global(in.count, in.population);
        for (std::size_t i = 0; i < n; ++i) {
            r.rate_per_100k[i] = eb.raw[i] * 1e5;
            r.eb_rate_per_100k[i] = eb.estimate[i] * 1e5;
            population_complete &= !std::isnan(eb.raw[i]);
        }
    }
    const bool rate = o.value == HotspotValue::Rate || o.value == HotspotValue::EbRate;
    if (rate && !population_complete) {
        if (error) *error = "a rate needs the population of every unit (population_2020.csv; hexagons have none)";
        return r;
    }
    switch (o.value) {
    case HotspotValue::Count: r.value = in.count; break;
    case HotspotValue::Fatalities: r.value = in.fatalities.size() == n ? in.fatalities : in.count; break;
    case HotspotValue::Rate: r.value = r.rate_per_100k; break;
    case HotspotValue::EbRate: r.value = r.eb_rate_per_100k; break;
    }
    r.n_neighbours.resize(n);
    for (std::size_t i = 0; i < n; ++i) r.n_neighbours[i] = binary.cardinality(i);
    r.islands = binary.islands();

    std::vector<std::uint8_t> sig_g(n, 0), sig_l(n, 0);
    if (o.statistic != HotspotStatistic::Moran) {
        const auto w = include_self(binary);
        r.gistar_z = getis_ord_gistar(r.value, w);
        r.gistar_p.resize(n);
        for (std::size_t i = 0; i < n; ++i)
            r.gistar_p[i] = std::isnan(r.gistar_z[i]) ? std::nan("") : std::min(1.0, 2 * normal_upper_tail(std::fabs(r.gistar_z[i])));
        r.gistar_p_sim = pseudo_p_values(permute_gistar(r.value, w, o.permutation), o.p_rule);
        // An island's Gi* is its own value against the mean: not a cluster, so not shown as one.
        for (const auto i : r.islands) r.gistar_z[i] = r.gistar_p[i] = r.gistar_p_sim[i] = std::nan("");
        r.gistar_class = hotspot_classes(r.gistar_z, r.gistar_p, o.correction);
        sig_g = significant(r.gistar_p, o.alpha, o.correction);
    }
    if (o.statistic != HotspotStatistic::GiStar) {
        // Moran's I on EB rates uses Assunção and Reis's standardisation, which removes the
        // variance that differs with population (EBImoran).
        const bool eb = o.value == HotspotValue::EbRate;
        const std::vector<double> mv = eb ? eb_standardised(in.count, in.population) : r.value;
        r.moran_value = eb ? "EB-standardised rate (Assunção-Reis)" : hotspot_value_name(o.value);
        const auto w = row_standardise(binary);
        const auto lm = local_moran(mv, w);
        r.lisa_Ii = lm.Ii;
        r.lisa_z = lm.z;
        r.lisa_p_sim = pseudo_p_values(permute_local_moran(mv, w, o.permutation), o.p_rule);
        sig_l = significant(r.lisa_p_sim, o.alpha, o.correction);
        r.lisa_cluster = lisa_clusters(mv, w, sig_l);
        r.global = global_moran(mv, w);
        r.global_permutation = permute_global_moran(mv, w, o.permutation);
    }
    r.significant.resize(n);
    for (std::size_t i = 0; i < n; ++i) r.significant[i] = sig_g[i] || sig_l[i];
    return r;
}

}  // namespace mirador::stats
