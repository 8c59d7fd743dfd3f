#pragma once
// The whole hot spot analysis of one set of unit values, as the command line and the window run
// it: the value (count, fatalities, rate per 100,000, Empirical Bayes rate), Gi* and/or local
// Moran with their analytic z and permutation pseudo p, the significance rule and correction,
// ArcGIS's classes and the LISA clusters, and global Moran's I.
#include <cstdint>
#include <string>
#include <vector>

#include "mirador/stats/LocalStatistics.hpp"
#include "mirador/stats/Permutation.hpp"
#include "mirador/stats/Significance.hpp"
#include "mirador/stats/SpatialWeights.hpp"

namespace mirador::stats {

enum class HotspotValue { Count, Fatalities, Rate, EbRate };
enum class HotspotStatistic { GiStar, Moran, Both };
bool parse_hotspot_value(const std::string& text, HotspotValue& out);
bool parse_hotspot_statistic(const std::string& text, HotspotStatistic& out);
const char* hotspot_value_name(HotspotValue v);

struct HotspotOptions {
    HotspotValue value = HotspotValue::Count;
    HotspotStatistic statistic = HotspotStatistic::Both;
    PermutationOptions permutation;
    PValueRule p_rule = PValueRule::Folded;
    Correction correction = Correction::None;
    double alpha = 0.05;
};

struct HotspotInput {
    std::vector<double> count, fatalities;
    std::vector<double> population;  // NaN where unknown (hexagons); empty: none known
};

struct HotspotResult {
    std::vector<double> value;  // what the statistics were computed on
    std::vector<double> rate_per_100k, eb_rate_per_100k;  // NaN without population
    std::vector<std::uint32_t> n_neighbours;
    std::vector<std::uint32_t> islands;
    // Gi* (when asked): analytic z and two-sided p, pseudo p, ArcGIS class -3..3.
    std::vector<double> gistar_z, gistar_p, gistar_p_sim;
    std::vector<int> gistar_class;
    // Local Moran (when asked): I_i, analytic z, pseudo p, cluster at alpha.
    std::vector<double> lisa_Ii, lisa_z, lisa_p_sim;
    std::vector<LisaCluster> lisa_cluster;
    std::vector<std::uint8_t> significant;  // at alpha after the correction, in the statistic(s) asked
    GlobalMoran global;
    GlobalPermutation global_permutation;
    std::string moran_value;  // what Moran's I was computed on ("EB-standardised rate" for eb-rate)
};

// `binary` are the neighbours with weight 1, self excluded (contiguity, knn, distance band).
// Fails (empty optional error text set) when a rate is asked without population.
HotspotResult run_hotspots(const HotspotInput& input, const SpatialWeights& binary, const HotspotOptions& o,
                           std::string* error = nullptr);

}  // namespace mirador::stats
