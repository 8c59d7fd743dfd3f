#include <catch2/catch.hpp>

#include "mirador/geo/Text.hpp"

using namespace mirador::geo;

TEST_CASE("accents and case fold for matching", "[text]") {
    CHECK(fold_for_search("Michoacán de Ocampo") == "michoacan de ocampo");
    CHECK(fold_for_search("CULIACÁN") == "culiacan");
    CHECK(fold_for_search("San Nicolás de los Garza") == "san nicolas de los garza");
    CHECK(fold_for_search("Nuevo León") == "nuevo leon");
    CHECK(fold_for_search("Ñuu Savi") == "nuu savi");
    CHECK(fold_for_search("  Juárez,   Chihuahua ") == "juarez chihuahua");
    CHECK(fold_for_search("Güémez") == "guemez");
    // Decomposed accents (a + U+0301) fold the same as precomposed ones.
    CHECK(fold_for_search("Culiaca\xCC\x81n") == "culiacan");
}

TEST_CASE("UTF-8 validation and Latin-1 recovery", "[text]") {
    CHECK(is_valid_utf8("Culiacán"));
    CHECK_FALSE(is_valid_utf8("Culiac\xE1n"));     // Latin-1 á
    CHECK_FALSE(is_valid_utf8("\xC3"));            // truncated sequence
    CHECK_FALSE(is_valid_utf8("\xC0\xAF"));        // overlong
    CHECK(latin1_to_utf8("Culiac\xE1n") == "Culiacán");
    bool recoded = false;
    CHECK(ensure_utf8("Michoac\xE1n", &recoded) == "Michoacán");
    CHECK(recoded);
    CHECK(ensure_utf8("Michoacán", &recoded) == "Michoacán");
    CHECK_FALSE(recoded);
    CHECK(fold_for_search("Culiac\xE1n") == "culiacan");
}
