#include <catch2/catch.hpp>

#include <cmath>

#include "TestData.hpp"
#include "mirador/geo/CountTable.hpp"

using namespace mirador;
using namespace mirador::geo;

namespace {

CountTable load(const std::string& path, CountLayout layout = CountLayout::Auto) {
    auto t = load_count_table(path, layout);
    if (!t) FAIL(t.error());
    return std::move(t.value());
}

std::vector<std::uint8_t> filtered(const CountTable& t, std::vector<std::string> filters) {
    auto f = parse_count_filters(filters, t);
    if (!f) FAIL(f.error());
    return rows_passing(t, *f);
}

MonthWindow window(const CountTable& t, const std::string& from, const std::string& to) {
    auto w = count_window(from, to, t);
    if (!w) FAIL(w.error());
    return *w;
}

}  // namespace

// tests/fixtures/counts/sesnsp-municipal-latin1.csv, summed by hand (see the file's rows):
// Culiacán's homicidio doloso in 2024 is 152 (con arma de fuego) + 10 (arma blanca); October to
// December are NA (not yet reported); Aguililla 3 + 4 + 2; "Otros municipios" 16999 2 + 1 + 1.
TEST_CASE("SESNSP municipal wide layout: Latin-1, NA months, 999 codes, hand sums", "[counts]") {
    const CountTable t = load(MIRADOR_TEST_FIXTURES "/counts/sesnsp-municipal-latin1.csv");
    CHECK(t.level == CountLevel::Municipality);
    CHECK(t.monthly);
    REQUIRE(t.warnings.size() == 2);
    CHECK(t.warnings[0].find("Latin-1") != std::string::npos);
    CHECK(t.warnings[1].find("sesnsp-municipal-latin1.csv:8: febrero 'dos'") != std::string::npos);
    REQUIRE(t.category_columns.size() == 4);
    CHECK(t.category_columns[0] == "Bien jurídico afectado");
    CHECK(t.unit_names[static_cast<std::size_t>(t.find_unit("25006"))] == "Culiacán");
    CHECK(t.find_unit("01001") >= 0);  // "1001" padded

    const std::vector<std::string> codes = {"01001", "16002", "25006", "25012", "16001"};
    // Accent- and case-insensitive filter.
    const auto dolosos = filtered(t, {"subtipo de delito=HOMICIDIO DOLOSO"});
    const auto year = count_units(t, codes, dolosos, window(t, "2024", "2024"));
    CHECK(year.count[2] == 162);
    CHECK(year.missing[2] == 6);  // Oct-Dec, two modalities: missing, not zero
    CHECK(year.count[0] == 0);
    CHECK(year.missing[0] == 3);
    CHECK(year.in_table[0] == 1);  // reported zeros: in the table
    CHECK(year.count[1] == 9);
    CHECK(year.in_table[3] == 0);  // Mazatlán's only row was bad
    CHECK(year.in_table[4] == 0);  // never in the table: counts 0, listed by the caller
    REQUIRE(year.unplaceable.size() == 1);
    CHECK(year.unplaceable.at("16999") == 4);
    CHECK(year.total == 162 + 9 + 4);

    const auto q3 = count_units(t, codes, dolosos, window(t, "2024-07", "2024-09"));
    CHECK(q3.count[2] == 30 + 25 + 40 + 3 + 1 + 2);
    CHECK(q3.missing[2] == 0);
    const auto all = count_units(t, codes, std::vector<std::uint8_t>(t.rows.size(), 1), window(t, "2024", "2024"));
    CHECK(all.count[2] == 162 + 48);

    // By state: the 999 code counts for Michoacán (and is still listed as unplaceable).
    const auto states = count_units(t, {"01", "16", "25"}, dolosos, window(t, "2024", "2024"));
    CHECK(states.count[1] == 9 + 4);
    CHECK(states.unplaceable.at("16999") == 4);

    CHECK_FALSE(parse_count_filters({"Subtipo de delito=Robo"}, t));
    CHECK_FALSE(parse_count_filters({"Color=rojo"}, t));
}

TEST_CASE("Count tables take month, quarter, year and cumulative windows only", "[counts]") {
    const CountTable t = load(MIRADOR_TEST_FIXTURES "/counts/sesnsp-municipal-latin1.csv");
    CHECK(count_window("2024-10-01", "2024-12-31", t));
    const auto day = count_window("2024-10-05", "", t);
    REQUIRE_FALSE(day);
    CHECK(day.error().find("whole months") != std::string::npos);
    CHECK_FALSE(count_window("", "2024-10-17", t));
    const auto w = count_window("2024-04", "2024-06", t);
    REQUIRE(w);
    CHECK(w->from == 2024 * 12 + 3);
    CHECK(w->to == 2024 * 12 + 5);
}

