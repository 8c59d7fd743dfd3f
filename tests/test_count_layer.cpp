// A count table as the map's source of counts (scene/CountLayer): the counts per municipality and
// state that the choropleth, ranking, details and hot spots read, held to sums made here from the
// file's own lines; NA shown apart from 0 in the fill; 999 codes counted for their state only;
// the units never in the table listed; filters and windows as the table allows them.
#include <catch2/catch.hpp>

#include <cmath>
#include <fstream>
#include <map>
#include <sstream>

#include "TestData.hpp"
#include "data/DataOptions.hpp"
#include "document/TimePlayback.hpp"
#include "mirador/geo/IncidentDate.hpp"
#include "scene/Choropleth.hpp"
#include "scene/CountLayer.hpp"

using namespace mirador;

namespace {

const std::string kSesnspWide = MIRADOR_TEST_FIXTURES "/counts/sesnsp-municipal-latin1.csv";

geo::DayRange year(int y) { return {geo::days_from_civil(y, 1, 1), geo::days_from_civil(y, 12, 31)}; }
geo::DayRange month(int y, int m) { return {geo::days_from_civil(y, m, 1), geo::days_from_civil(y, m, geo::days_in_month(y, m))}; }

std::uint64_t count_of(const geo::Aggregation& a, std::size_t unit) {
    for (const auto& u : a.units)
        if (u.unit == unit) return u.incidents;
    return 0;
}

// INEGI's homicide table summed by the test itself: per code, for one year.
std::map<std::string, double> inegi_year_sums(const std::string& path, int y) {
    std::map<std::string, double> sums;
    std::ifstream in(path);
    std::string line;
    std::getline(in, line);  // YEAR_REG,MONTH_REG,CVEGEO,CVE_ENT,CVE_MUN,NOM_MUN,HOMICIDES
    const std::string prefix = std::to_string(y) + ",";
    while (std::getline(in, line)) {
        if (line.compare(0, prefix.size(), prefix) != 0) continue;
        std::vector<std::string> f;
        std::stringstream ss(line);
        for (std::string x; std::getline(ss, x, ',');) f.push_back(x);
        sums[f[2]] += std::stod(f.back());
    }
    return sums;
}

}  // namespace

TEST_CASE("count layer: INEGI homicides of 2010 per municipality and state equal the file's own sums", "[counts]") {
    REQUIRE_DATA_DIR();
    const std::string path = test::data_dir() + "/incidents/inegi_homicide_deaths_mun_month_1990_2015.csv";
    const geo::Boundaries& b = test::default_boundaries();
    auto population = geo::load_population(find_data_file("mx/population_2020.csv"));
    REQUIRE(population);
    auto layer = load_count_layer({path, geo::CountLayout::Inegi, ""}, b, &*population);
    REQUIRE(layer);
    CountLayer& t = **layer;
    // The units never in the whole table: 91 of the 2,469 (README, "Count tables").
    CHECK(t.never_in_table.size() == 91);
    t.set_time_window(year(2010), b, &*population);

    const auto sums = inegi_year_sums(path, 2010);
    double all = 0, sinaloa = 0, sinaloa_999 = 0;
    for (const auto& [code, n] : sums) {
        all += n;
        if (code.compare(0, 2, "25") == 0) sinaloa += n;
        if (code == "25999") sinaloa_999 += n;
    }
    CHECK(t.total == all);
    for (const char* code : {"02001", "08037", "25006", "12001", "16055"}) {
        INFO(code);
        const long f = b.municipalities.find_code(code);
        REQUIRE(f >= 0);
        const auto it = sums.find(code);
        CHECK(count_of(t.by_municipality, static_cast<std::size_t>(f)) == static_cast<std::uint64_t>(it == sums.end() ? 0 : it->second));
    }
    // Sinaloa: its municipalities and its 999 code together; the 999 code in the ranking's
    // state-level row, not in any municipality.
    const long sin = b.state_index("25");
    REQUIRE(sin >= 0);
    CHECK(count_of(t.by_state, static_cast<std::size_t>(sin)) == static_cast<std::uint64_t>(sinaloa));
    std::uint64_t state_level = 0;
    for (const auto& u : t.by_municipality.state_level)
        if (u.unit == static_cast<std::size_t>(sin)) state_level = u.incidents;
    CHECK(state_level == static_cast<std::uint64_t>(sinaloa_999));
    // A rate where the population is known: Culiacán's count per 100,000 of its 2020 population.
    const long cul = b.municipalities.find_code("25006");
    for (const auto& u : t.by_municipality.units)
        if (u.unit == static_cast<std::size_t>(cul)) {
            REQUIRE(u.rate_per_100k);
            CHECK(*u.rate_per_100k == Approx(1e5 * sums.at("25006") / double(population->at("25006"))));
        }
    // The bars: one a month over 1990-2015, the year's twelve summing to the year.
    REQUIRE(t.histogram.bins.size() == 26 * 12);
    double bars = 0;
    for (int m = 0; m < 12; ++m) bars += t.histogram.counts[static_cast<std::size_t>((2010 - 1990) * 12 + m)];
    CHECK(bars == all);
}

