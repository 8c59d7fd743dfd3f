#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <limits>
#include <random>
#include <vector>

#include "mirador/geo/PointGrid.hpp"
#include "mirador/geo/PointStacks.hpp"

using namespace mirador::geo;

namespace {

// What the grid must answer: every point looked at.
template <typename Accept>
long brute_nearest(const std::vector<Vec2>& points, Vec2 at, double radius, Accept accept) {
    long best = -1;
    double best_d2 = radius * radius;
    for (std::size_t i = 0; i < points.size(); ++i) {
        const double dx = points[i].x - at.x, dy = points[i].y - at.y;
        const double d2 = dx * dx + dy * dy;
        if (!(d2 <= best_d2) || (best >= 0 && d2 == best_d2) || !accept(i)) continue;
        best = static_cast<long>(i);
        best_d2 = d2;
    }
    return best;
}

}  // namespace

TEST_CASE("point grid: the nearest accepted point within the radius, as a scan of every point finds it", "[grid]") {
    // 100k points like incidents: most around a few hot spots (many on the same spot), the
    // rest spread over a country-sized extent, some not placed (NaN).
    std::mt19937_64 rng(7);
    std::uniform_real_distribution<double> ux(2.5e6, 4.5e6), uy(0.3e6, 2.3e6), u01(0, 1);
    std::normal_distribution<double> scatter(0, 3000);
    std::vector<Vec2> hot(30);
    for (auto& h : hot) h = {ux(rng), uy(rng)};
    std::vector<Vec2> points(100000);
    for (auto& p : points) {
        const double kind = u01(rng);
        if (kind < 0.01) p = {std::nan(""), std::nan("")};
        else if (kind < 0.05) p = hot[static_cast<std::size_t>(u01(rng) * 30)];  // exactly on a hot spot: ties
        else if (kind < 0.7) {
            const Vec2 h = hot[static_cast<std::size_t>(u01(rng) * 30)];
            p = {h.x + scatter(rng), h.y + scatter(rng)};
        } else {
            p = {ux(rng), uy(rng)};
        }
    }
    const PointGrid grid(points);
    CHECK(grid.size() == points.size());

    auto every_third_hidden = [](std::size_t i) { return i % 3 != 0; };
    int found = 0;
    for (int q = 0; q < 3000; ++q) {
        Vec2 at;
        const double kind = u01(rng);
        if (kind < 0.3) at = hot[static_cast<std::size_t>(u01(rng) * 30)];
        else if (kind < 0.9) at = {ux(rng), uy(rng)};
        else at = {ux(rng) * 2 - 4e6, uy(rng) * 2 - 1e6};  // partly outside the points' extent
        // Radii from a pixel zoomed in to several pixels zoomed out to the whole country.
        const double radius = std::pow(10.0, 0.5 + u01(rng) * 5.5);
        const long expected = brute_nearest(points, at, radius, every_third_hidden);
        REQUIRE(grid.nearest(points, at, radius, every_third_hidden) == expected);
        REQUIRE(grid.nearest(points, at, radius) == brute_nearest(points, at, radius, [](std::size_t) { return true; }));
        found += expected >= 0;
    }
    CHECK(found > 1000);  // the queries did find points, not just agree on none
}

TEST_CASE("point grid: ties go to the lower index; radius edges, empty and degenerate input", "[grid]") {
    std::vector<Vec2> points = {{5, 5}, {0, 0}, {3, 4}, {0, 0}, {-3, -4}};
    const PointGrid grid(points);
    CHECK(grid.nearest(points, {0, 0}, 1) == 1);  // two on the spot: the lower index
    CHECK(grid.nearest(points, {0, 0}, 1, [](std::size_t i) { return i != 1; }) == 3);
    // 2 and 4 are both 5 away: the lower index, and the radius is inclusive.
    CHECK(grid.nearest(points, {0, 0}, 5, [](std::size_t i) { return i == 2 || i == 4; }) == 2);
    CHECK(grid.nearest(points, {0, 0}, 4.999, [](std::size_t i) { return i == 2 || i == 4; }) == -1);
    CHECK(grid.nearest(points, {100, 100}, 10) == -1);
    CHECK(grid.nearest(points, {100, 100}, std::numeric_limits<double>::infinity()) == 0);
    CHECK(grid.nearest(points, {std::nan(""), 0}, 10) == -1);

    const std::vector<Vec2> none;
    CHECK(PointGrid(none).nearest(none, {0, 0}, 1e9) == -1);
    const std::vector<Vec2> unplaced = {{std::nan(""), std::nan("")}};
    CHECK(PointGrid(unplaced).nearest(unplaced, {0, 0}, 1e9) == -1);
    const std::vector<Vec2> one_spot(1000, Vec2{7, 7});
    CHECK(PointGrid(one_spot).nearest(one_spot, {7, 8}, 1) == 0);
    std::vector<Vec2> line;
    for (int i = 0; i < 10000; ++i) line.push_back({static_cast<double>(i), 0});
    const PointGrid on_a_line(line);
    CHECK(on_a_line.nearest(line, {4321.2, 0.5}, 2) == 4321);
    CHECK(on_a_line.nearest(line, {-50, 0}, 49) == -1);
}

