#include <catch2/catch.hpp>

#include <cmath>
#include <limits>
#include <random>
#include <vector>

#include "mirador/geo/PointGrid.hpp"

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
