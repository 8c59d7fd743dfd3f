// The scale bar and the north arrow measured on the ellipsoid, checked against quantities computed
// another way: the geodesic between two real cities straight from their coordinates, and the
// direction of a meridian from two projected points a few metres apart.
#include <geodesic.h>

#include <catch2/catch.hpp>

#include <cmath>

#include "mirador/geo/MapFurniture.hpp"

using namespace mirador::geo;

namespace {

const Vec2 kCuliacan{-107.3940, 24.8091}, kMazatlan{-106.4111, 23.2494};
const Vec2 kTijuana{-117.0382, 32.5149}, kCancun{-86.8515, 21.1619}, kMexicoCity{-99.1332, 19.4326};

double geodesic_km(Vec2 a, Vec2 b) {
    geod_geodesic g{};
    geod_init(&g, 6378137, 1 / 298.257223563);  // WGS84
    double metres = 0;
    geod_inverse(&g, a.y, a.x, b.y, b.x, &metres, nullptr, nullptr);
    return metres / 1000;
}

Vec2 project(DisplayCrs crs, Vec2 lonlat) {
    auto p = lonlat_to_display(crs);
    REQUIRE(p);
    return p->forward(lonlat);
}

// The angle, clockwise from +y, of the meridian's image through `lonlat`: a step of 1e-5 deg
// (about a metre) north, projected.
double meridian_angle_deg(DisplayCrs crs, Vec2 lonlat) {
    const Vec2 a = project(crs, lonlat), b = project(crs, Vec2{lonlat.x, lonlat.y + 1e-5});
    return std::atan2(b.x - a.x, b.y - a.y) * 180 / M_PI;
}

}  // namespace

TEST_CASE("round scale lengths are 1, 2 or 5 x 10^n and never above the limit", "[furniture]") {
    CHECK(round_scale_length(7.3) == 5);
    CHECK(round_scale_length(2) == 2);
    CHECK(round_scale_length(1.99) == 1);
    CHECK(round_scale_length(0.8) == Approx(0.5));
    CHECK(round_scale_length(0.0123) == Approx(0.01));
    CHECK(round_scale_length(150) == 100);
    CHECK(round_scale_length(499.9) == 200);
    CHECK(round_scale_length(1000) == 1000);
    CHECK(round_scale_length(0) == 0);
    CHECK(round_scale_length(-3) == 0);
    CHECK(scale_label(200) == "200 km");
    CHECK(scale_label(1) == "1 km");
    CHECK(scale_label(0.5) == "500 m");
}

TEST_CASE("the scale bar's km match the geodesic from Culiacán to Mazatlán", "[furniture]") {
    const double truth_km = geodesic_km(kCuliacan, kMazatlan);
    CHECK(truth_km > 190);
    CHECK(truth_km < 210);
    // A view centred between the two cities at a scale that puts them 600 pixels apart; the
    // scale bar's km for those 600 pixels, against the geodesic between the cities.
    auto measure = [](DisplayCrs crs, Vec2 from, Vec2 to, double* naive_km) {
        auto geometry = MapFurnitureGeometry::create(crs);
        REQUIRE(geometry);
        const Vec2 a = project(crs, from), b = project(crs, to);
        const Vec2 centre{(a.x + b.x) / 2, (a.y + b.y) / 2};
        const double pixels = 600, metres_per_pixel = std::hypot(b.x - a.x, b.y - a.y) / pixels;
        *naive_km = pixels * metres_per_pixel / 1000;
        return geometry->ground_km(centre, metres_per_pixel, pixels);
    };
    double naive = 0;
    // EPSG:6372 is conformal, so 600 px measure the same in every direction; only the scale's
    // change along the segment is left (well under 0.1 %).
    CHECK(measure(DisplayCrs::Mexico6372, kCuliacan, kMazatlan, &naive) == Approx(truth_km).epsilon(0.001));
    // Web Mercator is not: its spherical formulas on ellipsoidal coordinates stretch north-south
    // a little more than east-west (0.4 % on this mostly north-south pair). The bar is horizontal,
    // so it is measured east-west: along Culiacán's parallel it matches the geodesic exactly.
    const Vec2 same_parallel{kMazatlan.x, kCuliacan.y};
    CHECK(measure(DisplayCrs::WebMercator3857, kCuliacan, same_parallel, &naive) ==
          Approx(geodesic_km(kCuliacan, same_parallel)).epsilon(1e-4));
    CHECK(measure(DisplayCrs::WebMercator3857, kCuliacan, kMazatlan, &naive) == Approx(truth_km).epsilon(0.005));
    // The naive reading (pixels x metres per pixel) is 9 % too long here: this test tells the
    // two apart.
    CHECK(naive > truth_km * 1.08);
}

