#include "mirador/stats/EmergingHotSpots.hpp"

#include <algorithm>
#include <cmath>
#include <map>

#include "mirador/stats/LocalStatistics.hpp"

namespace mirador::stats {

std::vector<double> space_time_gistar(const SpaceTimeCube& cube, const SpatialWeights& spatial, unsigned time_lags) {
    const std::size_t N = cube.units, T = cube.periods;
    const auto n = static_cast<double>(N * T);
    double sum = 0;
    for (const double v : cube.values) sum += v;
    const double xbar = sum / n;
    double ss = 0;
    for (const double v : cube.values) ss += (v - xbar) * (v - xbar);
    const double s2 = ss / n;
    // s[t][i]: the sum over i and its spatial neighbours in period t; a bin's lag is the sum of
    // s over its time window. Binary weights, so W = S1 = the number of bins in the window.
    std::vector<double> s(N * T, 0.0), z(N * T, std::nan(""));
    std::vector<std::uint32_t> card(N);
    for (std::size_t i = 0; i < N; ++i) {
        const auto row = spatial.row(i);
        const bool self_listed = std::binary_search(row.begin(), row.end(), static_cast<std::uint32_t>(i));
        card[i] = static_cast<std::uint32_t>(row.size() + (self_listed ? 0 : 1));
        for (std::size_t t = 0; t < T; ++t) {
            double v = self_listed ? 0.0 : cube.at(t, i);
            for (const auto j : row) v += cube.at(t, j);
            s[t * N + i] = v;
        }
    }
    for (std::size_t i = 0; i < N; ++i) {
        double window = 0;
        for (std::size_t t = 0; t < T; ++t) {
            window += s[t * N + i];
            if (t > time_lags) window -= s[(t - time_lags - 1) * N + i];
            const double periods = static_cast<double>(std::min<std::size_t>(t, time_lags) + 1);
            const double W = card[i] * periods;
            const double var = s2 * (n * W - W * W) / (n - 1);
            z[t * N + i] = var > 0 ? (window - xbar * W) / std::sqrt(var) : std::nan("");
        }
    }
    return z;
}

MannKendall mann_kendall(std::span<const double> series) {
    std::vector<double> x;
    for (const double v : series)
        if (!std::isnan(v)) x.push_back(v);
    MannKendall mk;
    const std::size_t n = x.size();
    if (n < 2) return mk;
    for (std::size_t i = 0; i < n; ++i)
        for (std::size_t j = i + 1; j < n; ++j) mk.S += (x[j] > x[i]) - (x[j] < x[i]);
    // Ties in the values reduce the variance (and tau-b's denominator); time has none.
    std::map<double, std::size_t> groups;
    for (const double v : x) ++groups[v];
    const auto nd = static_cast<double>(n);
    double tie_var = 0, tie_pairs = 0;
    for (const auto& [value, count] : groups) {
        const auto t = static_cast<double>(count);
        tie_var += t * (t - 1) * (2 * t + 5);
        tie_pairs += t * (t - 1) / 2;
    }
    mk.variance = (nd * (nd - 1) * (2 * nd + 5) - tie_var) / 18.0;
    const double pairs = nd * (nd - 1) / 2;
    mk.tau = pairs - tie_pairs > 0 ? mk.S / std::sqrt(pairs * (pairs - tie_pairs)) : 0.0;
    if (mk.variance > 0) {
        mk.z = mk.S > 0 ? (mk.S - 1) / std::sqrt(mk.variance) : mk.S < 0 ? (mk.S + 1) / std::sqrt(mk.variance) : 0.0;
        mk.p = std::min(1.0, 2 * normal_upper_tail(std::fabs(mk.z)));
    }
    return mk;
}

const char* emerging_category_name(EmergingCategory c) {
    static const char* names[] = {"no pattern detected",
                                  "new hot spot", "consecutive hot spot", "intensifying hot spot",
                                  "persistent hot spot", "diminishing hot spot", "sporadic hot spot",
                                  "oscillating hot spot", "historical hot spot",
                                  "new cold spot", "consecutive cold spot", "intensifying cold spot",
                                  "persistent cold spot", "diminishing cold spot", "sporadic cold spot",
                                  "oscillating cold spot", "historical cold spot"};
    return names[static_cast<int>(c)];
}

namespace {

// The hot-spot rules, written once; cold spots are the same rules on the mirrored series.
// ArcGIS's definitions (Emerging Hot Spot Analysis, "Learn more"), with how we read the cases
// they leave open:
//   >= 90 % of periods hot and the last one hot: intensifying (significant upward Mann-Kendall
//      trend of the z-scores), diminishing (significant downward), else persistent;
//   >= 90 % hot, last one not hot: historical ("the most recent time period is not hot");
//   < 90 % hot and the last one hot:
//      hot only in the last period: new ("never been a hot spot before");
//      a single uninterrupted run of at least two hot periods at the end, never hot before it:
//         consecutive;
//      otherwise it was hot before, on and off: oscillating when it was ever a cold spot,
//         sporadic when never.
// A series that is cold before a single final hot period is new (the definition of new asks
// only that it was never hot), not oscillating.
enum class Kind { None, New, Consecutive, Intensifying, Persistent, Diminishing, Sporadic, Oscillating, Historical };

Kind classify_side(const std::vector<std::uint8_t>& hot, const std::vector<std::uint8_t>& cold, double trend_z_sign,
                   bool trend_significant) {
    const std::size_t T = hot.size();
    std::size_t hot_count = 0;
    for (const auto h : hot) hot_count += h;
    const bool last = T > 0 && hot[T - 1];
    const bool mostly = T > 0 && static_cast<double>(hot_count) >= 0.9 * static_cast<double>(T);
    if (mostly) {
        if (!last) return Kind::Historical;
        if (trend_significant && trend_z_sign > 0) return Kind::Intensifying;
        if (trend_significant && trend_z_sign < 0) return Kind::Diminishing;
        return Kind::Persistent;
    }
    if (!last) return Kind::None;
    if (hot_count == 1) return Kind::New;
    std::size_t run = 0;
    while (run < T && hot[T - 1 - run]) ++run;
    if (run >= 2 && run == hot_count) return Kind::Consecutive;
    for (std::size_t t = 0; t + 1 < T; ++t)
        if (cold[t]) return Kind::Oscillating;
    return Kind::Sporadic;
}

}  // namespace

EmergingCategory classify_emerging(std::span<const double> z, std::span<const double> p, const EmergingOptions& o) {
    const std::size_t T = z.size();
    std::vector<std::uint8_t> hot(T), cold(T);
    for (std::size_t t = 0; t < T; ++t) {
        const bool sig = !std::isnan(p[t]) && p[t] <= o.alpha;
        hot[t] = sig && z[t] > 0;
        cold[t] = sig && z[t] < 0;
    }
    const MannKendall mk = mann_kendall(z);
    const bool trend = mk.p <= o.trend_alpha && mk.S != 0;
    const Kind h = classify_side(hot, cold, mk.S, trend);
    if (h != Kind::None) return static_cast<EmergingCategory>(static_cast<int>(h));
    // Cold side: intensifying means ever colder, i.e. a downward trend of z.
    const Kind c = classify_side(cold, hot, -mk.S, trend);
    if (c != Kind::None) return static_cast<EmergingCategory>(static_cast<int>(c) + 8);
    return EmergingCategory::NoPattern;
}

EmergingResult emerging_hot_spots(const SpaceTimeCube& cube, const SpatialWeights& spatial, unsigned time_lags,
                                  const EmergingOptions& o) {
    EmergingResult r;
    r.z = space_time_gistar(cube, spatial, time_lags);
    r.p.resize(r.z.size());
    for (std::size_t k = 0; k < r.z.size(); ++k)
        r.p[k] = std::isnan(r.z[k]) ? std::nan("") : std::min(1.0, 2 * normal_upper_tail(std::fabs(r.z[k])));
    r.units.resize(cube.units);
    std::vector<double> zs(cube.periods), ps(cube.periods);
    for (std::size_t i = 0; i < cube.units; ++i) {
        for (std::size_t t = 0; t < cube.periods; ++t) {
            zs[t] = r.z[t * cube.units + i];
            ps[t] = r.p[t * cube.units + i];
            const bool sig = !std::isnan(ps[t]) && ps[t] <= o.alpha;
            r.units[i].hot_periods += sig && zs[t] > 0;
            r.units[i].cold_periods += sig && zs[t] < 0;
        }
        r.units[i].category = classify_emerging(zs, ps, o);
        r.units[i].trend = mann_kendall(zs);
    }
    return r;
}

}  // namespace mirador::stats
