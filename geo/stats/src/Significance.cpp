#include "mirador/stats/Significance.hpp"

#include <algorithm>
#include <cmath>

#include "mirador/stats/LocalStatistics.hpp"

namespace mirador::stats {

std::vector<double> pseudo_p_values(const PermutationCounts& c, PValueRule rule) {
    const double R = c.permutations;
    std::vector<double> p(c.greater.size(), std::nan(""));
    for (std::size_t i = 0; i < p.size(); ++i) {
        if (std::isnan(c.mean[i])) continue;  // no neighbours, nothing was permuted
        if (rule == PValueRule::Folded) {
            const double M = c.greater[i];
            p[i] = (std::min(M, R - M) + 1) / (R + 1);
        } else {
            p[i] = (c.extreme[i] + 1.0) / (R + 1);
        }
    }
    return p;
}

double significance_cutoff(std::span<const double> p, double alpha, Correction correction) {
    std::vector<double> valid;
    for (const double v : p)
        if (!std::isnan(v)) valid.push_back(v);
    const auto m = static_cast<double>(valid.size());
    if (valid.empty()) return 0;
    switch (correction) {
    case Correction::None: return alpha;
    case Correction::Bonferroni: return alpha / m;
    case Correction::Fdr: {
        std::sort(valid.begin(), valid.end());
        double cut = 0;
        for (std::size_t k = 0; k < valid.size(); ++k)
            if (valid[k] <= static_cast<double>(k + 1) * alpha / m) cut = valid[k];
        return cut;
    }
    }
    return alpha;
}

std::vector<std::uint8_t> significant(std::span<const double> p, double alpha, Correction correction) {
    const double cut = significance_cutoff(p, alpha, correction);
    std::vector<std::uint8_t> s(p.size(), 0);
    // With FDR and no p-value passing, the cut-off is 0: nothing is significant (a p of 0 cannot occur).
    for (std::size_t i = 0; i < p.size(); ++i) s[i] = !std::isnan(p[i]) && p[i] <= cut && cut > 0;
    return s;
}

std::vector<int> hotspot_classes(std::span<const double> z, std::span<const double> p, Correction correction) {
    std::vector<int> c(z.size(), 0);
    const double levels[] = {0.10, 0.05, 0.01};
    for (int level = 0; level < 3; ++level) {
        const auto sig = significant(p, levels[level], correction);
        for (std::size_t i = 0; i < z.size(); ++i)
            if (sig[i] && !std::isnan(z[i])) c[i] = (z[i] > 0 ? 1 : -1) * (level + 1);
    }
    return c;
}

std::string hotspot_class_name(int c) {
    if (c == 0) return "not significant";
    static const char* confidence[] = {"90%", "95%", "99%"};
    return std::string(c > 0 ? "hot " : "cold ") + confidence[std::abs(c) - 1];
}

std::vector<LisaCluster> lisa_clusters(std::span<const double> x, const SpatialWeights& w,
                                       std::span<const std::uint8_t> sig) {
    double xbar = 0;
    for (const double v : x) xbar += v;
    xbar /= static_cast<double>(x.size());
    std::vector<double> z(x.size());
    for (std::size_t i = 0; i < x.size(); ++i) z[i] = x[i] - xbar;
    const auto lag = spatial_lag(z, w);
    std::vector<LisaCluster> out(x.size(), LisaCluster::NotSignificant);
    for (std::size_t i = 0; i < x.size(); ++i) {
        if (w.cardinality(i) == 0) {
            out[i] = LisaCluster::Neighbourless;
        } else if (sig[i]) {
            const bool high = z[i] > 0, high_lag = lag[i] > 0;
            out[i] = high ? (high_lag ? LisaCluster::HighHigh : LisaCluster::HighLow)
                          : (high_lag ? LisaCluster::LowHigh : LisaCluster::LowLow);
        }
    }
    return out;
}

const char* lisa_cluster_name(LisaCluster c) {
    switch (c) {
    case LisaCluster::NotSignificant: return "not significant";
    case LisaCluster::HighHigh: return "High-High";
    case LisaCluster::LowLow: return "Low-Low";
    case LisaCluster::LowHigh: return "Low-High";
    case LisaCluster::HighLow: return "High-Low";
    case LisaCluster::Neighbourless: return "neighbourless";
    }
    return "";
}

PValueRule parse_p_value_rule(const std::string& text, bool& ok) {
    ok = text == "folded" || text == "two-sided";
    return text == "two-sided" ? PValueRule::TwoSided : PValueRule::Folded;
}

Correction parse_correction(const std::string& text, bool& ok) {
    ok = text == "none" || text == "bonferroni" || text == "fdr";
    return text == "bonferroni" ? Correction::Bonferroni : text == "fdr" ? Correction::Fdr : Correction::None;
}

}  // namespace mirador::stats
