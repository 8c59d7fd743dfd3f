// The clean-file fast path of `mirador density` (read_clean_incident_positions) against the
// loader it stands in for: the same values for every row of a clean file, and nothing (so the
// full loader runs and reports) for any file that is not clean.
#include <catch2/catch.hpp>

#include <cmath>
#include <cstdio>
#include <fstream>
#include <limits>
#include <string>

#include "TestData.hpp"
#include "mirador/geo/DensityEngine.hpp"
#include "mirador/geo/IncidentAggregation.hpp"
#include "mirador/geo/IncidentCsv.hpp"
#include "mirador/geo/IncidentSource.hpp"

using namespace mirador;
using namespace mirador::geo;

namespace {

std::string write_file(const std::string& name, const std::string& text) {
    const std::string path = test::temp_dir("clean-positions-" + name) + "/" + name;
    std::ofstream(path, std::ios::binary) << text;
    return path;
}

// A clean file of `rows` incidents with every field the fast path reads: spans (date_end,
// month and year precision, a time of day), declared location precisions (some state-wide),
// fatalities (some missing), and quoted notes with a line break now and then.
std::string clean_csv(int rows) {
    std::string text = "id,date,date_end,date_precision,time,place,state,lon,lat,location_precision,category,fatalities,notes\n";
    const char* precisions[] = {"point", "", "municipality", "state", "estimated", "country"};
    for (int i = 0; i < rows; ++i) {
        char row[320];
        const int month = 1 + i % 12, day = 1 + (i * 7) % 28;
        const char* date_precision = i % 17 == 0 ? "month" : i % 29 == 0 ? "year" : "day";
        const bool spans = i % 13 == 0 && std::string(date_precision) == "day";
        std::snprintf(row, sizeof row, "r%d,2019-%02d-%02d,%s,%s,%s,Culiacán,Sinaloa,%.5f,%.5f,%s,armed clash,%s,%s\n", i,
                      month, day, spans ? "2019-12-31" : "", date_precision,
                      i % 11 == 0 && std::string(date_precision) == "day" ? "21:30" : "", -117.0 + (i % 3000) * 0.01,
                      15.0 + (i % 1700) * 0.01, precisions[i % 6], i % 5 == 0 ? "" : std::to_string(i % 9).c_str(),
                      i % 10 == 0 ? "\"two\nlines, one comma\"" : "plain");
        text += row;
    }
    return text;
}

IncidentCsvOptions density_columns(std::size_t parallel_min_bytes = 4 << 20) {
    IncidentCsvOptions o;
    o.columns.category.clear(), o.columns.actors.clear(), o.columns.injured.clear(), o.columns.source.clear();
    o.columns.notes.clear();
    o.parallel_min_bytes = parallel_min_bytes;
    return o;
}

}  // namespace

