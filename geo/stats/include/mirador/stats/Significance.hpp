#pragma once
// From statistics to what a map shows: pseudo p-values by a stated rule, multiple-testing
// corrections, ArcGIS's hot/cold classes and the LISA cluster types.
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "mirador/stats/Permutation.hpp"

namespace mirador::stats {

// Pseudo p-value of R permutations:
//   Folded    (min(M, R - M) + 1) / (R + 1), M = permuted >= observed: GeoDa and PySAL's rule,
//             the smaller tail, at most 0.5;
//   TwoSided  (E + 1) / (R + 1), E = permuted at least as far from the permutations' mean as
//             the observed value, either side.
enum class PValueRule { Folded, TwoSided };
std::vector<double> pseudo_p_values(const PermutationCounts& counts, PValueRule rule);

enum class Correction { None, Bonferroni, Fdr };

// Which p-values are significant at alpha: none (p <= alpha), Bonferroni (p <= alpha / m) or
// Benjamini-Hochberg FDR (p <= p_(k), the largest sorted p with p_(k) <= k alpha / m). NaN
// p-values are never significant and do not count in m.
std::vector<std::uint8_t> significant(std::span<const double> p, double alpha, Correction correction);
// The p-value at or below which a test is significant (0 when none is).
double significance_cutoff(std::span<const double> p, double alpha, Correction correction);

// ArcGIS Hot Spot Analysis's Gi_Bin: +3/+2/+1 hot spot at 99/95/90 % confidence (p <= 0.01,
// 0.05, 0.10 after the correction), -3/-2/-1 cold, 0 not significant; z's sign says hot or cold.
std::vector<int> hotspot_classes(std::span<const double> z, std::span<const double> p, Correction correction);
std::string hotspot_class_name(int c);  // "hot 99%", "cold 95%", "not significant"

// LISA cluster types of a unit significant at alpha: the sign of its deviation from the mean and
// of its neighbours' (row-standardised lag of the deviations).
enum class LisaCluster : std::uint8_t { NotSignificant, HighHigh, LowLow, LowHigh, HighLow, Neighbourless };
std::vector<LisaCluster> lisa_clusters(std::span<const double> x, const SpatialWeights& row_standardised,
                                       std::span<const std::uint8_t> significant);
const char* lisa_cluster_name(LisaCluster c);  // "High-High" ...

PValueRule parse_p_value_rule(const std::string& text, bool& ok);
Correction parse_correction(const std::string& text, bool& ok);

}  // namespace mirador::stats
