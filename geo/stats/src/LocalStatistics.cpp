#include "mirador/stats/LocalStatistics.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace mirador::stats {

namespace {
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

double mean(std::span<const double> x) {
    double s = 0;
    for (const double v : x) s += v;
    return x.empty() ? kNaN : s / static_cast<double>(x.size());
}

// Deviations from the mean, their mean square m2 and mean fourth power m4.
struct Deviations {
    std::vector<double> z;
    double m2 = 0, m4 = 0;
    explicit Deviations(std::span<const double> x) : z(x.size()) {
        const double xbar = mean(x);
        for (std::size_t i = 0; i < x.size(); ++i) {
            z[i] = x[i] - xbar;
            m2 += z[i] * z[i];
            m4 += z[i] * z[i] * z[i] * z[i];
        }
        m2 /= static_cast<double>(x.size());
        m4 /= static_cast<double>(x.size());
    }
};
}  // namespace

double normal_upper_tail(double z) { return 0.5 * std::erfc(z / std::sqrt(2.0)); }

std::vector<double> spatial_lag(std::span<const double> x, const SpatialWeights& w) {
    std::vector<double> lag(w.size(), 0.0);
    for (std::size_t i = 0; i < w.size(); ++i) {
        double s = 0;
        for (auto k = w.first[i]; k < w.first[i + 1]; ++k) s += w.weights[k] * x[w.neighbours[k]];
        lag[i] = s;
    }
    return lag;
}

std::vector<double> getis_ord_gistar(std::span<const double> x, const SpatialWeights& w) {
    const auto n = static_cast<double>(x.size());
    const double xbar = mean(x);
    double ss = 0;
    for (const double v : x) ss += (v - xbar) * (v - xbar);
    const double s2 = ss / n;
    const auto lag = spatial_lag(x, w);
    std::vector<double> z(x.size(), kNaN);
    for (std::size_t i = 0; i < w.size(); ++i) {
        if (w.cardinality(i) == 0) continue;
        double Wi = 0, S1i = 0;
        for (const double v : w.row_weights(i)) Wi += v, S1i += v * v;
        const double var = s2 * ((n * S1i - Wi * Wi) / (n - 1));
        z[i] = (lag[i] - Wi * xbar) / std::sqrt(var);
    }
    return z;
}

LocalMoran local_moran(std::span<const double> x, const SpatialWeights& w) {
    const std::size_t count = x.size();
    const auto n = static_cast<double>(count);
    // mlvar = TRUE: the variance divides by n (the kurtosis is not needed when conditional).
    const Deviations d(x);
    const auto& z = d.z;
    const double m2 = d.m2;
    const auto lz = spatial_lag(z, w);
    LocalMoran r;
    r.Ii.assign(count, kNaN);
    r.expectation.assign(count, kNaN);
    r.variance.assign(count, kNaN);
    r.z.assign(count, kNaN);
    for (std::size_t i = 0; i < count; ++i) {
        if (w.cardinality(i) == 0) continue;
        double Wi = 0, wi2 = 0;
        for (const double v : w.row_weights(i)) Wi += v, wi2 += v * v;
        r.Ii[i] = z[i] / m2 * lz[i];
        r.expectation[i] = -(z[i] * z[i] * Wi) / ((n - 1) * m2);
        const double zm = z[i] / m2;
        r.variance[i] = zm * zm * (n / (n - 2)) * (wi2 - Wi * Wi / (n - 1)) * (m2 - z[i] * z[i] / (n - 1));
        r.z[i] = (r.Ii[i] - r.expectation[i]) / std::sqrt(r.variance[i]);
    }
    return r;
}

GlobalMoran global_moran(std::span<const double> x, const SpatialWeights& w) {
    const std::size_t count = x.size();
    const auto n = static_cast<double>(count);
    const Deviations d(x);
    const auto& z = d.z;
    const double m2 = d.m2 * n, m4 = d.m4 * n;  // sums, as moran.test writes them
    // S0 = sum w, S1 = 1/2 sum (w_ij + w_ji)^2, S2 = sum_i (row sum + column sum)^2.
    double S0 = 0, S1 = 0, cross = 0;
    std::vector<double> row_sum(count, 0.0), col_sum(count, 0.0);
    for (std::size_t i = 0; i < count; ++i)
        for (auto k = w.first[i]; k < w.first[i + 1]; ++k) {
            const std::uint32_t j = w.neighbours[k];
            const double wij = w.weights[k];
            S0 += wij;
            row_sum[i] += wij;
            col_sum[j] += wij;
            cross += wij * z[i] * z[j];
            const auto row_j = w.row(j);
            const auto at = std::lower_bound(row_j.begin(), row_j.end(), static_cast<std::uint32_t>(i));
            const double wji = at != row_j.end() && *at == i ? w.weights[w.first[j] + (at - row_j.begin())] : 0.0;
            // Each unordered pair is met from both ends when both links exist; a one-way link only once.
            if (wji != 0.0)
                S1 += 0.5 * (wij + wji) * (wij + wji);
            else
                S1 += wij * wij;
        }
    double S2 = 0;
    for (std::size_t i = 0; i < count; ++i) S2 += (row_sum[i] + col_sum[i]) * (row_sum[i] + col_sum[i]);
    GlobalMoran g;
    g.I = (n / S0) * cross / m2;
    g.expectation = -1.0 / (n - 1);
    const double K = n * m4 / (m2 * m2);
    const double S02 = S0 * S0, nn = n * n;
    double VI = n * (S1 * (nn - 3 * n + 3) - n * S2 + 3 * S02);
    VI -= K * (S1 * (nn - n) - 2 * n * S2 + 6 * S02);
    VI /= (n - 1) * (n - 2) * (n - 3) * S02;
    g.variance = VI - g.expectation * g.expectation;
    g.z = (g.I - g.expectation) / std::sqrt(g.variance);
    return g;
}

}  // namespace mirador::stats
