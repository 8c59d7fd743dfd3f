// Mapping files for other catalogues' layouts (issue 9, item 4): value maps from a source's
// codes to Mirador's categories and precisions, date spans, several actor columns, and the
// shipped UCDP GED preset read from CSV and from a GeoPackage alike.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>

#include "FixtureWriter.hpp"
#include "MappedIncidents.hpp"
#include "TestData.hpp"
#include "mirador/geo/IncidentCsv.hpp"
#include "mirador/geo/IncidentOgr.hpp"

using namespace mirador;
using namespace mirador::geo;


TEST_CASE("mapping: value maps turn a source's codes into Mirador's categories and precisions", "[places][mapping]") {
    auto m = parse_column_mapping("category = type_of_violence\n"
                                  "category.1 = armed clash\n"
                                  "category.3 = Attack on civilians\n"
                                  "category.* = other\n"
                                  "location_precision = where_prec\n"
                                  "location_precision.4 = state\n"
                                  "date_precision = tp\n"
                                  "date_precision.3 = month\n",
                                  "m.txt");
    REQUIRE(m);
    CHECK(m->category_values.apply("1") == "armed clash");
    CHECK(m->category_values.apply("3") == "Attack on civilians");
    CHECK(m->category_values.apply("2") == "other");  // "*": any other value
    CHECK(m->category_values.apply("") == "");       // empty stays empty
    CHECK(m->location_precision_values.apply("4") == "state");
    CHECK(m->location_precision_values.apply("9") == "9");  // not listed, no "*": as written
    CHECK(m->date_precision_values.apply("3") == "month");

    const std::string text = "id,date,type_of_violence,where_prec,tp,lon,lat\n"
                             "a,2019-10-17,1,4,1,-101,21\n"
                             "b,2019-10-17,3,1,3,-107.39,24.8\n"
                             "c,2019-10-17,2,9,1,-107.39,24.8\n";
    IncidentCsvOptions o;
    o.columns = m.value();
    std::vector<std::string> problems;
    auto s = parse_incident_csv(text, "t.csv", &problems, o);
    REQUIRE(s);
    REQUIRE(s->size() == 3);
    const auto a = test::index_of(*s, "a"), b = test::index_of(*s, "b"), c = test::index_of(*s, "c");
    CHECK(s->category()[a] == IncidentCategory::ArmedClash);
    CHECK(s->category()[b] == IncidentCategory::AttackOnCivilians);
    CHECK(s->category()[c] == IncidentCategory::Other);
    CHECK(s->location_precision()[a] == LocationPrecision::State);
    CHECK(s->location_precision()[b] == LocationPrecision::Unknown);  // "1" mapped to nothing: not a keyword
    CHECK(s->location_precision()[c] == LocationPrecision::Unknown);
    CHECK(s->date(b) == parse_incident_date("2019-10").value());  // month precision from the column
    // Codes that name nothing are said, with the line, and the row still loads.
    CHECK(std::count_if(problems.begin(), problems.end(), [](const std::string& p) {
              return p.rfind("t.csv:3: unknown location precision '1'", 0) == 0;
          }) == 1);
    CHECK(std::count_if(problems.begin(), problems.end(), [](const std::string& p) {
              return p.rfind("t.csv:4: unknown location precision '9'", 0) == 0;
          }) == 1);
}

TEST_CASE("mapping: a value map Mirador cannot use is an error naming the line", "[places][mapping]") {
    auto bad_category = parse_column_mapping("category = t\ncategory.1 = skirmish\n", "m.txt");
    REQUIRE_FALSE(bad_category);
    CHECK_THAT(bad_category.error(), Catch::StartsWith("m.txt:2: category value 'skirmish'") && Catch::Contains("armed clash"));
    auto bad_field = parse_column_mapping("place.1 = Culiacán\n", "m.txt");
    REQUIRE_FALSE(bad_field);
    CHECK_THAT(bad_field.error(), Catch::StartsWith("m.txt:1: 'place' takes no value map"));
    auto bad_precision = parse_column_mapping("location_precision.4 = province\n", "m.txt");
    REQUIRE_FALSE(bad_precision);
    CHECK_THAT(bad_precision.error(), Catch::Contains("m.txt:1: location_precision value 'province'"));
    auto bad_dates = parse_column_mapping("date_precision.2 = fortnight\n", "m.txt");
    REQUIRE_FALSE(bad_dates);
    CHECK_THAT(bad_dates.error(), Catch::Contains("day, week, month, year"));
}

