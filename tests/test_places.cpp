// Honest places (issue 9, item 4): an incident counts only where its source says it is known
// to be. The placing rule (Geocoder::place) and the aggregation keep state- and country-level
// incidents out of every municipality; the ACLED preset brings ACLED's precisions.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>

#include "MappedIncidents.hpp"
#include "TestData.hpp"
#include "mirador/geo/IncidentAggregation.hpp"
#include "mirador/geo/IncidentCsv.hpp"
#include "mirador/geo/IncidentOgr.hpp"

using namespace mirador;
using namespace mirador::geo;

namespace {

long municipality_code_index(const char* code) { return test::default_boundaries().municipalities.find_code(code); }
long state_code_index(const char* code) { return test::default_boundaries().state_index(code); }

}  // namespace

TEST_CASE("placing: each UCDP where_prec counts where the event is known to be", "[places][ucdp]") {
    const auto& b = test::default_boundaries();
    IncidentStore s = test::load_mapped(test::kUcdpFixture, test::shipped_mapping("ucdp-ged.txt"), nullptr);
    const Geocoder g(b, nullptr, nullptr);
    const Placements p = place_incidents(s, g);
    const long guanajuato = state_code_index("11"), zacatecas = state_code_index("32");
    // 1 and 2: points, in their municipality, drawn filled.
    const auto u1 = test::index_of(s, "u1"), u2 = test::index_of(s, "u2");
    CHECK(p.municipality(u1, s) == municipality_code_index("25006"));
    CHECK(p.exact(u1));
    CHECK(p.municipality(u2, s) == municipality_code_index("11020"));
    CHECK(p.exact(u2));
    // 3: the municipality, its point a stand-in.
    const auto u3 = test::index_of(s, "u3");
    CHECK(p.municipality(u3, s) == municipality_code_index("08037"));
    CHECK(p.precision(u3) == GeoPrecision::Municipality);
    CHECK_FALSE(p.exact(u3));
    CHECK(p.local(u3));
    // 4: Guanajuato, never Dolores Hidalgo, which holds the state's centroid.
    for (const char* id : {"u4", "u9"}) {
        INFO(id);
        const auto i = test::index_of(s, id);
        CHECK(g.locate(s.lon()[i], s.lat()[i]).municipality == municipality_code_index("11014"));
        CHECK(p.matched(i));
        CHECK(p.state(i) == guanajuato);
        CHECK(p.municipality(i, s) == -1);
        CHECK(p.state_level(i));
        CHECK_FALSE(p.exact(i));
        CHECK_FALSE(p.local(i));
        CHECK(s.lon()[i] == Approx(-101));  // the point is kept, marked
    }
    // 5: an estimated point: for the state the source names, else only for Mexico.
    const auto u5 = test::index_of(s, "u5"), u6 = test::index_of(s, "u6");
    CHECK(p.precision(u5) == GeoPrecision::Estimated);
    CHECK(p.state(u5) == zacatecas);
    CHECK(p.municipality(u5, s) == -1);
    CHECK(p.country_level(u6));
    CHECK(p.precision(u6) == GeoPrecision::Estimated);
    CHECK(std::isfinite(s.lon()[u6]));
    // 6: Mexico only; 7: nowhere.
    const auto u7 = test::index_of(s, "u7"), u8 = test::index_of(s, "u8");
    CHECK(p.country_level(u7));
    CHECK(p.precision(u7) == GeoPrecision::Country);
    CHECK(p.status(u8) == GeoStatus::Outside);
    CHECK(p.state(u8) == -1);
}

TEST_CASE("placing: a place text that names only a state is a state-level incident", "[places]") {
    const auto& b = test::default_boundaries();
    const Geocoder g(b, nullptr, nullptr);
    // With coordinates (a stand-in point in Dolores Hidalgo) and without; a city named like its
    // state, with the state given, is the city.
    IncidentStore s = parse_incident_csv("id,date,place,state,lon,lat\n"
                                         "gto,2019-10-17,Guanajuato,,-101,21\n"
                                         "sin,2019-10-17,Sinaloa,,,\n"
                                         "city,2019-10-17,Guanajuato,Guanajuato,-101.2574,21.019\n"
                                         "town,2019-10-17,Dolores Hidalgo,Guanajuato,-101,21\n",
                                         "t.csv")
                          .value();
    const Placements p = place_incidents(s, g);
    const auto gto = test::index_of(s, "gto"), sin = test::index_of(s, "sin"), city = test::index_of(s, "city"), town = test::index_of(s, "town");
    CHECK(p.state_level(gto));
    CHECK(p.state(gto) == state_code_index("11"));
    CHECK_FALSE(p.exact(gto));
    CHECK(p.note(gto) == "the place names only a state");
    CHECK(p.state_level(sin));
    CHECK(p.state(sin) == state_code_index("25"));
    CHECK_FALSE(p.exact(sin));  // drawn at the state's representative point, as a ring
    CHECK(p.municipality(city, s) == municipality_code_index("11015"));
    CHECK(p.exact(city));
    CHECK(p.municipality(town, s) == municipality_code_index("11014"));
    CHECK(p.exact(town));
    // UCDP writes states as "Guanajuato state"; Spanish forms work too.
    CHECK(g.match_state("Guanajuato state") == state_code_index("11"));
    CHECK(g.match_state("México state") == state_code_index("15"));
    CHECK(g.match_state("Estado de Sinaloa") == state_code_index("25"));
    CHECK(g.match_state("Edo. de Sonora") == state_code_index("26"));
    CHECK(g.match_state("Guanajuato city") == -1);
}

