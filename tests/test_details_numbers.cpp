// The details panel's numbers for a municipality (incidents, fatalities, rate, population) are
// `mirador stats`'s for the same filters and time window: the window's own path (the geocoding
// context, the incident load off the UI thread, the document applied to the scene) against the
// command's CSV.
#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

#include "HeadlessRender.hpp"
#include "TestData.hpp"
#include "cli/CommandLine.hpp"
#include "commands/GeocodingContext.hpp"
#include "commands/Stats.hpp"
#include "data/DataOptions.hpp"
#include "mirador/geo/CsvReader.hpp"
#include "scene/DocumentFrame.hpp"
#include "scene/IncidentLoad.hpp"
#include "ui/MunicipalityNumbers.hpp"

using namespace mirador;

namespace {

const std::string kSeeds = MIRADOR_ASSETS_DIR "/incidents/seed-incidents.csv";

// The stats command's row for `code`, as fields (none when the municipality has no row).
std::vector<std::string> stats_row(const std::string& csv_path, const std::string& code) {
    auto reader = geo::CsvReader::open(csv_path);
    REQUIRE(reader);
    geo::CsvRecord record;
    while (reader->next(record)) {
        REQUIRE(record.ok());
        if (record.size() > 0 && record[0] == code) return std::vector<std::string>(record.fields.begin(), record.fields.end());
    }
    return {};
}

}  // namespace

TEST_CASE("the details panel's numbers for Culiacán are mirador stats' for the same filters and window",
          "[window][stats][data]") {
    REQUIRE_DATA_DIR();
    auto gl = test::headless_context();
    const std::string dir = test::temp_dir("details-vs-stats");
    const std::vector<std::vector<std::string>> cases = {
        {},
        {"--from", "2019-10", "--to", "2019-10"},
        {"--category", "armed clash"},
        {"--from", "2019-01-01", "--to", "2019-12-31", "--category", "prison escape"},
        {"--from", "2012-01", "--to", "2012-12"},  // nothing in Culiacán then
    };
    for (const auto& extra : cases) {
        std::vector<std::string> args = {"stats", "--incidents", kSeeds, "--out", dir + "/stats.csv"};
        args.insert(args.end(), extra.begin(), extra.end());
        std::string shown;
        for (const auto& a : extra) shown += a + " ";
        INFO("mirador stats " << shown);
        CommandLine cl;
        const ParseOutcome p = parse_command_line(args, cl);
        REQUIRE_FALSE(p.exit_code);
        REQUIRE(run_stats_command(cl.document, cl.stats) == 0);
        const auto row = stats_row(dir + "/stats.csv", "25006");

        // The window: the same document, its data loaded as the window loads it.
        auto ctx = load_geocoding_context(data_options(cl.document), "test");
        REQUIRE(ctx);
        const geo::Boundaries& b = *ctx->boundaries;
        REQUIRE(ctx->population);
        IncidentLoad load;
        REQUIRE(load.start(cl.document.sources.incidents.front(), *ctx->geocoder, ctx->population.get()));
        load.wait();
        auto got = load.take();
        REQUIRE(got);
        REQUIRE(got->layer);
        std::unique_ptr<IncidentLayer> layer = std::move(got->layer).value();
        auto scene = MapScene::create(b);
        REQUIRE(scene);
        (*scene)->set_incidents(layer.get());
        DocumentApplier applier;
        applier.apply(cl.document, **scene, layer.get(), nullptr, b, ctx->population.get());

        const long culiacan = b.municipalities.find_code("25006");
        REQUIRE(culiacan >= 0);
        const MunicipalityNumbers n =
            municipality_numbers(static_cast<std::size_t>(culiacan), b, layer.get(), ctx->population.get());
        REQUIRE(n.population);
        CHECK(*n.population == ctx->population->at("25006"));
        if (row.empty()) {
            CHECK(n.incidents == 0);
            CHECK(n.fatalities == 0);
            REQUIRE(n.rate_per_100k);
            CHECK(*n.rate_per_100k == 0.0);
            continue;
        }
        REQUIRE(row.size() == 6);  // cvegeo,name,state_name,incidents,fatalities,rate_per_100k
        CHECK(row[1] == "Culiacán");
        CHECK(std::to_string(n.incidents) == row[3]);
        CHECK(std::to_string(n.fatalities) == row[4]);
        REQUIRE(n.rate_per_100k);
        CHECK(*n.rate_per_100k == Approx(std::stod(row[5])).margin(0.0005));  // the CSV has three decimals
        CHECK(n.incidents > 0);
    }
}

TEST_CASE("the details panel without incidents or population says what it does not know", "[window]") {
    const auto& b = test::default_boundaries();
    const long culiacan = b.municipalities.find_code("25006");
    REQUIRE(culiacan >= 0);
    const MunicipalityNumbers none = municipality_numbers(static_cast<std::size_t>(culiacan), b, nullptr, nullptr);
    CHECK_FALSE(none.population);
    CHECK_FALSE(none.rate_per_100k);
    CHECK(none.incidents == 0);
    const geo::PopulationTable table = {{"25006", 1003530}};
    const MunicipalityNumbers known = municipality_numbers(static_cast<std::size_t>(culiacan), b, nullptr, &table);
    REQUIRE(known.population);
    CHECK(*known.population == 1003530);
}