TEST_CASE("mapping: a date-end column makes each incident a span of days", "[places][mapping]") {
    auto m = parse_column_mapping("date = date_start\ndate_end = date_end\n", "m.txt");
    REQUIRE(m);
    IncidentCsvOptions o;
    o.columns = m.value();
    std::vector<std::string> problems;
    auto s = parse_incident_csv("id,date_start,date_end,place\n"
                                "week,2019-10-14,2019-10-20,Culiacán\n"
                                "month,2019-09-01,2019-09-30,Culiacán\n"
                                "year,2019-01-01,2019-12-31,Culiacán\n"
                                "day,2019-10-17,2019-10-17,Culiacán\n"
                                "open,2019-10-17,,Culiacán\n"
                                "backwards,2019-10-17,2019-10-01,Culiacán\n"
                                "garbled,2019-10-17,2019-13-01,Culiacán\n",
                                "t.csv", &problems, o);
    REQUIRE(s);
    REQUIRE(s->size() == 5);
    const auto week = s->date(test::index_of(*s, "week"));
    CHECK(week.day_start == days_from_civil(2019, 10, 14));
    CHECK(week.day_end == days_from_civil(2019, 10, 20));
    CHECK(week.precision == DatePrecision::Span);
    CHECK(format_incident_date(week) == "2019-10-14/2019-10-20");
    CHECK(s->date(test::index_of(*s, "month")) == parse_incident_date("2019-09").value());
    CHECK(s->date(test::index_of(*s, "year")) == parse_incident_date("2019").value());
    CHECK(s->date(test::index_of(*s, "day")) == parse_incident_date("2019-10-17").value());
    CHECK(s->date(test::index_of(*s, "open")) == parse_incident_date("2019-10-17").value());
    // A week-long incident is in every day window it overlaps (the store's time index).
    std::vector<std::uint32_t> in;
    s->collect_overlapping(days_from_civil(2019, 10, 20), days_from_civil(2019, 10, 20), in);
    CHECK(std::count(in.begin(), in.end(), static_cast<std::uint32_t>(test::index_of(*s, "week"))) == 1);
    REQUIRE(problems.size() == 2);
    CHECK_THAT(problems[0], Catch::StartsWith("t.csv:7: the end date 2019-10-01 is before the start 2019-10-17"));
    CHECK_THAT(problems[1], Catch::StartsWith("t.csv:8: end date:") && Catch::Contains("month 13"));
}

TEST_CASE("mapping: a date precision column widens the date to the week, month or year", "[places][mapping]") {
    auto m = parse_column_mapping("date_precision = tp\ndate_precision.1 = day\ndate_precision.2 = week\n"
                                  "date_precision.3 = month\n",
                                  "m.txt");
    REQUIRE(m);
    IncidentCsvOptions o;
    o.columns = m.value();
    auto s = parse_incident_csv("id,date,tp,place\nd,2019-10-16,1,x\nw,2019-10-16,2,x\nm,2019-10-16,3,x\n", "t.csv", nullptr, o);
    REQUIRE(s);
    CHECK(s->date(test::index_of(*s, "d")) == parse_incident_date("2019-10-16").value());
    const auto w = s->date(test::index_of(*s, "w"));
    CHECK(format_incident_date(w) == "2019-10-13/2019-10-19");  // three days either side
    CHECK(s->date(test::index_of(*s, "m")) == parse_incident_date("2019-10").value());
}