TEST_CASE("aggregation: state- and country-level incidents get rows of their own, never a municipality's",
          "[places][stats]") {
    const auto& b = test::default_boundaries();
    IncidentStore s = test::load_mapped(test::kUcdpFixture, test::shipped_mapping("ucdp-ged.txt"), nullptr);
    const Geocoder g(b, nullptr, nullptr);
    const Placements p = place_incidents(s, g);
    const Aggregation m = aggregate(s, p, b, IncidentFilter{}, AggregateBy::Municipality, nullptr);
    // u1 Culiacán, u2 León, u3 Juárez; u4 and u9 Guanajuato, u5 Zacatecas (state-level); u6, u7
    // Mexico; u8 nowhere.
    CHECK(m.counted == 3);
    CHECK(m.units.size() == 3);
    for (const auto& u : m.units) CHECK(b.municipalities.attributes[u.unit].code != "11014");
    REQUIRE(m.state_level.size() == 2);
    CHECK(m.state_level[0].unit == static_cast<std::size_t>(state_code_index("11")));
    CHECK(m.state_level[0].incidents == 2);
    CHECK(m.state_level[0].fatalities == 16);
    CHECK(m.state_level[1].unit == static_cast<std::size_t>(state_code_index("32")));
    CHECK(m.country_level.incidents == 2);
    CHECK(m.country_level.fatalities == 8);
    CHECK(m.unplaced == 1);

    // Per state, the state-level ones count for their state; the country-level ones for none.
    const Aggregation st = aggregate(s, p, b, IncidentFilter{}, AggregateBy::State, nullptr);
    const auto gto = std::find_if(st.units.begin(), st.units.end(),
                                  [&](const UnitCount& u) { return u.unit == static_cast<std::size_t>(state_code_index("11")); });
    REQUIRE(gto != st.units.end());
    CHECK(gto->incidents == 3);  // u2 (León), u4, u9
    CHECK(st.state_level.empty());
    CHECK(st.country_level.incidents == 2);
    std::uint64_t in_states = 0;
    for (const auto& u : st.units) in_states += u.incidents;
    CHECK(in_states == 6);

    // The table rows: units and the rows not placed, most incidents first, units first on ties.
    const auto rows = aggregation_rows(m);
    REQUIRE(rows.size() == 6);
    CHECK(rows[0].kind == AggregationRow::Kind::StateLevel);  // Guanajuato, 2
    CHECK(rows[1].kind == AggregationRow::Kind::CountryLevel);  // Mexico, 2
    for (std::size_t r = 2; r < 5; ++r) CHECK(rows[r].kind == AggregationRow::Kind::Unit);
    CHECK(rows[5].kind == AggregationRow::Kind::StateLevel);  // Zacatecas, 1, after the units of 1
}

TEST_CASE("density inputs leave out positions that stand for a state, a region or the country", "[places][density]") {
    const auto& b = test::default_boundaries();
    IncidentStore s = test::load_mapped(test::kUcdpFixture, test::shipped_mapping("ucdp-ged.txt"), nullptr);
    const Geocoder g(b, nullptr, nullptr);
    const Placements p = place_incidents(s, g);
    const auto mask = local_mask(p);
    for (const char* id : {"u1", "u2", "u3"}) CHECK(mask[test::index_of(s, id)] == 1);
    for (const char* id : {"u4", "u5", "u6", "u7", "u8", "u9"}) CHECK(mask[test::index_of(s, id)] == 0);
}

TEST_CASE("ACLED preset: the export's columns, precisions and dates", "[places][acled]") {
    const auto& b = test::default_boundaries();
    std::vector<std::string> problems;
    IncidentStore s = test::load_mapped(MIRADOR_TEST_FIXTURES "/acled-export.csv", test::shipped_mapping("acled.txt"), &problems);
    for (const auto& p : problems) WARN(p);
    CHECK(problems.empty());  // "Peaceful protest" is "other" through "*", without a warning
    REQUIRE(s.size() == 4);
    // The store is in time order; the preset maps no id, so the rows are found by their notes.
    auto by_notes = [&](const char* start) {
        for (std::size_t i = 0; i < s.size(); ++i)
            if (s.notes(i).rfind(start, 0) == 0) return i;
        FAIL("no incident with notes " << start);
        return std::size_t{0};
    };
    const auto c = by_notes("Clash"), a = by_notes("An attack"), d = by_notes("Only the state"), m = by_notes("A march");
    CHECK(s.category()[c] == IncidentCategory::ArmedClash);
    CHECK(s.category()[a] == IncidentCategory::AttackOnCivilians);
    CHECK(s.category()[d] == IncidentCategory::Disappearance);
    CHECK(s.category()[m] == IncidentCategory::Other);
    CHECK(s.date(c) == parse_incident_date("2019-10-17").value());  // "17 October 2019"
    CHECK(format_incident_date(s.date(a)) == "2019-10-13/2019-10-19");  // time_precision 2: the week around it
    CHECK(s.date(d) == parse_incident_date("2019-10").value());  // "15-10-2019", time_precision 3
    REQUIRE(s.actor_count(c) == 2);
    CHECK(s.actor(c, 1) == "Sinaloa Cartel");
    CHECK(s.source(c) == "El Universal");
    CHECK(s.fatalities(c) == 8u);
    const Geocoder g(b, nullptr, nullptr);
    const Placements p = place_incidents(s, g);
    CHECK(p.exact(a));  // geo_precision 2: a point
    CHECK(p.municipality(a, s) == municipality_code_index("12035"));
    CHECK(p.state_level(d));  // geo_precision 3: the state only, not the capital's municipality
    CHECK(p.state(d) == state_code_index("11"));
    CHECK(p.municipality(d, s) == -1);
}
