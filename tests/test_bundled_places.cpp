// The place tables bundled in assets/ (scripts/make-assets): what a fresh clone geocodes and
// computes rates with when the data folder is absent.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <numeric>
#include <set>

#include "TestData.hpp"
#include "mirador/geo/CsvReader.hpp"
#include "mirador/geo/Geocoder.hpp"
#include "mirador/geo/Text.hpp"

using namespace mirador;
using namespace mirador::geo;

namespace {

const std::string kLocalities = test::assets_dir() + "/localities_2020.csv.gz";
const std::string kPopulation = test::assets_dir() + "/population_2020.csv";

}  // namespace

TEST_CASE("the bundled localities load from their gzip file", "[assets][gazetteer]") {
    std::vector<std::string> problems;
    auto g = load_gazetteer(kLocalities, &problems);
    REQUIRE(g);
    CHECK(problems.empty());
    CHECK(g->localities.size() == 50755);
    // Both villages called El Aguaje in Michoacán, one under its alternate name.
    std::set<std::string> municipalities;
    const auto* aguaje = g->find(fold_for_search("El Aguaje"));
    REQUIRE(aguaje);
    for (auto i : *aguaje)
        if (g->localities[i].state_code == "16") municipalities.insert(g->localities[i].municipality_code);
    CHECK(municipalities == std::set<std::string>{"16002", "16046"});
    const auto* tepochica = g->find("tepochica");
    REQUIRE(tepochica);
    REQUIRE(tepochica->size() == 1);
    const Locality& t = g->localities[tepochica->front()];
    CHECK(t.municipality_code == "12035");
    CHECK(t.state_code == "12");
    CHECK(t.population == 734);
    CHECK(t.lon == Approx(-99.5230567).epsilon(1e-12));
    CHECK(t.lat == Approx(18.3024897).epsilon(1e-12));
    // Every locality's municipality is one of the 2020 frame's, or one of the three created
    // since (24059 Villa de Pozos, 25019 Eldorado, 25020 Juan José Ríos) or in the 2025 frame.
    std::set<std::string> codes;
    for (const auto& a : test::default_boundaries().municipalities.attributes) codes.insert(a.code);
    std::size_t outside_2020 = 0;
    for (const auto& l : g->localities) outside_2020 += !codes.count(l.municipality_code);
    CHECK(outside_2020 < 100);
}

TEST_CASE("the bundled localities are the data folder's, column for column", "[assets][gazetteer][data]") {
    REQUIRE_DATA_DIR();
    auto bundled = load_gazetteer(kLocalities);
    auto full = load_gazetteer(test::data_dir() + "/gazetteer/localidades_mx.csv");
    REQUIRE(bundled);
    REQUIRE(full);
    REQUIRE(bundled->localities.size() == full->localities.size());
    // Both are in CVEGEO order.
    std::size_t differ = 0;
    for (std::size_t i = 0; i < full->localities.size(); ++i) {
        const Locality &a = bundled->localities[i], &b = full->localities[i];
        differ += a.name != b.name || a.municipality_code != b.municipality_code || a.lon != b.lon || a.lat != b.lat ||
                  a.population != b.population;
    }
    CHECK(differ == 0);
}

TEST_CASE("the bundled population table covers every municipality", "[assets][population]") {
    auto p = load_population(kPopulation);
    REQUIRE(p);
    CHECK(p->size() == 2469);
    const long total = std::accumulate(p->begin(), p->end(), 0L, [](long s, const auto& kv) { return s + kv.second; });
    CHECK(total == 126014024);  // the census's national total
    for (const auto& a : test::default_boundaries().municipalities.attributes) CHECK(p->count(a.code) == 1);
    CHECK(p->at("25006") == 1003530);  // Culiacán
}

TEST_CASE("gzip files are read whole, and a damaged one is an error naming it", "[assets][csv]") {
    auto text = read_whole_file(kLocalities);
    REQUIRE(text);
    CHECK(text->size() == 2793054);
    CHECK(text->starts_with("CVEGEO,NOM_LOC,LAT,LON,POB_TOTAL\n"));
    auto same = read_whole_file("/vsigzip/" + kLocalities);
    REQUIRE(same);
    CHECK(*same == *text);

    const std::string dir = test::temp_dir("bundled-places");
    const std::string cut = dir + "/cut.csv.gz";
    {
        std::ifstream in(kLocalities, std::ios::binary);
        std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        std::ofstream(cut, std::ios::binary).write(bytes.data(), static_cast<std::streamsize>(bytes.size() / 2));
    }
    auto damaged = read_whole_file(cut);
    REQUIRE_FALSE(damaged);
    CHECK_THAT(damaged.error(), Catch::Contains("cut.csv.gz"));
    auto g = load_gazetteer(cut);
    REQUIRE_FALSE(g);
    CHECK_THAT(g.error(), Catch::Contains("cut.csv.gz"));
    auto missing = read_whole_file(dir + "/missing.csv.gz");
    REQUIRE_FALSE(missing);
    CHECK_THAT(missing.error(), Catch::Contains("missing.csv.gz"));
}
