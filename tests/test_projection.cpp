#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>

#include "mirador/geo/MexicoLambert.hpp"
#include "mirador/geo/Projector.hpp"

using namespace mirador::geo;

TEST_CASE("EPSG:6372 puts its origin where INEGI defines it", "[projection]") {
    // Mexico ITRF2008 / LCC: latitude of origin 12 N, central meridian 102 W, false easting
    // 2,500,000 m, false northing 0.
    auto p = lonlat_to_display(DisplayCrs::Mexico6372);
    REQUIRE(p);
    const Vec2 o = p->forward(Vec2{-102.0, 12.0});
    CHECK(o.x == Approx(2500000.0).margin(0.001));
    CHECK(o.y == Approx(0.0).margin(0.001));
}

TEST_CASE("a known point goes to EPSG:6372 and back within 1 cm", "[projection]") {
    auto p = lonlat_to_display(DisplayCrs::Mexico6372);
    REQUIRE(p);
    const Vec2 culiacan{-107.3937561, 24.8088081};
    const Vec2 m = p->forward(culiacan);
    // Culiacán lies west of the central meridian and 1,400 km north of the origin latitude.
    CHECK(m.x < 2500000.0);
    CHECK(m.y > 1300000.0);
    const Vec2 back = p->inverse(m);
    const double dx_m = (back.x - culiacan.x) * 111320.0 * std::cos(culiacan.y * M_PI / 180.0);
    const double dy_m = (back.y - culiacan.y) * 110574.0;
    CHECK(std::hypot(dx_m, dy_m) < 0.01);
    // And the round trip the other way, in metres.
    const Vec2 again = p->forward(back);
    CHECK(std::hypot(again.x - m.x, again.y - m.y) < 0.01);
}

TEST_CASE("Web Mercator is selectable and lon/lat order is kept", "[projection]") {
    auto crs = parse_display_crs("EPSG:3857");
    REQUIRE(crs);
    auto p = lonlat_to_display(*crs);
    REQUIRE(p);
    const Vec2 m = p->forward(Vec2{-99.1332, 19.4326});
    CHECK(m.x == Approx(-11035535.0).margin(50.0));  // easting first, negative west of Greenwich
    CHECK(m.y == Approx(2205000.0).margin(2000.0));
    CHECK_FALSE(parse_display_crs("EPSG:9999999"));
}

TEST_CASE("the closed-form EPSG:6372 agrees with PROJ within 1 mm over Mexico and beyond", "[projection]") {
    auto proj = lonlat_to_display(DisplayCrs::Mexico6372);
    REQUIRE(proj);
    const MexicoLambert lcc;
    double worst = 0;
    int compared = 0;
    // Mexico's box and well beyond it (the US, Central America, the Pacific), every 0.25 degree.
    for (double lat = 5.0; lat <= 40.0; lat += 0.25)
        for (double lon = -125.0; lon <= -80.0; lon += 0.25) {
            const Vec2 want = proj->forward(Vec2{lon, lat});
            const Vec2 got = lcc.forward(lon, lat);
            worst = std::max(worst, std::hypot(got.x - want.x, got.y - want.y));
            ++compared;
        }
    CHECK(compared > 20000);
    CHECK(worst < 0.001);
    // Between the closed form's table nodes (every 1/32 degree of latitude; the grid above falls
    // on them): steps that are no multiple of it, up to the table's ends.
    worst = 0;
    for (double lat = -79.99; lat <= 89.6; lat += 0.0173)
        for (double lon = -118.0; lon <= -86.0; lon += 2.3) {
            const Vec2 want = proj->forward(Vec2{lon, lat});
            const Vec2 got = lcc.forward(lon, lat);
            worst = std::max(worst, std::hypot(got.x - want.x, got.y - want.y));
        }
    CHECK(worst < 0.001);
    // Far from the central meridian, where longitudes wrap (lon - lon0 past 180 degrees).
    for (const Vec2 ll : {Vec2{170.0, 20.0}, Vec2{-179.5, 10.0}, Vec2{179.9, 45.0}, Vec2{0.0, 60.0}}) {
        CAPTURE(ll.x, ll.y);
        const Vec2 want = proj->forward(ll);
        const Vec2 got = lcc.forward(ll.x, ll.y);
        CHECK(std::hypot(got.x - want.x, got.y - want.y) < 0.001);
    }
}