TEST_CASE("Long layout: cvegeo,period,count with a yearly period, zero versus missing", "[counts]") {
    const std::string dir = test::temp_dir("counts-long");
    {
        std::FILE* f = std::fopen((dir + "/c.csv").c_str(), "wb");
        std::fputs("cvegeo,period,count\n25006,2019,10\n25006,2020,NA\n8037,2019,5\nxx,2019,1\n", f);
        std::fclose(f);
    }
    const CountTable t = load(dir + "/c.csv");
    CHECK_FALSE(t.monthly);
    REQUIRE(t.warnings.size() == 1);
    CHECK(t.warnings[0].find("c.csv:5") != std::string::npos);
    const std::vector<std::string> codes = {"25006", "08037", "09015"};
    const std::vector<std::uint8_t> all(t.rows.size(), 1);
    const auto y2020 = count_units(t, codes, all, window(t, "2020", "2020"));
    CHECK(y2020.count[0] == 0);
    CHECK(y2020.missing[0] == 1);  // reported NA
    CHECK(y2020.count[1] == 0);
    CHECK(y2020.missing[1] == 0);  // absent: zero
    CHECK_FALSE(count_window("2019-03", "", t));  // a yearly table takes whole years
}

TEST_CASE("The shared SESNSP state table loads with counts equal to a hand sum", "[counts]") {
    REQUIRE_DATA_DIR();
    const CountTable t = load(test::data_dir() + "/incidents/sesnsp_homicide_victims_state_month.csv");
    CHECK(t.warnings.empty());
    CHECK(t.level == CountLevel::State);
    CHECK(t.rows.size() == 32256);
    REQUIRE(t.category_columns == std::vector<std::string>{"SUBTIPO", "MODALIDAD"});
    // Chihuahua (08), January-March 2019, homicidio doloso: 197 + 178 + 206 from the file's rows.
    const auto dolosos = filtered(t, {"SUBTIPO=Homicidio doloso"});
    const auto q1 = count_units(t, {"08", "25"}, dolosos, window(t, "2019-01", "2019-03"));
    CHECK(q1.count[0] == 197 + 178 + 206);
    const auto guns = filtered(t, {"SUBTIPO=homicidio doloso", "modalidad=con arma de fuego"});
    CHECK(count_units(t, {"08"}, guns, window(t, "2019-01", "2019-03")).count[0] == 122 + 134 + 139);
    // The README's national total of homicidio doloso victims in 2019.
    CHECK(count_units(t, {"08"}, dolosos, window(t, "2019", "2019")).total == 34723);
}

TEST_CASE("INEGI's homicide table: hand sum, 999 codes, the municipalities never in it", "[counts]") {
    REQUIRE_DATA_DIR();
    const CountTable t = load(test::data_dir() + "/incidents/inegi_homicide_deaths_mun_month_1990_2015.csv",
                              CountLayout::Inegi);
    CHECK(t.warnings.empty());
    CHECK(t.rows.size() == 140458);
    const auto layer = test::load_data_layer("mx/00mun.shp");
    std::vector<std::string> codes;
    for (const auto& a : layer.attributes) codes.push_back(a.code);
    const std::vector<std::uint8_t> all(t.rows.size(), 1);
    const auto y2010 = count_units(t, codes, all, window(t, "2010", "2010"));
    // Culiacán 2010: 69 + 74 + 86 + 69 + 56 + 55 + 63 + 83 + 71 + 71 + 44 + 61 (its twelve rows).
    CHECK(y2010.count[static_cast<std::size_t>(layer.find_code("25006"))] == 802);
    CHECK(y2010.total == 25757);  // the README's national total for 2010
    std::size_t never = 0;
    for (const auto v : y2010.in_table) never += v == 0;
    CHECK(never == 91);
    const auto every = count_units(t, codes, all, MonthWindow{});
    CHECK(every.unplaceable.size() == 34);  // 31 state 999 codes and 33999, 34999, 35999
    CHECK(every.unknown.empty());
    double unplaceable = 0;
    for (const auto& [code, v] : every.unplaceable) unplaceable += v;
    CHECK(unplaceable == 1902);  // the data README: "These rows account for 1,902 deaths"
    CHECK(every.total == 404015);
}
