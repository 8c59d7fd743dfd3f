#include <catch2/catch.hpp>

#include <cmath>
#include <map>

#include "TestData.hpp"
#include "mirador/geo/Geocoder.hpp"
#include "mirador/geo/IncidentCsv.hpp"

using namespace mirador;
using namespace mirador::geo;

namespace {

struct World {
    Gazetteer gazetteer;
    PopulationTable population;
    std::unique_ptr<Geocoder> geocoder;
};

// The bundled boundaries with INEGI's localities and population, when the data is present.
const World* world() {
    static std::unique_ptr<World> w = []() -> std::unique_ptr<World> {
        if (test::data_dir().empty()) return nullptr;
        auto out = std::make_unique<World>();
        auto g = load_gazetteer(test::data_dir() + "/gazetteer/localidades_mx.csv");
        auto p = load_population(test::data_dir() + "/mx/population_2020.csv");
        if (!g || !p) return nullptr;
        out->gazetteer = std::move(g).value();
        out->population = std::move(p).value();
        out->geocoder = std::make_unique<Geocoder>(test::default_boundaries(), &out->gazetteer, &out->population);
        return out;
    }();
    return w.get();
}

std::string code_of(const GeocodeResult& r) {
    if (r.municipality < 0) return r.state >= 0 ? test::default_boundaries().states[static_cast<std::size_t>(r.state)].code : "";
    return test::default_boundaries().municipalities.attributes[static_cast<std::size_t>(r.municipality)].code;
}

}  // namespace

TEST_CASE("the gazetteer loads with alternate names", "[geocode][data]") {
    REQUIRE_DATA_DIR();
    const World* w = world();
    REQUIRE(w);
    CHECK(w->gazetteer.localities.size() == 50755);
    const auto* aguaje = w->gazetteer.find("el aguaje");
    REQUIRE(aguaje);
    bool bonifacio = false;
    for (auto i : *aguaje) bonifacio |= w->gazetteer.localities[i].name == "Bonifacio Moreno (El Aguaje)";
    CHECK(bonifacio);
    CHECK(w->population.at("25006") > 800000);
}

TEST_CASE("coordinates go to the municipality that contains them", "[geocode][data]") {
    REQUIRE_DATA_DIR();
    const Geocoder& g = *world()->geocoder;
    const auto r = g.locate(-107.3937561, 24.8088081);
    CHECK(r.status == GeoStatus::Matched);
    CHECK(r.precision == GeoPrecision::Point);
    CHECK(code_of(r) == "25006");
    const auto sea = g.locate(-112.0, 15.0);
    CHECK(sea.status == GeoStatus::Outside);
}

TEST_CASE("place names resolve with and without accents, by the stated rule", "[geocode][data]") {
    REQUIRE_DATA_DIR();
    const Geocoder& g = *world()->geocoder;
    struct Case {
        const char *place, *state, *code;
        GeoPrecision precision;
    } cases[] = {
        {"Culiacán", "Sinaloa", "25006", GeoPrecision::Municipality},
        {"culiacan", "", "25006", GeoPrecision::Municipality},
        {"CULIACAN, SINALOA", "", "25006", GeoPrecision::Municipality},
        {"Iguala", "Guerrero", "12035", GeoPrecision::Municipality},  // prefix of Iguala de la Independencia
        {"Tepochica", "Guerrero", "12035", GeoPrecision::Locality},   // a village of Iguala
        {"Aguililla", "Michoacán", "16002", GeoPrecision::Municipality},
        {"Bavispe, Sonora", "", "26015", GeoPrecision::Municipality},
        {"Ciudad Juárez", "", "08037", GeoPrecision::Locality},      // by population, 10x the next
        {"Juárez", "Chihuahua", "08037", GeoPrecision::Municipality},
        {"Juarez", "Nuevo Leon", "19031", GeoPrecision::Municipality},
        {"Mexico City", "", "09", GeoPrecision::State},
        {"CDMX", "", "09", GeoPrecision::State},
        {"Ciudad de México", "", "09", GeoPrecision::State},
        {"Sinaloa", "", "25", GeoPrecision::State},
        {"Chihuahua", "Chihuahua", "08019", GeoPrecision::Municipality},  // the city, not the state
        {"San Nicolás de los Garza", "NL", "19046", GeoPrecision::Municipality},
    };
    for (const auto& c : cases) {
        INFO(c.place << " / " << c.state);
        const auto r = g.resolve(c.place, c.state);
        INFO(r.note);
        CHECK(r.status == GeoStatus::Matched);
        CHECK(r.precision == c.precision);
        CHECK(code_of(r) == c.code);
        CHECK(std::isfinite(r.lon));
        if (r.municipality >= 0) {  // the point given lies inside the municipality named
            const auto back = g.locate(r.lon, r.lat);
            CHECK(back.municipality == r.municipality);
        }
    }
}

