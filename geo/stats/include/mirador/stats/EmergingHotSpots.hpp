#pragma once
// Emerging hot spots (ArcGIS Pro's Emerging Hot Spot Analysis): a space-time cube of values per
// unit and period, Gi* per period with the spatial neighbours over the current and k previous
// periods, the Mann-Kendall trend of each unit's z-series, and the 17 categories by ArcGIS's
// published definitions (see classify_emerging).
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "mirador/stats/SpatialWeights.hpp"

namespace mirador::stats {

struct SpaceTimeCube {
    std::size_t units = 0, periods = 0;
    std::vector<double> values;  // period-major: values[t * units + i]
    double at(std::size_t t, std::size_t i) const { return values[t * units + i]; }
};

// Gi* of every bin (unit i, period t) with binary weights on the bins (j, t') where j is i or
// one of its spatial neighbours (`spatial`, self excluded or included: i is added either way)
// and t - time_lags <= t' <= t; mean and variance over the whole cube (as spdep's localG on the
// cube's weights). Result in the cube's layout.
std::vector<double> space_time_gistar(const SpaceTimeCube& cube, const SpatialWeights& spatial, unsigned time_lags);

struct MannKendall {
    double S = 0;    // sum of signs of later minus earlier
    double tau = 0;  // Kendall's tau-b of the series against time
    double variance = 0, z = 0;
    double p = 1;    // two-sided, normal approximation with continuity correction
};
// NaN values are left out of the series.
MannKendall mann_kendall(std::span<const double> series);

enum class EmergingCategory : std::uint8_t {
    NoPattern,
    NewHot, ConsecutiveHot, IntensifyingHot, PersistentHot, DiminishingHot, SporadicHot, OscillatingHot, HistoricalHot,
    NewCold, ConsecutiveCold, IntensifyingCold, PersistentCold, DiminishingCold, SporadicCold, OscillatingCold,
    HistoricalCold,
};
constexpr int kEmergingCategoryCount = 17;
const char* emerging_category_name(EmergingCategory c);  // "new hot spot", ..., "no pattern detected"

struct EmergingOptions {
    double alpha = 0.05;        // a bin is a hot (cold) spot when its Gi* two-sided p <= alpha and z > 0 (< 0)
    double trend_alpha = 0.05;  // Mann-Kendall significance for intensifying / diminishing
};

// One unit's category from its Gi* z-series (oldest first) and the two-sided p of each z.
EmergingCategory classify_emerging(std::span<const double> z, std::span<const double> p, const EmergingOptions& o);

struct EmergingUnit {
    EmergingCategory category = EmergingCategory::NoPattern;
    MannKendall trend;
    std::uint32_t hot_periods = 0, cold_periods = 0;
};
struct EmergingResult {
    std::vector<double> z, p;  // cube layout
    std::vector<EmergingUnit> units;
};
EmergingResult emerging_hot_spots(const SpaceTimeCube& cube, const SpatialWeights& spatial, unsigned time_lags,
                                  const EmergingOptions& o);

}  // namespace mirador::stats
