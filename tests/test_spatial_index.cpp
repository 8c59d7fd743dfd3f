#include <catch2/catch.hpp>

#include <random>

#include "TestData.hpp"
#include "mirador/geo/LayerLoader.hpp"
#include "mirador/geo/SpatialIndex.hpp"

using namespace mirador;
using namespace mirador::geo;

namespace {

struct Place {
    const char* name;
    double lon, lat;
    const char* cvegeo;
};

// Town centres (INEGI's locality coordinates) and the municipality that holds them.
const Place kPlaces[] = {
    {"Culiacán Rosales", -107.3937561, 24.8088081, "25006"},
    {"Aguililla", -102.7883797, 18.7342314, "16002"},
    {"Iguala de la Independencia", -99.5383683, 18.3445492, "12035"},
    {"Bavispe", -108.9409186, 30.4801233, "26015"},
    {"Ciudad Juárez", -106.4850186, 31.7464653, "08037"},
    {"Altar", -111.8335719, 30.7133389, "26004"},
    {"Mexicali", -115.4755789, 32.6411758, "02002"},
    {"Playas de Rosarito", -117.0544589, 32.3636842, "02005"},
    {"Heroica Guaymas", -110.8892169, 27.9233197, "26029"},
    {"Cuauhtémoc, CDMX", -99.1518836, 19.4416467, "09015"},
    {"Guadalajara", -103.3422222, 20.6763889, "14039"},
    {"Monterrey", -100.3108917, 25.6646972, "19039"},
    {"San Nicolás de los Garza", -100.2895861, 25.7552528, "19046"},
    {"Mérida", -89.6243650, 20.9671842, "31050"},
    {"Oaxaca de Juárez", -96.7254503, 17.0599931, "20067"},
};

// Plain even-odd test over every ring: slow, obviously right.
bool contains_naive(const PolygonLayer& l, std::size_t f, Vec2 p) {
    bool inside = false;
    const std::uint32_t r0 = l.polygon_first_ring[l.feature_first_polygon[f]];
    const std::uint32_t r1 = l.polygon_first_ring[l.feature_first_polygon[f + 1]];
    for (std::uint32_t r = r0; r < r1; ++r) {
        const std::uint32_t b = l.ring_first_vertex[r], e = l.ring_first_vertex[r + 1];
        for (std::uint32_t i = b, j = e - 1; i < e; j = i++) {
            const Vec2 a = l.vertices[i], c = l.vertices[j];
            if ((a.y > p.y) != (c.y > p.y) && p.x < (c.x - a.x) * (p.y - a.y) / (c.y - a.y) + a.x) inside = !inside;
        }
    }
    return inside;
}

void check_places(const PolygonLayer& layer, const SpatialIndex& index) {
    for (const Place& pl : kPlaces) {
        INFO(pl.name);
        const long f = index.locate(test::to_6372(pl.lon, pl.lat));
        REQUIRE(f >= 0);
        CHECK(layer.attributes[static_cast<std::size_t>(f)].code == pl.cvegeo);
    }
    // The Pacific, the Gulf, Texas and Guatemala are in no municipality.
    CHECK(index.locate(test::to_6372(-112.0, 15.0)) == -1);
    CHECK(index.locate(test::to_6372(-93.0, 23.0)) == -1);
    CHECK(index.locate(test::to_6372(-98.0, 31.0)) == -1);
    CHECK(index.locate(test::to_6372(-90.5, 15.0)) == -1);
}

void check_against_naive(const PolygonLayer& layer, const SpatialIndex& index, int samples) {
    std::mt19937 rng(6372);
    std::uniform_real_distribution<double> ux(layer.bbox.min_x, layer.bbox.max_x), uy(layer.bbox.min_y, layer.bbox.max_y);
    std::vector<std::uint32_t> got;
    int mismatches = 0, inside = 0;
    for (int i = 0; i < samples; ++i) {
        const Vec2 p{ux(rng), uy(rng)};
        index.locate_all(p, got);
        std::vector<std::uint32_t> want;
        for (std::size_t f = 0; f < layer.feature_count(); ++f)
            if (layer.feature_bbox[f].contains(p) && contains_naive(layer, f, p)) want.push_back(static_cast<std::uint32_t>(f));
        if (got != want) ++mismatches;
        inside += !want.empty();
    }
    CHECK(mismatches == 0);
    CHECK(inside > samples / 4);  // the samples really exercise the inside case
}

}  // namespace

TEST_CASE("known places fall in the right municipality (bundled layer)", "[index]") {
    const auto& b = test::default_boundaries();
    check_places(b.municipalities, b.index);
}

TEST_CASE("the index agrees with a brute-force point-in-polygon test", "[index]") {
    const auto& b = test::default_boundaries();
    check_against_naive(b.municipalities, b.index, 4000);
}

TEST_CASE("known places fall in the right municipality (detailed layer)", "[index][data][detailed]") {
    REQUIRE_DATA_DIR();
    const PolygonLayer layer = test::load_data_layer("mx/mg2025_detailed/00mun.shp");
    const SpatialIndex index(layer);
    check_places(layer, index);
    check_against_naive(layer, index, 400);
}
