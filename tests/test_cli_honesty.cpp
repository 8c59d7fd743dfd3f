// The command line never draws or writes as if all were well when it is not.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "ProcessRun.hpp"
#include "TestData.hpp"

namespace fs = std::filesystem;
using namespace mirador;

TEST_CASE("a --bbox that misses Mexico and a --highlight of no municipality are errors, not maps", "[cli][honest]") {
    const std::string dir = test::temp_dir("honest-snapshot");
    test::Run r = test::run_mirador("snapshot --width 64 --height 64 --bbox 10,40,20,50 --out " + dir + "/a.png");
    INFO(r.out);
    CHECK(r.code == 2);
    CHECK_THAT(r.out, Catch::Contains("--bbox") && Catch::Contains("does not overlap"));
    r = test::run_mirador("snapshot --width 64 --height 64 --highlight 25099 --out " + dir + "/b.png");
    CHECK(r.code == 2);
    CHECK_THAT(r.out, Catch::Contains("--highlight 25099") && Catch::Contains("no municipality"));
    CHECK_FALSE(fs::exists(dir + "/a.png"));
    CHECK_FALSE(fs::exists(dir + "/b.png"));
    // A bbox that only touches Mexico is fine.
    r = test::run_mirador("snapshot --width 64 --height 64 --bbox -120,30,-110,40 --highlight 25006 --out " + dir + "/c.png");
    CHECK(r.code == 0);
}

TEST_CASE("geocode writes every field of a row longer than its header", "[cli][honest]") {
    const std::string dir = test::temp_dir("honest-geocode");
    std::ofstream(dir + "/in.csv") << "id,date,lon,lat\n"
                                      "a,2019-10-17,-107.39,24.80\n"
                                      "b,2019-10-18,-107.39,24.80,extra one,extra two\n";
    const test::Run r = test::run_mirador("geocode --in " + dir + "/in.csv --out " + dir + "/out.csv");
    INFO(r.out);
    REQUIRE(r.code == 0);
    CHECK_THAT(r.out, Catch::Contains("in.csv:3: 6 fields, the header has 4"));
    std::ifstream in(dir + "/out.csv");
    std::string header, a, b;
    std::getline(in, header);
    std::getline(in, a);
    std::getline(in, b);
    CHECK_THAT(header, Catch::StartsWith("id,date,lon,lat,extra_1,extra_2,cvegeo"));
    CHECK_THAT(a, Catch::StartsWith("a,2019-10-17,-107.39,24.80,,,25006"));
    CHECK_THAT(b, Catch::StartsWith("b,2019-10-18,-107.39,24.80,extra one,extra two,25006"));
}

TEST_CASE("control bytes in a file reach the terminal escaped", "[cli][honest]") {
    const std::string dir = test::temp_dir("honest-escape");
    std::ofstream(dir + "/esc.csv") << "id,date,lon,lat,category\n"
                                       "a,2019-10-17,-107.39,24.80,\x1b]0;pwned\x07\x1b[31mred\n";
    const test::Run r = test::run_mirador("stats --incidents " + dir + "/esc.csv --out " + dir + "/s.csv");
    INFO(r.out);
    CHECK(r.code == 0);
    CHECK(r.out.find('\x1b') == std::string::npos);
    CHECK(r.out.find('\x07') == std::string::npos);
    CHECK_THAT(r.out, Catch::Contains("\\x1b]0;pwned\\x07"));
}