TEST_CASE("ambiguous and unknown places are reported, not guessed", "[geocode][data]") {
    REQUIRE_DATA_DIR();
    const Geocoder& g = *world()->geocoder;
    const auto juarez = g.resolve("Juárez", "");
    CHECK(juarez.status == GeoStatus::Ambiguous);
    CHECK_THAT(juarez.note, Catch::Contains("08037") && Catch::Contains("19031"));
    CHECK_FALSE(std::isfinite(juarez.lon));
    // Two villages called El Aguaje in Michoacán (Aguililla 2,550 people, another 313): not 10x apart.
    const auto aguaje = g.resolve("El Aguaje", "Michoacán");
    CHECK(aguaje.status == GeoStatus::Ambiguous);
    CHECK_THAT(aguaje.note, Catch::Contains("16002"));
    const auto none = g.resolve("Nowhereville", "Sonora");
    CHECK(none.status == GeoStatus::Unmatched);
    CHECK_THAT(none.note, Catch::Contains("Nowhereville") && Catch::Contains("Sonora"));
    const auto bad_state = g.resolve("Culiacán", "Atlantis");
    CHECK(code_of(bad_state) == "25006");
    CHECK_THAT(bad_state.note, Catch::Contains("Atlantis"));
}

TEST_CASE("every seed incident lands in its municipality", "[geocode][data][seed]") {
    REQUIRE_DATA_DIR();
    const Geocoder& g = *world()->geocoder;
    std::vector<std::string> problems;
    auto store = load_incident_csv(test::assets_dir() + "/incidents/seed-incidents.csv", &problems);
    REQUIRE(store);
    CHECK(problems.empty());
    // Municipalities from the seed articles (assets/incidents/SOURCES.md).
    const std::map<std::string, std::string> expected = {
        {"culiacan-2019-10-17-battle", "25006"},         {"culiacan-2019-10-17-prison-escape", "25006"},
        {"aguililla-2019-10-14-police-ambush", "16002"}, {"tepochica-2019-10-15-clash", "12035"},
        {"lebaron-2019-11-04-massacre", "26015"},        {"iguala-2014-09-26-ayotzinapa", "12035"},
        {"culiacan-2020-01-marine-capture", "25006"},    {"altar-2021-07-02-gunfight", "26004"},
        {"rosarito-2021-07-02-tolin-attack", "02005"},   {"rosarito-2021-07-02-tolin-arrest", "02005"},
        {"guaymas-2021-07-neri-arrest", "26029"},        {"mexico-city-2019-10-marine-raid", "09015"},
        {"ciudad-juarez-2011-federal-withdrawal", "08037"},
    };
    REQUIRE(store->size() == expected.size());
    for (std::size_t i = 0; i < store->size(); ++i) {
        const std::string id(store->id(i));
        INFO(id);
        const auto r = g.locate(store->lon()[i], store->lat()[i]);
        REQUIRE(expected.count(id));
        CHECK(code_of(r) == expected.at(id));
    }
}
