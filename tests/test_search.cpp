#include <catch2/catch.hpp>

#include "TestData.hpp"
#include "mirador/geo/PlaceSearch.hpp"

using namespace mirador;
using namespace mirador::geo;

namespace {

std::string first_code(const PlaceSearch& s, const std::string& q) {
    const auto hits = s.find(q, 5);
    return hits.empty() ? "<none>" : hits.front().code;
}

}  // namespace

TEST_CASE("search finds places without accents in any case", "[search]") {
    const PlaceSearch s(test::default_boundaries());
    CHECK(first_code(s, "culiacan") == "25006");
    CHECK(first_code(s, "CULIACÁN") == "25006");
    CHECK(first_code(s, "Iguala") == "12035");
    CHECK(first_code(s, "aguililla") == "16002");
    CHECK(first_code(s, "san nicolas de los garza") == "19046");
    CHECK(first_code(s, "michoacan") == "16");  // the state before its municipalities
    CHECK(first_code(s, "Nuevo Leon") == "19");
    CHECK(first_code(s, "CDMX") == "09");
    CHECK(first_code(s, "Juárez, Chihuahua") == "08037");
    CHECK(first_code(s, "juarez, nuevo leon") == "19031");
    CHECK(s.find("zzzz").empty());
    const auto hits = s.find("culiacan");
    REQUIRE_FALSE(hits.empty());
    CHECK(hits.front().label == "Culiacán, Sinaloa");
}
