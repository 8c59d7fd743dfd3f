#include <catch2/catch.hpp>

#include <cmath>
#include <random>
#include <vector>

#include "scene/IncidentPicker.hpp"

using namespace mirador;

TEST_CASE("incident picker: the visible incident under the cursor, as a scan on screen finds it", "[incidents]") {
    std::mt19937_64 rng(11);
    std::uniform_real_distribution<double> ux(2.5e6, 4.5e6), uy(0.3e6, 2.3e6), u01(0, 1);
    std::normal_distribution<double> scatter(0, 2000);
    std::vector<geo::Vec2> xy(50000);
    std::vector<std::uint8_t> visible(xy.size());
    for (std::size_t i = 0; i < xy.size(); ++i) {
        xy[i] = u01(rng) < 0.5 ? geo::Vec2{3.5e6 + scatter(rng), 1.3e6 + scatter(rng)} : geo::Vec2{ux(rng), uy(rng)};
        if (i % 50 == 0) xy[i] = {std::nan(""), std::nan("")};
        visible[i] = std::isfinite(xy[i].x) && u01(rng) < 0.8;
    }
    const IncidentPicker picker(xy);
    CHECK(picker.size() == xy.size());
    auto even = [](std::size_t i) { return i % 2 == 0; };

    int found = 0;
    for (int q = 0; q < 500; ++q) {
        MapView view;
        view.metres_per_pixel = std::pow(10.0, u01(rng) * 4);  // 1 m to 10 km a pixel
        view.center = u01(rng) < 0.5 ? geo::Vec2{3.5e6, 1.3e6} : geo::Vec2{ux(rng), uy(rng)};
        const double sx = u01(rng) * view.width, sy = u01(rng) * view.height, radius_px = 1 + u01(rng) * 10;
        // On screen, as IncidentLayer::pick did before the grid; ties to the lower index.
        long expected = -1, expected_even = -1;
        double best = radius_px * radius_px, best_even = best;
        for (std::size_t i = 0; i < xy.size(); ++i) {
            if (!visible[i]) continue;
            const geo::Vec2 p = view.map_to_screen(xy[i]);
            const double d2 = (p.x - sx) * (p.x - sx) + (p.y - sy) * (p.y - sy);
            if (d2 < best || (expected < 0 && d2 <= best)) best = d2, expected = static_cast<long>(i);
            if (even(i) && (d2 < best_even || (expected_even < 0 && d2 <= best_even)))
                best_even = d2, expected_even = static_cast<long>(i);
        }
        REQUIRE(picker.pick(view, sx, sy, radius_px, xy, visible) == expected);
        REQUIRE(picker.pick(view, sx, sy, radius_px, xy, visible, even) == expected_even);
        found += expected >= 0;
    }
    CHECK(found > 50);
}
