// A snapshot builds only the detail level it draws (BoundarySources::single_scale): that level
// must be the one the renderer would pick from all of them, vertex for vertex, so the one-scale
// shortcut cannot change a snapshot.
#include <catch2/catch.hpp>

#include "TestData.hpp"
#include "mirador/geo/Boundaries.hpp"

using namespace mirador;

namespace {

// The renderer's rule (BoundaryGeometry::level_for).
std::size_t drawn_level(const std::vector<geo::DetailLevel>& levels, double metres_per_pixel) {
    std::size_t best = 0;
    for (std::size_t i = 0; i < levels.size(); ++i)
        if (levels[i].cell_m <= geo::kLevelCellPixels * metres_per_pixel) best = i;
    return best;
}

geo::PolygonLayer municipalities() {
    geo::LayerLoadOptions o;
    o.path = test::default_gpkg();
    o.layer = "municipalities";
    auto layer = geo::load_polygon_layer(o);
    REQUIRE(layer);
    return std::move(layer).value();
}

}  // namespace

TEST_CASE("one scale: the single detail level made is the one drawn from all levels", "[boundaries][levels]") {
    const geo::PolygonLayer layer = municipalities();
    const auto all = geo::build_boundaries(layer, nullptr, geo::TriangulationMethod::EarClip);
    REQUIRE(all->levels.size() >= 3);  // the cases below cross several switches
    // From a city at full detail to all of Mexico on a small image.
    for (double mpp : {10.0, 70.0, 250.0, 900.0, 1000.0, 2500.0, 20000.0}) {
        CAPTURE(mpp);
        const auto one = geo::build_boundaries(layer, nullptr, geo::TriangulationMethod::EarClip, mpp);
        REQUIRE(one->levels.size() == 1);
        const geo::DetailLevel& expected = all->levels[drawn_level(all->levels, mpp)];
        const geo::DetailLevel& got = one->levels.front();
        CHECK(got.cell_m == expected.cell_m);
        const geo::PolygonLayer& a = expected.cell_m > 0 ? expected.layer : all->municipalities;
        const geo::PolygonLayer& b = got.cell_m > 0 ? got.layer : one->municipalities;
        REQUIRE(a.vertices.size() == b.vertices.size());
        bool same_vertices = true;
        for (std::size_t i = 0; i < a.vertices.size(); ++i)
            same_vertices = same_vertices && a.vertices[i].x == b.vertices[i].x && a.vertices[i].y == b.vertices[i].y;
        CHECK(same_vertices);
        CHECK(got.triangles.indices == expected.triangles.indices);
        CHECK(got.borders.all_edges == expected.borders.all_edges);
        CHECK(got.borders.state_edges == expected.borders.state_edges);
    }
}