TEST_CASE("count layer: a month reported as NA is missing, shown apart from 0, and filters choose rows", "[counts]") {
    const geo::Boundaries& b = test::default_boundaries();
    auto layer = load_count_layer({kSesnspWide, geo::CountLayout::Auto, ""}, b, nullptr);
    REQUIRE(layer);
    CountLayer& t = **layer;
    const long culiacan = b.municipalities.find_code("25006"), aguililla = b.municipalities.find_code("16002");
    REQUIRE(culiacan >= 0);
    REQUIRE(aguililla >= 0);

    // September 2024: numbers. Culiacán 40 + 2 (doloso) + 6 (culposo).
    t.set_time_window(month(2024, 9), b, nullptr);
    CHECK(count_of(t.by_municipality, static_cast<std::size_t>(culiacan)) == 48);
    CHECK(t.missing_months[static_cast<std::size_t>(culiacan)] == 0);
    // Only "Homicidio doloso" (accents and case ignored in the column's name and value).
    CHECK(t.apply_filters({"subtipo de delito=HOMICIDIO DOLOSO"}, b, nullptr).empty());
    CHECK(count_of(t.by_municipality, static_cast<std::size_t>(culiacan)) == 42);
    // A column the table lacks: said, naming the file; the rows stay as they were.
    const std::string error = t.apply_filters({"Delito=Robo"}, b, nullptr);
    CHECK_THAT(error, Catch::Contains("sesnsp-municipal-latin1.csv"));
    CHECK(t.filter_error == error);
    CHECK(count_of(t.by_municipality, static_cast<std::size_t>(culiacan)) == 42);
    REQUIRE(t.apply_filters({}, b, nullptr).empty());

    // October 2024: not yet reported. Culiacán's three rows are NA: missing, not 0; Aguililla's
    // one row is NA too; a municipality not in the table at all is 0.
    t.set_time_window(month(2024, 10), b, nullptr);
    CHECK(count_of(t.by_municipality, static_cast<std::size_t>(culiacan)) == 0);
    CHECK(t.missing_months[static_cast<std::size_t>(culiacan)] == 3);
    doc::FillStyle style;
    style.measure = doc::ChoroplethMeasure::Incidents;
    ChoroplethLegend legend;
    const auto colors = choropleth_colors(b, t, style, &legend);
    REQUIRE(colors.size() == b.municipalities.feature_count());
    CHECK(legend.has_not_reported);
    CHECK(colors[static_cast<std::size_t>(culiacan)] == legend.not_reported_color);
    const long tijuana = b.municipalities.find_code("02004");
    CHECK(colors[static_cast<std::size_t>(tijuana)] == legend.zero_color);
    CHECK(legend.not_reported_color != legend.zero_color);

    // The 999 code (Michoacán's "otros municipios") counts for its state only, and is listed.
    t.set_time_window(std::nullopt, b, nullptr);
    CHECK(t.unplaceable.count("16999") == 1);
    const long mich = b.state_index("16");
    std::uint64_t state_level = 0;
    for (const auto& u : t.by_municipality.state_level)
        if (u.unit == static_cast<std::size_t>(mich)) state_level = u.incidents;
    CHECK(state_level == 4);  // 2 + 1 + 1, January to September
}

TEST_CASE("count layer: a table of months is counted in months, quarters and years only", "[counts]") {
    geo::WindowSpec w;
    for (auto unit : {geo::WindowUnit::Month, geo::WindowUnit::Quarter, geo::WindowUnit::Year}) {
        w.unit = unit;
        CHECK(count_window_allowed(w, true));
    }
    for (auto unit : {geo::WindowUnit::Day, geo::WindowUnit::Week, geo::WindowUnit::Custom}) {
        w.unit = unit;
        CHECK_FALSE(count_window_allowed(w, true));
    }
    w.unit = geo::WindowUnit::Month;
    CHECK_FALSE(count_window_allowed(w, false));  // a table of years: years only
    w.unit = geo::WindowUnit::Year;
    w.mode = geo::WindowMode::Cumulative;
    CHECK(count_window_allowed(w, false));
}
