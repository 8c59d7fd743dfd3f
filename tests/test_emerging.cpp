#include <catch2/catch.hpp>

#include <cmath>
#include <random>

#include "mirador/stats/EmergingHotSpots.hpp"
#include "mirador/stats/LocalStatistics.hpp"

using namespace mirador;
using namespace mirador::stats;

namespace {

// A unit's series of ten periods: 'H' hot (z = +3, p = 0.0027), 'C' cold (z = -3), '.' neither
// (z = 0.5, p = 0.62). `trend` adds t * trend to every z (the Mann-Kendall trend of the
// intensity) without changing which periods are significant.
EmergingCategory category(const char* pattern, double trend = 0) {
    std::vector<double> z, p;
    for (int t = 0; pattern[t]; ++t) {
        const char c = pattern[t];
        double v = c == 'H' ? 3.0 : c == 'C' ? -3.0 : 0.5 * ((t % 2) ? 1 : -1);
        // Alternate slightly so that a flat series has no trend.
        if (c != '.') v += ((t % 2) ? 0.05 : -0.05) + trend * t * (c == 'C' ? -1 : 1);
        z.push_back(v);
        p.push_back(2 * normal_upper_tail(std::fabs(v)));
    }
    return classify_emerging(z, p, {});
}

}  // namespace

TEST_CASE("Each of the 17 emerging hot spot categories on hand-built series", "[emerging]") {
    using E = EmergingCategory;
    CHECK(category(".........H") == E::NewHot);
    CHECK(category("CC.......H") == E::NewHot);  // never hot before: new, cold history or not
    CHECK(category(".......HHH") == E::ConsecutiveHot);
    CHECK(category("HHHHHHHHHH", 0.5) == E::IntensifyingHot);
    CHECK(category("HHHHHHHHHH") == E::PersistentHot);
    CHECK(category(".HHHHHHHHH") == E::PersistentHot);  // 90 %
    CHECK(category("HHHHHHHHHH", -0.1) == E::DiminishingHot);
    CHECK(category("..H..H...H") == E::SporadicHot);
    CHECK(category("H......HHH") == E::SporadicHot);  // hot before the final run
    CHECK(category(".C..H....H") == E::OscillatingHot);
    CHECK(category("HHHHHHHHH.") == E::HistoricalHot);
    CHECK(category(".........C") == E::NewCold);
    CHECK(category("........CC") == E::ConsecutiveCold);
    CHECK(category("CCCCCCCCCC", 0.5) == E::IntensifyingCold);
    CHECK(category("CCCCCCCCCC") == E::PersistentCold);
    CHECK(category("CCCCCCCCCC", -0.1) == E::DiminishingCold);
    CHECK(category("C...C....C") == E::SporadicCold);
    CHECK(category("..H.C....C") == E::OscillatingCold);
    CHECK(category("CCCCCCCCC.") == E::HistoricalCold);
    CHECK(category("..........") == E::NoPattern);
    CHECK(category("HHHH......") == E::NoPattern);  // hot once, not lately, under 90 %
    CHECK(std::string(emerging_category_name(E::OscillatingCold)) == "oscillating cold spot");
}

TEST_CASE("Mann-Kendall on known series", "[emerging]") {
    const std::vector<double> up = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
    const auto mk = mann_kendall(up);
    CHECK(mk.S == 45);
    CHECK(mk.tau == Approx(1.0));
    // Var = n(n-1)(2n+5)/18 = 10 * 9 * 25 / 18 = 125; z = (45 - 1) / sqrt(125).
    CHECK(mk.variance == Approx(125));
    CHECK(mk.z == Approx(44 / std::sqrt(125.0)));
    CHECK(mk.p < 0.001);
    const std::vector<double> tied = {1, 1, 2, 2};
    // S = 4 (each 1 below each 2); ties: two groups of 2 -> Var = (4*3*13 - 2*(2*1*9)) / 18 = 120/18.
    CHECK(mann_kendall(tied).S == 4);
    CHECK(mann_kendall(tied).variance == Approx(120.0 / 18));
}

TEST_CASE("Space-time Gi* equals Gi* on the cube's explicit weights", "[emerging]") {
    // Three units in a row over six periods, two time lags: the explicit weights of bin (i, t)
    // are every (j, t') with j in {i} + neighbours and t-2 <= t' <= t.
    const auto spatial = weights_from_lists({{1}, {0, 2}, {1}});
    SpaceTimeCube cube{3, 6, {}};
    std::mt19937 gen(3);
    std::poisson_distribution<int> poisson(4.0);
    for (std::size_t k = 0; k < 18; ++k) cube.values.push_back(poisson(gen));
    std::vector<std::vector<std::uint32_t>> lists(18);
    for (std::uint32_t t = 0; t < 6; ++t)
        for (std::uint32_t i = 0; i < 3; ++i) {
            auto& l = lists[t * 3 + i];
            for (std::uint32_t tt = t >= 2 ? t - 2 : 0; tt <= t; ++tt)
                for (std::uint32_t j = 0; j < 3; ++j)
                    if (j == i || (j + 1 == i || i + 1 == j)) l.push_back(tt * 3 + j);
            std::sort(l.begin(), l.end());
        }
    const auto explicit_z = getis_ord_gistar(cube.values, weights_from_lists(lists));
    const auto z = space_time_gistar(cube, spatial, 2);
    for (std::size_t k = 0; k < 18; ++k) CHECK(z[k] == Approx(explicit_z[k]).epsilon(1e-12));
}
