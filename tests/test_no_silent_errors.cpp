// Inputs that used to give a quietly wrong answer now give an error or a warning that says what
// was done: a mapping naming absent columns, an empty mapping line, repeated incident ids, UTF-16
// text, control bytes in messages.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include "TestData.hpp"
#include "mirador/geo/IncidentCsv.hpp"
#include "mirador/geo/IncidentDuplicates.hpp"
#include "mirador/geo/IncidentOgr.hpp"
#include "mirador/geo/IncidentSource.hpp"
#include "mirador/geo/Text.hpp"

using namespace mirador;
namespace fs = std::filesystem;

TEST_CASE("a mapping whose lon/lat columns are absent is an error, not a silent switch to place names", "[silent]") {
    auto m = geo::parse_column_mapping("date = fecha\nlon = longitud\nlat = latitud\nplace = lugar\n", "m.txt");
    REQUIRE(m);
    std::vector<std::string> problems;
    geo::IncidentCsvOptions options;
    options.columns = *m;
    auto csv = geo::parse_incident_csv("fecha,lugar,lng,lt\n2019-10-17,Culiacán,-107.39,24.8\n", "in.csv", &problems, options);
    REQUIRE_FALSE(csv);
    CHECK_THAT(csv.error(), Catch::Contains("in.csv") && Catch::Contains("'longitud' for lon") &&
                                Catch::Contains("the header has: fecha, lugar, lng, lt"));
    // Without a mapping, Mirador's own layout may leave lon/lat out: rows are placed by name.
    auto plain = geo::parse_incident_csv("date,place\n2019-10-17,Culiacán\n", "plain.csv");
    CHECK(plain);

    // The same rule for an OGR layer (a GeoJSON without geometry, lon/lat as attributes).
    const std::string dir = test::temp_dir("silent-ogr");
    std::ofstream(dir + "/t.geojson") << R"({"type":"FeatureCollection","features":[
      {"type":"Feature","properties":{"fecha":"2019-10-17","lugar":"Culiacán"},"geometry":null}]})";
    geo::IncidentOgrOptions o;
    o.path = dir + "/t.geojson";
    o.columns = *m;
    auto ogr = geo::load_incident_layer(o);
    REQUIRE_FALSE(ogr);
    CHECK_THAT(ogr.error(), Catch::Contains("'longitud' for lon"));
}

TEST_CASE("an empty mapping line names its line instead of looking for a column ''", "[silent]") {
    auto m = geo::parse_column_mapping("# comment\ndate =\n", "m.txt");
    REQUIRE_FALSE(m);
    CHECK_THAT(m.error(), Catch::Contains("m.txt:2") && Catch::Contains("names no column for date"));
}

TEST_CASE("one repeated id among many unique ones is found; none among unique ones", "[silent]") {
    // find_duplicate_ids first looks for a repeated hash in one pass and only then groups exactly:
    // both ways through it, at a size where the hash set is large.
    const auto store = [](bool repeat) {
        geo::IncidentStoreBuilder b;
        for (int i = 0; i < 200000; ++i) {
            geo::Incident in;
            in.id = "x" + std::to_string(repeat && i == 150000 ? 777 : i);
            in.date = geo::parse_incident_date("2020-01-01").value();
            in.lon = -99.1, in.lat = 19.4;
            in.source_row = static_cast<std::uint32_t>(i + 2);
            b.add(in);
        }
        return b.finish();
    };
    const geo::DuplicateIds none = geo::find_duplicate_ids(store(false));
    CHECK(none.ids == 0);
    CHECK(none.extra_rows == 0);
    const geo::DuplicateIds one = geo::find_duplicate_ids(store(true));
    CHECK(one.ids == 1);
    CHECK(one.extra_rows == 1);
    REQUIRE(one.examples.size() == 1);
    CHECK(one.examples[0] == std::vector<std::size_t>{777, 150000});
}