TEST_CASE("point stacks: exactly equal points grouped, as sorting every point finds them", "[grid][places]") {
    std::mt19937_64 rng(5);
    std::uniform_real_distribution<double> u(0, 1e5);
    std::uniform_int_distribution<int> pick(0, 29);
    // Ten thousand points: a third on one of 30 spots (municipal or state stand-ins), some NaN,
    // the rest scattered (a few of them equal by chance only after rounding, so exactly).
    std::vector<Vec2> spots(30);
    for (auto& s : spots) s = {u(rng), u(rng)};
    std::vector<Vec2> pts(10000);
    for (std::size_t i = 0; i < pts.size(); ++i) {
        if (i % 3 == 0) pts[i] = spots[static_cast<std::size_t>(pick(rng))];
        else if (i % 97 == 0) pts[i] = {std::nan(""), 1.0};
        else pts[i] = {std::round(u(rng) / 500) * 500, std::round(u(rng) / 500) * 500};
    }
    const PointStacks stacks(pts);

    // The same groups from a sort of every finite point.
    std::vector<std::uint32_t> order;
    for (std::uint32_t i = 0; i < pts.size(); ++i)
        if (std::isfinite(pts[i].x)) order.push_back(i);
    std::sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) {
        return pts[a].x != pts[b].x ? pts[a].x < pts[b].x : pts[a].y != pts[b].y ? pts[a].y < pts[b].y : a < b;
    });
    std::size_t groups = 0, members = 0;
    for (std::size_t k = 0; k < order.size();) {
        std::size_t end = k + 1;
        while (end < order.size() && pts[order[end]].x == pts[order[k]].x && pts[order[end]].y == pts[order[k]].y) ++end;
        if (end - k >= 2) {
            ++groups;
            members += end - k;
            const long s = stacks.stack_of(order[k]);
            REQUIRE(s >= 0);
            const auto m = stacks.members(static_cast<std::size_t>(s));
            REQUIRE(std::vector<std::uint32_t>(m.begin(), m.end()) == std::vector<std::uint32_t>(order.begin() + long(k), order.begin() + long(end)));
        } else {
            CHECK(stacks.stack_of(order[k]) == -1);
        }
        k = end;
    }
    CHECK(stacks.size() == groups);
    CHECK(stacks.stacked().size() == members);
    CHECK(groups >= 30);
    CHECK(stacks.stack_of(97) == -1);  // NaN: in no stack

    // A range of indices finds its stacked points in order.
    const auto between = stacks.members_between(1000, 2000);
    REQUIRE_FALSE(between.empty());
    for (std::size_t k = 0; k < between.size(); ++k) {
        CHECK(between[k].first >= 1000);
        CHECK(between[k].first < 2000);
        CHECK(static_cast<long>(between[k].second) == stacks.stack_of(between[k].first));
        if (k) CHECK(between[k - 1].first < between[k].first);
    }
    std::size_t expected = 0;
    for (std::size_t i = 1000; i < 2000; ++i) expected += stacks.stack_of(i) >= 0;
    CHECK(between.size() == expected);
    CHECK(PointStacks(std::vector<Vec2>{}).size() == 0);
    // -0 and +0 are one position.
    const std::vector<Vec2> zeros{{0.0, 1.0}, {-0.0, 1.0}, {1.0, 1.0}};
    const PointStacks z(zeros);
    REQUIRE(z.size() == 1);
    CHECK(z.members(0).size() == 2);
}
