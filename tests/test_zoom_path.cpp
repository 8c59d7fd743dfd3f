// The van Wijk-Nuij zoom-and-pan path between slides: exact ends, the closed form reaching its
// target, a zoom out and back in between distant close-ups, a plain zoom into a nested view.
#include <catch2/catch.hpp>

#include <cmath>

#include "mirador/geo/ZoomPath.hpp"

using namespace mirador::geo;

namespace {

// Display-CRS metres (EPSG:6372), rounded: Tijuana and Cancún 3,300 km apart.
const Vec2 kTijuana{1'040'000, 2'340'000}, kCancun{4'330'000, 1'040'000};
const Vec2 kCountryCentre{2'500'000, 1'150'000};

double max_width(const ZoomPath& path, int steps = 400) {
    double widest = 0;
    for (int i = 0; i <= steps; ++i) widest = std::max(widest, path.at(i / double(steps)).width);
    return widest;
}

}  // namespace

TEST_CASE("a zoom path starts and ends exactly at its views", "[zoompath]") {
    const ZoomView from{kTijuana, 40'000}, to{kCancun, 25'000};
    const ZoomPath path(from, to);
    CHECK(path.at(0).centre == from.centre);
    CHECK(path.at(0).width == from.width);
    CHECK(path.at(1).centre == to.centre);
    CHECK(path.at(1).width == to.width);
    CHECK(path.at(-3).centre == from.centre);
    CHECK(path.at(7).centre == to.centre);
    // The closed form itself reaches the target (the exact ends above are not papering over it).
    const ZoomView end = path.along(path.length());
    CHECK(end.centre.x == Approx(to.centre.x).epsilon(1e-9));
    CHECK(end.centre.y == Approx(to.centre.y).epsilon(1e-9));
    CHECK(end.width == Approx(to.width).epsilon(1e-9));
}

TEST_CASE("between distant close-ups the path zooms out and back in", "[zoompath]") {
    const ZoomPath path({kTijuana, 40'000}, {kCancun, 40'000});
    const double widest = max_width(path);
    CHECK(widest > 20 * 40'000);  // far out enough to see both ends of a 3,300 km move
    // Symmetric ends: widest half way, and the width grows then shrinks.
    CHECK(path.at(0.5).width == Approx(widest).epsilon(1e-3));
    CHECK(path.at(0.25).width > path.at(0.1).width);
    CHECK(path.at(0.9).width < path.at(0.75).width);
    CHECK(path.duration_s() == ZoomPath::kMaxDurationS);  // a long trip plays at the longest
}

TEST_CASE("into a nested view the path only zooms in and the centre moves steadily", "[zoompath]") {
    // From all of Mexico (4,000 km wide) to Cancún's 40 km, which lies inside it.
    const ZoomView from{kCountryCentre, 4'000'000}, to{kCancun, 40'000};
    REQUIRE(std::abs(to.centre.x - from.centre.x) + to.width / 2 <= from.width / 2);
    for (double rho : {1.0, 1.2, std::sqrt(2.0)}) {
        INFO("rho " << rho);
        const ZoomPath path(from, to, rho);
        ZoomView previous = path.at(0);
        double previous_progress = 0;
        for (int i = 1; i <= 400; ++i) {
            const ZoomView v = path.at(i / 400.0);
            CHECK(v.width <= previous.width);
            const double progress = std::hypot(v.centre.x - from.centre.x, v.centre.y - from.centre.y);
            CHECK(progress >= previous_progress);
            previous = v;
            previous_progress = progress;
        }
    }
}

TEST_CASE("a zoom path's duration is clamped and its easing starts and ends at rest", "[zoompath]") {
    const ZoomView here{kCountryCentre, 100'000};
    CHECK(ZoomPath(here, here).length() == 0);
    CHECK(ZoomPath(here, here).duration_s() == ZoomPath::kMinDurationS);
    // A pure zoom by e: S = 1 / rho.
    const ZoomPath zoom(here, {kCountryCentre, 100'000 * std::exp(1.0)});
    CHECK(zoom.length() == Approx(1 / std::sqrt(2.0)));
    CHECK(zoom.duration_s() == Approx(1 / std::sqrt(2.0)));
    CHECK(zoom.at(0.5).width == Approx(100'000 * std::exp(0.5)));
    CHECK(ease_in_out_cubic(0) == 0);
    CHECK(ease_in_out_cubic(1) == 1);
    CHECK(ease_in_out_cubic(0.5) == Approx(0.5));
    CHECK(ease_in_out_cubic(0.01) < 0.001);  // slow start
    CHECK(1 - ease_in_out_cubic(0.99) < 0.001);  // slow end
    // A view of no width is a cut, not a path through NaN.
    const ZoomPath cut(here, {kCancun, 0});
    CHECK(std::isfinite(cut.at(0.5).width));
    CHECK(cut.at(1).centre == kCancun);
}
