#include <catch2/catch.hpp>

#include <cmath>
#include <random>

#include "mirador/stats/EmpiricalBayes.hpp"
#include "mirador/stats/LocalStatistics.hpp"
#include "mirador/stats/Permutation.hpp"
#include "mirador/stats/Significance.hpp"
#include "mirador/stats/SpatialWeights.hpp"

using namespace mirador;
using namespace mirador::stats;

namespace {

// Five units in a row, 0 - 1 - 2 - 3 - 4, values 1 2 3 4 10: mean 4, deviations -3 -2 -1 0 6,
// sum of squares 50, so s2 = m2 = 10.
SpatialWeights path5() { return weights_from_lists({{1}, {0, 2}, {1, 3}, {2, 4}, {3}}); }
const std::vector<double> kPathValues = {1, 2, 3, 4, 10};

// A rook lattice of w x h cells.
SpatialWeights lattice(int w, int h) {
    std::vector<std::vector<std::uint32_t>> l(static_cast<std::size_t>(w * h));
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x) {
            auto& row = l[static_cast<std::size_t>(y * w + x)];
            if (y > 0) row.push_back(static_cast<std::uint32_t>((y - 1) * w + x));
            if (x > 0) row.push_back(static_cast<std::uint32_t>(y * w + x - 1));
            if (x < w - 1) row.push_back(static_cast<std::uint32_t>(y * w + x + 1));
            if (y < h - 1) row.push_back(static_cast<std::uint32_t>((y + 1) * w + x));
        }
    return weights_from_lists(l);
}

}  // namespace

TEST_CASE("Gi* on a hand-checked example", "[hotspots]") {
    const auto z = getis_ord_gistar(kPathValues, include_self(path5()));
    // Unit 0: {0, 1}, W = S1 = 2, lag 3: (3 - 2 * 4) / sqrt(10 (5 * 2 - 4) / 4) = -5 / sqrt(15).
    CHECK(z[0] == Approx(-5 / std::sqrt(15.0)).epsilon(1e-12));
    // Unit 2: {1, 2, 3}, W = 3, lag 9: (9 - 12) / sqrt(10 (15 - 9) / 4).
    CHECK(z[2] == Approx(-3 / std::sqrt(15.0)).epsilon(1e-12));
    CHECK(z[4] == Approx(6 / std::sqrt(15.0)).epsilon(1e-12));
}

TEST_CASE("Local and global Moran on a hand-checked example", "[hotspots]") {
    const auto w = row_standardise(path5());
    const auto m = local_moran(kPathValues, w);
    // Unit 0: I = (-3 / 10) * (-2) = 0.6; E = -(9 * 1) / (4 * 10) = -0.225;
    // Var = (0.3)^2 * 5/3 * (1 - 1/4) * (10 - 9/4) = 0.871875.
    CHECK(m.Ii[0] == Approx(0.6).epsilon(1e-12));
    CHECK(m.expectation[0] == Approx(-0.225).epsilon(1e-12));
    CHECK(m.variance[0] == Approx(0.871875).epsilon(1e-12));
    CHECK(m.z[0] == Approx(0.825 / std::sqrt(0.871875)).epsilon(1e-12));
    CHECK(m.Ii[4] == 0);  // its neighbour is at the mean
    // Global: sum w z z = 6 + (3 + 1) + 1 + 0 + 0 = 11; I = 5/5 * 11/50.
    const auto g = global_moran(kPathValues, w);
    CHECK(g.I == Approx(0.22).epsilon(1e-12));
    CHECK(g.expectation == Approx(-0.25));
}

TEST_CASE("Islands get no statistic and no division by zero", "[hotspots]") {
    const auto w = weights_from_lists({{1}, {0}, {}});
    CHECK(w.islands() == std::vector<std::uint32_t>{2});
    const auto rs = row_standardise(w);
    CHECK(rs.cardinality(2) == 0);
    const std::vector<double> x = {1, 2, 3};
    CHECK(std::isnan(local_moran(x, rs).z[2]));
    const auto p = pseudo_p_values(permute_local_moran(x, rs, {}), PValueRule::Folded);
    CHECK(std::isnan(p[2]));
    const auto c = lisa_clusters(x, rs, std::vector<std::uint8_t>(3, 1));
    CHECK(c[2] == LisaCluster::Neighbourless);
    // Gi* with self: the island is its own neighbourhood, W^2 = n S1 - ... still defined.
    CHECK(include_self(w).islands() == std::vector<std::uint32_t>{2});
}

TEST_CASE("Empirical Bayes on a hand-checked example", "[hotspots]") {
    // Events 1, 0, 3 in populations 100, 200, 100: b = 4/400 = 0.01; s2 = (200 * 1e-4 + 100 *
    // 4e-4) / 400 = 1.5e-4; a = 1.5e-4 - 0.01 / (400/3) = 7.5e-5.
    const std::vector<double> n = {1, 0, 3}, x = {100, 200, 100};
    const auto eb = eb_global(n, x);
    CHECK(eb.b == Approx(0.01).epsilon(1e-12));
    CHECK(eb.a == Approx(7.5e-5).epsilon(1e-12));
    CHECK(eb.estimate[2] == Approx(0.01 + 7.5e-5 * 0.02 / (7.5e-5 + 1e-4)).epsilon(1e-12));
    CHECK(eb.estimate[0] == Approx(0.01).epsilon(1e-12));  // its raw rate is the overall rate
    const auto z = eb_standardised(n, x);
    CHECK(z[2] == Approx(0.02 / std::sqrt(7.5e-5 + 1e-4)).epsilon(1e-12));
}

