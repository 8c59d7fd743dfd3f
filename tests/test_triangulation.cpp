#include <catch2/catch.hpp>

#include <cmath>

#include "TestData.hpp"
#include "mirador/geo/EarClipTriangulator.hpp"
#include "mirador/geo/LayerLoader.hpp"
#include "mirador/geo/Triangulator.hpp"

using namespace mirador;
using namespace mirador::geo;

namespace {

// Every feature's triangles cover exactly its area (holes and islands included).
void check_areas(const PolygonLayer& layer, TriangulationMethod method) {
    const Triangulation t = triangulate(layer, method);
    REQUIRE(t.feature_first_index.size() == layer.feature_count() + 1);
    std::size_t bad = 0;
    double worst = 0;
    std::string worst_code;
    for (std::size_t f = 0; f < layer.feature_count(); ++f) {
        const double want = layer.feature_area(f);
        const double got = triangulated_area(layer, t, f);
        const double rel = std::abs(got - want) / want;
        if (rel > worst) worst = rel, worst_code = layer.attributes[f].code;
        if (rel > 1e-6) ++bad;
    }
    INFO("worst relative area error " << worst << " at " << worst_code);
    CHECK(bad == 0);
    CHECK(t.problems.empty());
}

}  // namespace

TEST_CASE("ear clipping: holes and touching holes and collinear points", "[triangulation]") {
    // A 10x10 square with a 2x2 hole, and a hole touching the outer ring at (0,5).
    const std::vector<Vec2> all{{0, 0}, {10, 0}, {10, 10}, {0, 10}, {0, 5},  // outer
                                {2, 2}, {2, 4},  {4, 4},   {4, 2},           // hole 1
                                {0, 5}, {3, 6},  {3, 4}};                    // hole 2
    std::vector<RingView> rings{{all.data(), 5}, {all.data() + 5, 4}, {all.data() + 9, 3}};
    std::vector<std::uint32_t> idx;
    REQUIRE(triangulate_ear_clipping(rings, 0, idx));
    double area = 0;
    for (std::size_t i = 0; i < idx.size(); i += 3) {
        const double a = orient2d(all[idx[i]], all[idx[i + 1]], all[idx[i + 2]]) * 0.5;
        CHECK(a >= 0);  // counter-clockwise
        area += a;
    }
    CHECK(area == Approx(100.0 - 4.0 - 3.0).epsilon(1e-12));
}

TEST_CASE("every bundled municipality triangulates to its exact area (ear clipping)", "[triangulation]") {
    check_areas(test::default_boundaries().municipalities, TriangulationMethod::EarClip);
}

TEST_CASE("every bundled municipality triangulates to its exact area (GEOS)", "[triangulation]") {
    check_areas(test::default_boundaries().municipalities, TriangulationMethod::GeosCdt);
}

TEST_CASE("every detailed municipality triangulates to its exact area", "[triangulation][data][detailed]") {
    REQUIRE_DATA_DIR();
    const PolygonLayer layer = test::load_data_layer("mx/mg2025_detailed/00mun.shp");
    CHECK(layer.feature_count() == 2475);
    check_areas(layer, TriangulationMethod::EarClip);
}