TEST_CASE("repeated incident ids are reported with their lines, and --dedupe keeps the first", "[silent]") {
    const std::string dir = test::temp_dir("silent-dups");
    const std::string path = dir + "/dups.csv";
    std::ofstream(path) << "id,date,lon,lat,fatalities\n"
                           "a,2019-10-17,-107.39,24.80,3\n"
                           "b,2019-10-18,-107.39,24.80,1\n"
                           "a,2019-10-17,-107.39,24.80,3\n"
                           ",2019-10-19,-107.39,24.80,1\n"
                           ",2019-10-19,-107.39,24.80,1\n"
                           "c,2019-10-01,-107.39,24.80,2\n"
                           "a,2019-10-20,-107.39,24.80,5\n"
                           "c,2019-10-02,-107.39,24.80,2\n";
    std::vector<std::string> problems;
    geo::IncidentSource src;
    src.path = path;
    auto all = geo::load_incident_source(src, &problems);
    REQUIRE(all);
    CHECK(all->size() == 8);  // every row counted, as the message says
    REQUIRE(problems.size() == 1);
    CHECK_THAT(problems[0], Catch::Contains("dups.csv: 2 ids appear on more than one line (3 extra lines") &&
                                Catch::Contains("'a' on lines 2, 4, 8") && Catch::Contains("'c' on lines 7, 9") &&
                                Catch::Contains("--dedupe"));
    problems.clear();
    src.dedupe = true;
    auto once = geo::load_incident_source(src, &problems);
    REQUIRE(once);
    CHECK(once->size() == 5);  // a, b, c, and the two rows without an id
    REQUIRE(problems.size() == 1);
    CHECK_THAT(problems[0], Catch::Contains("only the first of each was kept"));
    const long a = once->find_id("a");
    REQUIRE(a >= 0);
    CHECK(once->source_row(static_cast<std::size_t>(a)) == 2);
    CHECK(once->fatalities(static_cast<std::size_t>(a)) == 3u);
    const long c = once->find_id("c");
    REQUIRE(c >= 0);
    CHECK(once->source_row(static_cast<std::size_t>(c)) == 7);
}

TEST_CASE("incidents keep the line they were read from, in a large file parsed in two halves too", "[silent]") {
    std::string text = "id,date,lon,lat,notes\n";
    std::size_t line = 1;
    for (int i = 0; text.size() < (5u << 20); ++i) {
        text.append("r").append(std::to_string(i)).append(",2019-10-17,-107.39,24.80,");
        ++line;
        if (i % 1000 == 0) text.append("\"two\nlines\"\n"), ++line;  // a record over two lines
        else text.append("x\n");
    }
    auto store = geo::parse_incident_csv(text, "big.csv");
    REQUIRE(store);
    // Each id's line, found by searching the text.
    for (const std::size_t i : {std::size_t{0}, store->size() / 2, store->size() - 1}) {
        std::string needle = "\n";
        needle.append(store->id(i)).append(",");
        const auto at = text.find(needle);
        REQUIRE(at != std::string::npos);
        const auto expected = static_cast<std::uint32_t>(std::count(text.begin(), text.begin() + static_cast<long>(at) + 1, '\n') + 1);
        CHECK(store->source_row(i) == expected);
    }
}

TEST_CASE("UTF-16 text is named as such, not read as a header of mojibake", "[silent]") {
    const std::string le("\xFF\xFE" "i\0d\0,\0d\0a\0t\0e\0\n\0", 18);
    auto r = geo::parse_incident_csv(le, "u16.csv");
    REQUIRE_FALSE(r);
    CHECK_THAT(r.error(), Catch::Contains("u16.csv") && Catch::Contains("UTF-16 (little-endian)"));
    const std::string be_no_bom("\0i\0d\0,\0d\0a\0t\0e\0\n", 16);
    CHECK_THAT(geo::check_text_encoding(be_no_bom, "x").error(), Catch::Contains("UTF-16 (big-endian"));
    CHECK(geo::check_text_encoding("id,date\nCuliacán,2019\n", "x"));
    CHECK(geo::check_text_encoding("id,date\nCuliac\xE1n,2019\n", "x"));  // Latin-1 is read
    auto mapping = geo::parse_column_mapping(le, "m.txt");
    CHECK_FALSE(mapping);
}

TEST_CASE("control bytes from files are escaped before they reach a terminal", "[silent]") {
    CHECK(geo::escape_for_terminal("Culiacán, Nuevo León") == "Culiacán, Nuevo León");
    CHECK(geo::escape_for_terminal("a\x1b[31mred\x07") == "a\\x1b[31mred\\x07");
    CHECK(geo::escape_for_terminal("two\nlines\r") == "two\\nlines\\r");
    CHECK(geo::escape_for_terminal("tab\tkept") == "tab\tkept");
    CHECK(geo::escape_for_terminal("c1 \xC2\x9B csi") == "c1 \\xc2\\x9b csi");
    CHECK(geo::escape_for_terminal("stray \xE1 byte") == "stray \\xe1 byte");
}