TEST_CASE("FDR and Bonferroni cut-offs on a known list", "[hotspots]") {
    // Benjamini and Hochberg's rule at 0.05 on ten p-values: k * 0.005 is passed by the first two
    // (0.001 <= 0.005, 0.008 <= 0.010) and by no later one.
    const std::vector<double> p = {0.042, 0.001, 0.205, 0.039, 0.008, 0.216, 0.041, 0.06, 0.074, 0.212};
    CHECK(significance_cutoff(p, 0.05, Correction::Fdr) == 0.008);
    CHECK(significance_cutoff(p, 0.05, Correction::Bonferroni) == Approx(0.005));
    const auto fdr = significant(p, 0.05, Correction::Fdr);
    const auto bonf = significant(p, 0.05, Correction::Bonferroni);
    const auto none = significant(p, 0.05, Correction::None);
    CHECK(std::count(fdr.begin(), fdr.end(), 1) == 2);
    CHECK(fdr[1] == 1);
    CHECK(fdr[4] == 1);
    CHECK(std::count(bonf.begin(), bonf.end(), 1) == 1);
    CHECK(std::count(none.begin(), none.end(), 1) == 5);
    // ArcGIS classes: z's sign, 99/95/90 by p.
    const std::vector<double> z = {3, -2.1, 1.7, 0.5}, pz = {0.002, 0.03, 0.08, 0.6};
    CHECK(hotspot_classes(z, pz, Correction::None) == std::vector<int>{3, -2, 1, 0});
    CHECK(hotspot_class_name(-2) == "cold 95%");
}

TEST_CASE("Permutation p-values are reproducible with a seed, whatever the threads", "[hotspots]") {
    const auto w = lattice(20, 20);
    std::mt19937_64 gen(7);
    std::normal_distribution<double> normal;
    std::vector<double> x(w.size());
    for (auto& v : x) v = normal(gen);
    PermutationOptions one{999, 42, 1}, two{999, 42, 2}, other{999, 43, 2};
    const auto a = permute_gistar(x, include_self(w), one), b = permute_gistar(x, include_self(w), two);
    CHECK(a.greater == b.greater);
    CHECK(a.extreme == b.extreme);
    const auto c = permute_gistar(x, include_self(w), other);
    CHECK(a.greater != c.greater);
    const auto rs = row_standardise(w);
    CHECK(permute_local_moran(x, rs, one).greater == permute_local_moran(x, rs, two).greater);
    CHECK(permute_global_moran(x, rs, one).greater == permute_global_moran(x, rs, two).greater);
}

TEST_CASE("Permutation moments and p-values agree with the analytic ones on normal values", "[hotspots]") {
    // Conditional randomisation is what spdep's conditional local Moran moments describe, so the
    // permutations' mean and variance must match them within Monte Carlo error, and the
    // two-sided pseudo p the normal p.
    const auto w = row_standardise(lattice(30, 30));
    std::mt19937_64 gen(11);
    std::normal_distribution<double> normal;
    std::vector<double> x(w.size());
    for (auto& v : x) v = normal(gen);
    const unsigned R = 9999;
    const auto m = local_moran(x, w);
    const auto c = permute_local_moran(x, w, {R, 5, 0});
    const auto p = pseudo_p_values(c, PValueRule::TwoSided);
    double worst_mean = 0, sum_abs_p = 0, worst_p = 0;
    for (std::size_t i = 0; i < x.size(); ++i) {
        const double se = std::sqrt(m.variance[i] / R);
        worst_mean = std::max(worst_mean, std::fabs(c.mean[i] - m.expectation[i]) / se);
        CHECK(c.sd[i] * c.sd[i] == Approx(m.variance[i]).epsilon(0.15));
        const double analytic = 2 * normal_upper_tail(std::fabs(m.z[i]));
        sum_abs_p += std::fabs(p[i] - analytic);
        worst_p = std::max(worst_p, std::fabs(p[i] - analytic));
    }
    CHECK(worst_mean < 5);  // standard errors, over 900 units
    CHECK(sum_abs_p / x.size() < 0.02);
    CHECK(worst_p < 0.1);
    // Global Moran on independent values: not significant, most of the time.
    const auto g = permute_global_moran(x, w, {999, 5, 0});
    CHECK(g.p_greater > 0.01);
}

TEST_CASE("Spatial weights: knn, distance band, row standardisation", "[hotspots]") {
    const std::vector<geo::Vec2> pts = {{0, 0}, {1, 0}, {3, 0}, {10, 0}};
    const auto k1 = knn_weights(pts, 1);
    CHECK(std::vector<std::uint32_t>(k1.row(0).begin(), k1.row(0).end()) == std::vector<std::uint32_t>{1});
    CHECK(std::vector<std::uint32_t>(k1.row(3).begin(), k1.row(3).end()) == std::vector<std::uint32_t>{2});
    const auto k2 = knn_weights(pts, 2);
    CHECK(std::vector<std::uint32_t>(k2.row(2).begin(), k2.row(2).end()) == std::vector<std::uint32_t>{0, 1});
    const auto d = distance_band_weights(pts, 2.0);
    CHECK(d.cardinality(0) == 1);
    CHECK(d.cardinality(1) == 2);
    CHECK(d.islands() == std::vector<std::uint32_t>{3});
    const auto rs = row_standardise(d);
    CHECK(rs.row_weights(1)[0] == 0.5);
    NeighbourRule rule;
    std::string error;
    CHECK(parse_neighbour_rule("knn:6", rule, error));
    CHECK(rule.k == 6);
    CHECK(parse_neighbour_rule("distance:25", rule, error));
    CHECK(rule.distance_km == 25);
    CHECK_FALSE(parse_neighbour_rule("knn:0", rule, error));
    CHECK_FALSE(parse_neighbour_rule("bishop", rule, error));
}
