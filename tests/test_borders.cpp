#include <catch2/catch.hpp>

#include <cmath>

#include "TestData.hpp"
#include "mirador/geo/LayerLoader.hpp"
#include "mirador/geo/SnapSimplify.hpp"
#include "mirador/geo/StateBorders.hpp"
#include "mirador/geo/Triangulator.hpp"

using namespace mirador;
using namespace mirador::geo;

namespace {

double length(const PolygonLayer& l, const std::vector<std::uint32_t>& edges, const std::vector<std::uint32_t>& next) {
    double s = 0;
    for (auto e : edges) s += std::hypot(l.vertices[next[e]].x - l.vertices[e].x, l.vertices[next[e]].y - l.vertices[e].y);
    return s;
}

double perimeter(const PolygonLayer& l) {
    double s = 0;
    for (std::size_t r = 0; r < l.ring_count(); ++r)
        for (std::uint32_t v = l.ring_first_vertex[r]; v < l.ring_first_vertex[r + 1]; ++v) {
            const Vec2 a = l.vertices[v], b = l.vertices[v + 1 == l.ring_first_vertex[r + 1] ? l.ring_first_vertex[r] : v + 1];
            s += std::hypot(b.x - a.x, b.y - a.y);
        }
    return s;
}

}  // namespace

TEST_CASE("state borders derived from municipalities match INEGI's state layer", "[borders][data]") {
    REQUIRE_DATA_DIR();
    const PolygonLayer mun_layer = test::load_data_layer("mx/00mun.shp");
    const PolygonLayer ent_layer = test::load_data_layer("mx/00ent.shp");
    const PolygonLayer* mun = &mun_layer;
    const PolygonLayer* ent = &ent_layer;
    const BorderEdges borders = classify_borders(*mun);
    // Every state outline (each shared border counted from both sides, as in 00ent) against
    // the derived state edges (shared ones counted once, coasts once).
    const double derived = length(*mun, borders.state_edges, borders.next);
    const double total_mun = perimeter(*mun);
    const double all_once = length(*mun, borders.all_edges, borders.next);
    const double ent_perimeter = perimeter(*ent);
    // coast + 2 x inter-state = 00ent perimeter; coast + inter-state = derived.
    // all_once = coast + inter-state + intra-state, and 2 x all_once - coast = total_mun.
    CHECK(derived < all_once);
    CHECK(all_once < total_mun);
    CHECK(derived > 0.5 * ent_perimeter);
    CHECK(derived < ent_perimeter);
}

TEST_CASE("every municipal border is drawn once and state borders are a subset", "[borders]") {
    const auto& b = test::default_boundaries();
    const auto& lv = b.levels.front();
    REQUIRE(lv.borders.all_edges.size() < b.municipalities.vertices.size());
    REQUIRE(lv.borders.all_edges.size() > b.municipalities.vertices.size() / 2);
    CHECK(lv.borders.state_edges.size() < lv.borders.all_edges.size());
    // Culiacán's neighbours inside Sinaloa share edges with it; Sinaloa's coast is a state edge.
    const long culiacan = b.municipalities.find_code("25006");
    REQUIRE(culiacan >= 0);
    std::size_t culiacan_state_edges = 0;
    const auto& l = b.municipalities;
    const std::uint32_t v0 = l.feature_vertex_begin(static_cast<std::size_t>(culiacan));
    const std::uint32_t v1 = l.feature_vertex_end(static_cast<std::size_t>(culiacan));
    for (auto e : lv.borders.state_edges) culiacan_state_edges += (e >= v0 && e < v1);
    CHECK(culiacan_state_edges > 0);           // its coast
    CHECK(culiacan_state_edges < v1 - v0);     // not all of its outline
}

TEST_CASE("snapping keeps shared borders shared and areas close", "[borders][lod]") {
    const auto& m = test::default_boundaries().municipalities;
    const PolygonLayer snapped = snap_to_grid(m, 1000.0);
    REQUIRE(snapped.feature_count() == m.feature_count());
    CHECK(snapped.vertices.size() < m.vertices.size());
    // Sinaloa's area changes by well under 1 % at a 1 km grid.
    double a = 0, b = 0;
    for (std::size_t f = 0; f < m.feature_count(); ++f)
        if (m.attributes[f].state_code == "25") a += m.feature_area(f), b += snapped.feature_area(f);
    CHECK(std::abs(a - b) / a < 0.01);
    // Shared edges still pair up: as many borders are shared after snapping as a
    // watertight coverage needs (each shared edge appears once in all_edges).
    const BorderEdges e = classify_borders(snapped);
    const double shared_fraction = 1.0 - double(e.all_edges.size()) / double(snapped.vertices.size());
    const BorderEdges e0 = classify_borders(m);
    const double shared_fraction0 = 1.0 - double(e0.all_edges.size()) / double(m.vertices.size());
    CHECK(shared_fraction > 0.9 * shared_fraction0);
}
