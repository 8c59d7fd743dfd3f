#include <catch2/catch.hpp>

#include <cmath>
#include <stdexcept>

#include "TestData.hpp"
#include "mirador/geo/Gazetteer.hpp"
#include "mirador/geo/IncidentAggregation.hpp"
#include "mirador/geo/IncidentCsv.hpp"
#include "mirador/geo/IncidentDate.hpp"

using namespace mirador;
using namespace mirador::geo;

namespace {

// tests/fixtures/stats-fixture.csv, counted by hand: ten incidents, three outside October
// 2019 (a5 2014, a7 2020, a8 November), one unknown place (a9), one placed only to a state (a10,
// dated 2019 only: its year overlaps October, so it counts there, as the README says).
struct Fixture {
    Gazetteer gazetteer;
    PopulationTable population;
    IncidentStore store;
    Placements placed;
};

Fixture& fixture() {
    static Fixture f = [] {
        Fixture x;
        auto gazetteer = load_gazetteer(test::data_dir() + "/gazetteer/localidades_mx.csv");
        auto population = load_population(test::data_dir() + "/mx/population_2020.csv");
        auto store = load_incident_csv(MIRADOR_TEST_FIXTURES "/stats-fixture.csv");
        if (!gazetteer || !population || !store) throw std::runtime_error("stats fixture does not load");
        x.gazetteer = std::move(gazetteer.value());
        x.population = std::move(population.value());
        x.store = std::move(store.value());
        const Geocoder g(test::default_boundaries(), &x.gazetteer, &x.population);
        x.placed = place_incidents(x.store, g);
        return x;
    }();
    return f;
}

std::string code(const UnitCount& u, AggregateBy by) {
    const auto& b = test::default_boundaries();
    return by == AggregateBy::State ? b.states[u.unit].code : b.municipalities.attributes[u.unit].code;
}

IncidentFilter october_2019() {
    IncidentFilter f;
    f.from_day = parse_incident_date("2019-10-01")->day_start;
    f.to_day = parse_incident_date("2019-10-31")->day_end;
    return f;
}

}  // namespace

TEST_CASE("stats per municipality for a month match the hand count", "[stats][data]") {
    REQUIRE_DATA_DIR();
    Fixture& x = fixture();
    REQUIRE(x.store.size() == 10);
    const Aggregation a = aggregate(x.store, x.placed, test::default_boundaries(), october_2019(),
                                    AggregateBy::Municipality, &x.population);
    REQUIRE(a.units.size() == 3);
    CHECK(code(a.units[0], AggregateBy::Municipality) == "25006");  // a1, a2, a3 (month precision)
    CHECK(a.units[0].incidents == 3);
    CHECK(a.units[0].fatalities == 10);
    CHECK(code(a.units[1], AggregateBy::Municipality) == "12035");  // a4, Tepochica
    CHECK(a.units[1].fatalities == 15);
    CHECK(code(a.units[2], AggregateBy::Municipality) == "16002");  // a6
    CHECK(a.units[2].fatalities == 13);
    CHECK(a.counted == 5);
    CHECK(a.filtered_out == 3);
    CHECK(a.unplaced == 1);  // a9 unknown
    // a10, known only to Sinaloa: a state-level row, in no municipality.
    REQUIRE(a.state_level.size() == 1);
    CHECK(test::default_boundaries().states[a.state_level[0].unit].code == "25");
    CHECK(a.state_level[0].incidents == 1);
    CHECK(a.state_level[0].fatalities == 3);
    CHECK(a.country_level.incidents == 0);
    REQUIRE(a.units[0].rate_per_100k);
    CHECK(*a.units[0].rate_per_100k == Approx(3e5 / double(x.population.at("25006"))));
}

TEST_CASE("stats per state count state-level incidents too", "[stats][data]") {
    REQUIRE_DATA_DIR();
    Fixture& x = fixture();
    const Aggregation a = aggregate(x.store, x.placed, test::default_boundaries(), october_2019(), AggregateBy::State,
                                    &x.population);
    REQUIRE(a.units.size() == 3);
    CHECK(code(a.units[0], AggregateBy::State) == "25");
    CHECK(a.units[0].incidents == 4);  // a1, a2, a3, a10
    CHECK(a.units[0].fatalities == 13);
    CHECK(a.unplaced == 1);  // a9
    long sinaloa = 0;
    for (const auto& [k, v] : x.population)
        if (k.rfind("25", 0) == 0) sinaloa += v;
    CHECK(*a.units[0].rate_per_100k == Approx(4e5 / double(sinaloa)));
}

TEST_CASE("stats filters: category, whole range, minimum fatalities, actor", "[stats][data]") {
    REQUIRE_DATA_DIR();
    Fixture& x = fixture();
    const auto& b = test::default_boundaries();
    IncidentFilter f = october_2019();
    f.category = IncidentCategory::ArmedClash;
    Aggregation a = aggregate(x.store, x.placed, b, f, AggregateBy::Municipality, nullptr);
    REQUIRE(a.units.size() == 2);
    CHECK(a.units[0].incidents == 2);  // a1, a3
    CHECK(a.units[0].fatalities == 10);
    CHECK_FALSE(a.units[0].rate_per_100k);

    a = aggregate(x.store, x.placed, b, IncidentFilter{}, AggregateBy::Municipality, nullptr);
    REQUIRE(a.units.size() == 4);
    CHECK(a.units[0].incidents == 4);  // Culiacán a1 a2 a3 a7
    CHECK(code(a.units[1], AggregateBy::Municipality) == "12035");
    CHECK(a.units[1].fatalities == 21);  // a4 + a5

    IncidentFilter heavy;
    heavy.min_fatalities = 9;
    a = aggregate(x.store, x.placed, b, heavy, AggregateBy::Municipality, nullptr);
    CHECK(a.counted == 3);  // a4 15, a6 13, a8 9

    IncidentFilter cartel;
    cartel.actor = "sinaloa cartel";
    a = aggregate(x.store, x.placed, b, cartel, AggregateBy::Municipality, nullptr);
    CHECK(a.counted == 2);  // a1, a3
}

TEST_CASE("the placement table holds what the geocoder said for each incident", "[stats][data]") {
    REQUIRE_DATA_DIR();
    Fixture& x = fixture();
    // The geocoder's answers, row by row, on a fresh copy (place_incidents moved the fixture's
    // text-only rows to their places, which would make them look like coordinates).
    auto fresh = load_incident_csv(MIRADOR_TEST_FIXTURES "/stats-fixture.csv");
    REQUIRE(fresh);
    REQUIRE(fresh->size() == x.placed.size());
    const Geocoder g(test::default_boundaries(), &x.gazetteer, &x.population);
    std::size_t with_note = 0;
    for (std::size_t i = 0; i < fresh->size(); ++i) {
        INFO(fresh->id(i));
        const double lon = fresh->lon()[i], lat = fresh->lat()[i];
        const GeocodeResult r = std::isfinite(lon) && std::isfinite(lat) ? g.locate(lon, lat)
                                                                         : g.resolve(fresh->place(i), fresh->state(i));
        CHECK(x.placed.status(i) == r.status);
        CHECK(x.placed.precision(i) == r.precision);
        CHECK(x.placed.state(i) == r.state);
        CHECK(x.placed.municipality(i, x.store) == r.municipality);
        CHECK(x.placed.note(i) == r.note);
        with_note += !r.note.empty();
    }
    CHECK(with_note > 0);  // a9's "no ... named"
}
