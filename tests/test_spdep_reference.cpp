// Mirador's spatial statistics against R spdep 1.2-7 on real data: the fixtures in
// tests/fixtures/spdep were written by make-fixtures.R there (see its header).
#include <catch2/catch.hpp>

#include <cmath>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "TestData.hpp"
#include "mirador/geo/CountTable.hpp"
#include "mirador/geo/CsvReader.hpp"
#include "mirador/geo/Geocoder.hpp"
#include "mirador/stats/EmpiricalBayes.hpp"
#include "mirador/stats/LocalStatistics.hpp"
#include "mirador/stats/SpatialWeights.hpp"

using namespace mirador;
using namespace mirador::stats;

namespace {

const std::string kDir = MIRADOR_TEST_FIXTURES "/spdep/";

// "CVEGEO: CVEGEO CVEGEO ..." per line -> the set of (from, to) code pairs.
std::set<std::pair<std::string, std::string>> read_pairs(const std::string& file) {
    std::ifstream in(kDir + file);
    REQUIRE(in);
    std::set<std::pair<std::string, std::string>> pairs;
    std::string line;
    while (std::getline(in, line)) {
        std::istringstream s(line);
        std::string from, to;
        s >> from;
        from.pop_back();  // the colon
        while (s >> to) pairs.insert({from, to});
    }
    return pairs;
}

std::set<std::pair<std::string, std::string>> our_pairs(const geo::PolygonLayer& layer, const SpatialWeights& w) {
    std::set<std::pair<std::string, std::string>> pairs;
    for (std::size_t i = 0; i < w.size(); ++i)
        for (const auto j : w.row(i)) pairs.insert({layer.attributes[i].code, layer.attributes[j].code});
    return pairs;
}

}  // namespace

TEST_CASE("Queen and rook contiguity equal spdep's poly2nb on 00mun.shp, pair by pair", "[hotspots][spdep]") {
    REQUIRE_DATA_DIR();
    const auto layer = test::load_data_layer("mx/00mun.shp");
    const auto queen = contiguity_weights(layer, Contiguity::Queen);
    CHECK(queen.link_count() == 14458);
    CHECK(queen.islands().empty());
    CHECK(our_pairs(layer, queen) == read_pairs("queen.txt"));
    const auto rook = contiguity_weights(layer, Contiguity::Rook);
    CHECK(rook.link_count() == 14240);
    const auto ours = our_pairs(layer, rook), theirs = read_pairs("rook.txt");
    for (const auto& p : ours)
        if (!theirs.count(p)) FAIL_CHECK("rook link " << p.first << " -> " << p.second << " is not spdep's");
    for (const auto& p : theirs)
        if (!ours.count(p)) FAIL_CHECK("spdep's rook link " << p.first << " -> " << p.second << " is missing");
}

TEST_CASE("Gi*, local Moran, global Moran and EB rates equal spdep's on INEGI homicides of 2010", "[hotspots][spdep]") {
    REQUIRE_DATA_DIR();
    const auto layer = test::load_data_layer("mx/00mun.shp");
    std::vector<std::string> codes;
    for (const auto& a : layer.attributes) codes.push_back(a.code);
    auto table = geo::load_count_table(test::data_dir() + "/incidents/inegi_homicide_deaths_mun_month_1990_2015.csv",
                                       geo::CountLayout::Inegi);
    REQUIRE(table);
    auto window = geo::count_window("2010", "2010", *table);
    REQUIRE(window);
    const auto counts = geo::count_units(*table, codes, std::vector<std::uint8_t>(table->rows.size(), 1), *window);
    auto population_table = geo::load_population(test::data_dir() + "/mx/population_2020.csv");
    REQUIRE(population_table);
    std::vector<double> population;
    for (const auto& c : codes) population.push_back(static_cast<double>(population_table->at(c)));

    const auto queen = contiguity_weights(layer, Contiguity::Queen);
    const auto gistar = getis_ord_gistar(counts.count, include_self(queen));
    const auto lisa = local_moran(counts.count, row_standardise(queen));
    const auto eb = eb_global(counts.count, population);
    const auto ebl = eb_local(counts.count, population, queen);

    auto reader = geo::CsvReader::open(kDir + "homicides-2010.csv");
    REQUIRE(reader);
    geo::CsvRecord r;
    REQUIRE(reader->next(r));
    std::map<std::string, double> worst;
    std::size_t rows = 0;
    auto compare = [&](const char* what, double ours, std::string_view theirs) {
        const double ref = std::stod(std::string(theirs));
        if (std::isnan(ref)) {
            // spdep's EBlocal divides 0 by 0 where a neighbourhood has no event at all (a = 0,
            // m = 0); ours gives that neighbourhood's rate, 0.
            CHECK(std::string(what) == "eb_local");
            CHECK(ours == 0);
            return;
        }
        const double diff = std::fabs(ours - ref);
        worst[what] = std::max(worst[what], diff);
        CHECK(diff <= 1e-9 * std::max(1.0, std::fabs(ref)));
    };
    while (reader->next(r)) {
        const std::size_t i = rows++;
        REQUIRE(r[0] == codes[i]);
        REQUIRE(std::stod(std::string(r[1])) == counts.count[i]);  // our loader's sum equals R's
        compare("gistar_z", gistar[i], r[3]);
        compare("lisa_Ii", lisa.Ii[i], r[4]);
        compare("lisa_E", lisa.expectation[i], r[5]);
        compare("lisa_Var", lisa.variance[i], r[6]);
        compare("lisa_z", lisa.z[i], r[7]);
        compare("eb_global", eb.estimate[i], r[8]);
        compare("eb_local", ebl.estimate[i], r[9]);
    }
    CHECK(rows == codes.size());

    std::map<std::string, double> global;
    auto greader = geo::CsvReader::open(kDir + "global-2010.csv");
    REQUIRE(greader);
    REQUIRE(greader->next(r));
    while (greader->next(r)) global[std::string(r[0])] = std::stod(std::string(r[1]));
    std::vector<double> rate(codes.size());
    for (std::size_t i = 0; i < codes.size(); ++i) rate[i] = counts.count[i] / population[i] * 1e5;
    const auto g = global_moran(rate, row_standardise(queen));
    CHECK(std::fabs(g.I - global.at("moran_I_rate")) <= 1e-9);
    CHECK(std::fabs(g.expectation - global.at("moran_E_rate")) <= 1e-12);
    CHECK(std::fabs(g.variance - global.at("moran_Var_rate")) <= 1e-12);
    const auto ebz = eb_standardised(counts.count, population);
    CHECK(std::fabs(global_moran(ebz, row_standardise(queen)).I - global.at("eb_moran_I")) <= 1e-9);
    std::ostringstream report;
    for (const auto& [what, d] : worst) report << what << ' ' << d << "; ";
    WARN("max |ours - spdep|: " << report.str()
         << "moran_I " << std::fabs(g.I - global.at("moran_I_rate")) << "; eb_moran_I "
         << std::fabs(global_moran(ebz, row_standardise(queen)).I - global.at("eb_moran_I")));
}