TEST_CASE("a clean CSV's positions are the loader's values row for row, on one thread or two", "[incident][csv][density]") {
    for (const std::size_t parallel_from : {std::size_t{4} << 20, std::size_t{1}}) {
        const std::string path = write_file("clean.csv", clean_csv(40000));
        const IncidentCsvOptions options = density_columns(parallel_from);
        std::vector<std::string> problems;
        auto store = load_incident_csv(path, &problems, options);
        REQUIRE(store);
        CHECK(problems.empty());
        const auto positions = read_clean_incident_positions(path, options);
        REQUIRE(positions);
        REQUIRE(positions->size() == store->size());
        // The store is in time order; the positions in file order, which the store keeps as
        // each incident's source line (two data lines per record with a line break).
        std::vector<std::size_t> by_line(store->size() * 2 + 2, SIZE_MAX);
        for (std::size_t i = 0; i < store->size(); ++i) by_line[store->source_row(i)] = i;
        std::size_t line = 2, mismatches = 0;
        for (std::size_t k = 0; k < positions->size(); ++k) {
            const std::size_t i = by_line[line];
            REQUIRE(i != SIZE_MAX);
            const bool same = positions->lon[k] == store->lon()[i] && positions->lat[k] == store->lat()[i] &&
                              positions->day_start[k] == store->day_start()[i] &&
                              positions->day_end[k] == store->day_end()[i] &&
                              positions->fatalities[k] == store->fatalities(i) &&
                              positions->location_precision[k] == store->location_precision()[i];
            mismatches += !same;
            line += k % 10 == 0 ? 2 : 1;
        }
        CHECK(mismatches == 0);
        // And the surface made from either is the same.
        const KernelSpec k{KernelShape::Quartic, 25000};
        const std::vector<std::uint8_t> local = local_mask(*store);
        auto from_store = make_density_points(*store, DensityWeight::Fatalities, &local);
        auto copy = *positions;
        auto from_positions = make_density_points(std::move(copy), DensityWeight::Fatalities);
        REQUIRE(from_store);
        REQUIRE(from_positions);
        const auto extent = placed_extent(*from_store);
        REQUIRE(extent);
        const GridSpec grid = grid_covering(extent->first, extent->second, k.radius_m, 5000);
        // A window that cuts the year's spans and months in two.
        const DayRange window{days_from_civil(2019, 3, 10), days_from_civil(2019, 8, 20)};
        DensityEngine engine(grid, k, 2);
        DensityGrid a, b;
        engine.compute(*from_store, window, a);
        engine.compute(*from_positions, window, b);
        REQUIRE(a.values.size() == b.values.size());
        double worst = 0;
        for (std::size_t c = 0; c < a.values.size(); ++c)
            worst = std::max(worst, static_cast<double>(std::abs(a.values[c] - b.values[c])));
        CHECK(a.max_value() > 0);
        CHECK(worst <= 1e-5 * a.max_value());  // float sums in another order
    }
}

TEST_CASE("a CSV that is not clean gets no fast path: the loader reports it", "[incident][csv][density]") {
    const std::string header = "id,date,place,state,lon,lat,fatalities\n";
    const std::string good = "a,2019-10-17,Culiacán,Sinaloa,-107.39,24.80,8\n";
    struct Case {
        const char* name;
        std::string rows;
    };
    const Case cases[] = {
        {"a bad date", good + "b,2019-02-30,Culiacán,Sinaloa,-107.39,24.80,1\n"},
        {"a row outside Mexico", good + "b,2019-02-03,Madrid,,-3.7,40.4,1\n"},
        {"a row without coordinates", good + "b,2019-11-04,Bavispe,Sonora,,,9\n"},
        {"an id on two rows", good + "a,2019-10-18,Culiacán,Sinaloa,-107.40,24.81,1\n"},
        {"text that is not UTF-8", good + "b,2019-10-18,Culiac\xE1n,Sinaloa,-107.40,24.81,1\n"},
        {"a bad count", good + "b,2019-10-18,Culiacán,Sinaloa,-107.40,24.81,many\n"},
        {"a short row", good + "b,2019-10-18,Culiacán\n"},
    };
    IncidentCsvOptions options;
    for (const Case& c : cases) {
        INFO(c.name);
        const std::string path = write_file("unclean.csv", header + c.rows);
        CHECK_FALSE(read_clean_incident_positions(path, options).has_value());
    }
    CHECK(read_clean_incident_positions(write_file("fine.csv", header + good), options).has_value());
    CHECK_FALSE(read_clean_incident_positions(test::temp_dir("clean-positions-none") + "/missing.csv", options).has_value());
    // Through the source: only CSV files.
    CHECK_FALSE(load_clean_incident_positions(IncidentSource{write_file("fine.geojson", "{}"), "", "", false}).has_value());
    CHECK(load_clean_incident_positions(IncidentSource{write_file("fine2.csv", header + good), "", "", false}).has_value());
}

TEST_CASE("a large CSV with one bad row near its end gets no fast path on two threads", "[incident][csv][density]") {
    std::string text = clean_csv(60000);
    REQUIRE(text.size() > (std::size_t{4} << 20));
    text += "late,2019-13-01,,,,Culiacán,Sinaloa,-107.4,24.8,,,,\n";
    text += "r0b,2019-01-01,,,,Culiacán,Sinaloa,-107.0,24.0,,,1,\n";
    const std::string path = write_file("late.csv", text);
    CHECK_FALSE(read_clean_incident_positions(path, density_columns()).has_value());
    std::vector<std::string> problems;
    REQUIRE(load_incident_csv(path, &problems, density_columns()));
    CHECK(problems.size() == 1);
}
