#include "mirador/stats/EmpiricalBayes.hpp"

#include <algorithm>
#include <cmath>

namespace mirador::stats {

namespace {
bool usable(double events, double population) {
    return std::isfinite(events) && std::isfinite(population) && population > 0;
}

// The method-of-moments prior of EBest: b the overall rate, a = s2 - b / mean population.
void prior(std::span<const double> n, std::span<const double> x, double& a, double& b) {
    double nsum = 0, xsum = 0, m = 0;
    for (std::size_t i = 0; i < n.size(); ++i)
        if (usable(n[i], x[i])) nsum += n[i], xsum += x[i], ++m;
    b = xsum > 0 ? nsum / xsum : std::nan("");
    double s2 = 0;
    for (std::size_t i = 0; i < n.size(); ++i)
        if (usable(n[i], x[i])) {
            const double p = n[i] / x[i];
            s2 += x[i] * ((p - b) * (p - b) / xsum);
        }
    a = s2 - b / (xsum / m);
}
}  // namespace

EbGlobal eb_global(std::span<const double> n, std::span<const double> x) {
    EbGlobal r;
    prior(n, x, r.a, r.b);
    if (r.a < 0) r.a = 0;
    r.raw.assign(n.size(), std::nan(""));
    r.estimate.assign(n.size(), std::nan(""));
    for (std::size_t i = 0; i < n.size(); ++i) {
        if (!usable(n[i], x[i])) continue;
        r.raw[i] = n[i] / x[i];
        // With a = 0 (no extra-Poisson variation) every rate is the overall rate.
        r.estimate[i] = r.b + (r.a * (r.raw[i] - r.b)) / (r.a + r.b / x[i]);
    }
    return r;
}

EbLocal eb_local(std::span<const double> n, std::span<const double> x, const SpatialWeights& w) {
    const std::size_t N = n.size();
    EbLocal r;
    r.raw.assign(N, std::nan(""));
    r.estimate.assign(N, std::nan(""));
    auto members = [&](std::size_t i, auto&& visit) {
        visit(i);
        for (const auto j : w.row(i))
            if (j != i) visit(j);
    };
    // m_i: the rate of unit i's neighbourhood (itself included); nbar_i its mean population.
    std::vector<double> m(N, std::nan("")), nbar(N, std::nan("")), pop(N, std::nan(""));
    for (std::size_t i = 0; i < N; ++i) {
        double ri = 0, ni = 0, count = 0;
        bool ok = true;
        members(i, [&](std::size_t j) {
            ok &= usable(n[j], x[j]);
            ri += n[j], ni += x[j], ++count;
        });
        if (!ok) continue;
        m[i] = ri / ni;
        pop[i] = ni;
        nbar[i] = ni / count;
    }
    for (std::size_t i = 0; i < N; ++i) {
        if (!usable(n[i], x[i])) continue;
        r.raw[i] = n[i] / x[i];
        if (std::isnan(m[i])) continue;
        // spdep's EBlocal (geoda = FALSE) sums n_j (p_j - m_j)^2, each neighbour against its own
        // neighbourhood's rate m_j, not m_i (GeoDa's variant).
        double C = 0;
        bool ok = true;
        members(i, [&](std::size_t j) {
            ok &= !std::isnan(m[j]);
            C += x[j] * (n[j] / x[j] - m[j]) * (n[j] / x[j] - m[j]);
        });
        if (!ok) continue;
        const double a = std::max(0.0, C / pop[i] - m[i] / nbar[i]);
        // a = 0 and m = 0 (no events around): the estimate is the neighbourhood's rate, 0.
        const double denom = a + m[i] / x[i];
        r.estimate[i] = denom > 0 ? m[i] + (r.raw[i] - m[i]) * (a / denom) : m[i];
    }
    return r;
}

std::vector<double> eb_standardised(std::span<const double> n, std::span<const double> x) {
    double a = 0, b = 0;
    prior(n, x, a, b);
    a = std::max(a, 0.0);  // EBImoran.mc takes EBest's a, already clamped at 0
    std::vector<double> z(n.size(), std::nan(""));
    for (std::size_t i = 0; i < n.size(); ++i) {
        if (!usable(n[i], x[i])) continue;
        double v = a + b / x[i];
        if (v < 0) v = b / x[i];
        z[i] = (n[i] / x[i] - b) / std::sqrt(v);
    }
    return z;
}

}  // namespace mirador::stats