TEST_CASE("mapping: actors from several columns", "[places][mapping]") {
    auto m = parse_column_mapping("actors = actor1, actor2\n", "m.txt");
    REQUIRE(m);
    IncidentCsvOptions o;
    o.columns = m.value();
    auto s = parse_incident_csv("date,place,actor1,actor2\n2019-10-17,Culiacán,Army,Sinaloa Cartel; Gunmen\n"
                                "2019-10-18,Culiacán,,Police\n",
                                "t.csv", nullptr, o);
    REQUIRE(s);
    REQUIRE(s->actor_count(0) == 3);
    CHECK(s->actor(0, 0) == "Army");
    CHECK(s->actor(0, 2) == "Gunmen");
    REQUIRE(s->actor_count(1) == 1);
    CHECK(s->actor(1, 0) == "Police");
    // A single column whose name has a comma in it is still found whole.
    auto whole = parse_incident_csv("date,place,\"actor1, actor2\"\n2019-10-17,Culiacán,Army\n", "t.csv", nullptr, o);
    REQUIRE(whole);
    CHECK(whole->actor_count(0) == 1);
}

TEST_CASE("UCDP GED preset: categories, spans and where_prec as the codebook defines them", "[places][ucdp]") {
    std::vector<std::string> problems;
    const IncidentStore s = test::load_mapped(test::kUcdpFixture, test::shipped_mapping("ucdp-ged.txt"), &problems);
    for (const auto& p : problems) WARN(p);
    CHECK(problems.empty());
    REQUIRE(s.size() == 9);
    // type_of_violence: no longer all "other".
    CHECK(s.category()[test::index_of(s, "u1")] == IncidentCategory::ArmedClash);
    CHECK(s.category()[test::index_of(s, "u2")] == IncidentCategory::AttackOnCivilians);
    CHECK(s.category()[test::index_of(s, "u3")] == IncidentCategory::ArmedClash);
    // date_start..date_end.
    CHECK(s.date(test::index_of(s, "u4")) == parse_incident_date("2019-09").value());
    CHECK(format_incident_date(s.date(test::index_of(s, "u2"))) == "2019-10-14/2019-10-20");
    CHECK(s.date(test::index_of(s, "u7")) == parse_incident_date("2019").value());
    const LocationPrecision want[] = {LocationPrecision::Point,     LocationPrecision::Point,     LocationPrecision::Municipality,
                                      LocationPrecision::State,     LocationPrecision::Estimated, LocationPrecision::Estimated,
                                      LocationPrecision::Country,   LocationPrecision::Outside,   LocationPrecision::State};
    const char* ids[] = {"u1", "u2", "u3", "u4", "u5", "u6", "u7", "u8", "u9"};
    for (int k = 0; k < 9; ++k) {
        INFO(ids[k]);
        CHECK(s.location_precision()[test::index_of(s, ids[k])] == want[k]);
    }
}

TEST_CASE("UCDP GED preset: a GeoPackage with typed fields loads as the CSV does", "[places][ucdp][ogr]") {
    // Dates as Date fields and where_prec as an integer (GDAL's type detection), points from
    // longitude/latitude: the OGR reader applies the same mapping, value maps and spans.
    const std::string gpkg = test::temp_dir("places-ucdp-gpkg") + "/ucdp.gpkg";
    const std::string err = test::vector_translate(
        gpkg, test::kUcdpFixture,
        {"-f", "GPKG", "-oo", "AUTODETECT_TYPE=YES", "-oo", "X_POSSIBLE_NAMES=longitude", "-oo",
         "Y_POSSIBLE_NAMES=latitude", "-a_srs", "EPSG:4326", "-nln", "events"});
    INFO(err);
    REQUIRE(err.empty());
    std::vector<std::string> problems;
    const IncidentStore from_csv = test::load_mapped(test::kUcdpFixture, test::shipped_mapping("ucdp-ged.txt"), nullptr);
    const IncidentStore from_gpkg = test::load_mapped(gpkg, test::shipped_mapping("ucdp-ged.txt"), &problems);
    for (const auto& p : problems) WARN(p);
    CHECK(problems.empty());
    REQUIRE(from_gpkg.size() == from_csv.size());
    for (std::size_t i = 0; i < from_csv.size(); ++i) {
        INFO(from_csv.id(i));
        const auto j = test::index_of(from_gpkg, std::string(from_csv.id(i)));
        CHECK(from_gpkg.date(j) == from_csv.date(i));
        CHECK(from_gpkg.category()[j] == from_csv.category()[i]);
        CHECK(from_gpkg.location_precision()[j] == from_csv.location_precision()[i]);
        CHECK(from_gpkg.actor_count(j) == from_csv.actor_count(i));
    }
}