TEST_CASE("the scale bar is a round length that fits and is measured where it is drawn", "[furniture]") {
    for (DisplayCrs crs : {DisplayCrs::Mexico6372, DisplayCrs::WebMercator3857}) {
        INFO("EPSG:" << epsg_code(crs));
        auto geometry = MapFurnitureGeometry::create(crs);
        REQUIRE(geometry);
        for (double metres_per_pixel : {3.0, 250.0, 4000.0}) {
            INFO(metres_per_pixel << " m per pixel");
            const Vec2 centre = project(crs, kMexicoCity);
            auto bar = geometry->scale_bar(centre, metres_per_pixel, 200);
            REQUIRE(bar);
            CHECK(bar->km == round_scale_length(bar->km));
            CHECK(bar->pixels <= 200);
            CHECK(bar->pixels >= 200 * 0.4);  // 1-2-5 steps: the bar never shrinks below 2/5
            CHECK(geometry->ground_km(centre, metres_per_pixel, bar->pixels) == Approx(bar->km).epsilon(1e-6));
            CHECK(bar->label == scale_label(bar->km));
        }
    }
}

TEST_CASE("the north arrow leans with the meridians far from EPSG:6372's central meridian", "[furniture]") {
    auto lcc = MapFurnitureGeometry::create(DisplayCrs::Mexico6372);
    REQUIRE(lcc);
    // Tijuana, 15 deg west of -102: the meridian through it leans right toward the cone's apex;
    // Cancún, 15 deg east, leans left. The Lambert conic's convergence is about n x 15 deg, n ~ 0.4.
    const double tijuana = lcc->north_angle_deg(project(DisplayCrs::Mexico6372, kTijuana));
    const double cancun = lcc->north_angle_deg(project(DisplayCrs::Mexico6372, kCancun));
    CHECK(tijuana == Approx(meridian_angle_deg(DisplayCrs::Mexico6372, kTijuana)).margin(0.001));
    CHECK(cancun == Approx(meridian_angle_deg(DisplayCrs::Mexico6372, kCancun)).margin(0.001));
    CHECK(tijuana > 5);
    CHECK(cancun < -5);
    // On the central meridian north is up.
    CHECK(lcc->north_angle_deg(project(DisplayCrs::Mexico6372, Vec2{-102, 23})) == Approx(0).margin(1e-6));

    // Web Mercator's meridians are vertical everywhere.
    auto mercator = MapFurnitureGeometry::create(DisplayCrs::WebMercator3857);
    REQUIRE(mercator);
    CHECK(mercator->north_angle_deg(project(DisplayCrs::WebMercator3857, kTijuana)) == Approx(0).margin(1e-6));
    CHECK(meridian_angle_deg(DisplayCrs::WebMercator3857, kTijuana) == Approx(0).margin(1e-6));
}

TEST_CASE("a centre that cannot be measured gives no scale bar, with a reason", "[furniture]") {
    auto mercator = MapFurnitureGeometry::create(DisplayCrs::WebMercator3857);
    REQUIRE(mercator);
    // A view whose centre was lost (NaN from a degenerate extent) is said so, not drawn as 0 km.
    const Vec2 lost{std::nan(""), 1e6};
    CHECK(std::isnan(mercator->ground_km(lost, 10, 100)));
    CHECK(std::isnan(mercator->north_angle_deg(lost)));
    auto bar = mercator->scale_bar(lost, 10, 100);
    REQUIRE_FALSE(bar);
    CHECK(bar.error().find("EPSG:3857") != std::string::npos);
    CHECK_FALSE(mercator->scale_bar(Vec2{}, 0, 100));
}
