// Every numeric flag of every command against the values that broke them: NaN, infinities,
// negatives, zero, huge numbers and text. Each is either refused with exit status 2 and one line
// naming the flag, or accepted because it means something (the table says which, and why).
#include <catch2/catch.hpp>

#include <filesystem>
#include <set>
#include <string>
#include <vector>

#include "ProcessRun.hpp"
#include "TestData.hpp"
#include "cli/CommandLine.hpp"

using namespace mirador;

namespace {

const std::vector<std::string> kValues{"nan", "inf", "-inf", "-1", "0", "1e308", "text"};

struct FlagCase {
    std::vector<std::string> command;  // the rest of a valid command line
    std::string flag;                  // "" for a positional argument placed last
    std::set<std::string> accepted;    // values of kValues that are valid, with their meaning
    std::string named;                 // what the message must name
};

std::vector<FlagCase> flag_table() {
    const std::string seeds = MIRADOR_ASSETS_DIR "/incidents/seed-incidents.csv";
    const std::vector<std::string> snap{"snapshot", "--out", "/tmp/never-written.png"};
    const std::vector<std::string> dens{"density", "--incidents", seeds, "--out", "/tmp/never-written.tif"};
    const std::vector<std::string> none{};
    return {
        {none, "--width", {}, "--width"},
        {none, "--height", {}, "--height"},
        {none, "--frames", {"0"}, "--frames"},  // 0: run until the window is closed
        {snap, "--width", {}, "--width"},
        {snap, "--height", {}, "--height"},
        {snap, "--dpi", {}, "--dpi"},
        {snap, "--classes", {}, "--classes"},
        {snap, "--radius-km", {}, "--radius-km"},
        {snap, "--heatmap-opacity", {"0"}, "--heatmap-opacity"},  // 0: an invisible surface
        {snap, "--threshold", {"0"}, "--threshold"},              // 0: nothing transparent
        {dens, "--cell-km", {}, "--cell-km"},
        {dens, "--radius-km", {}, "--radius-km"},
        {dens, "--threads", {"0"}, "--threads"},  // 0: all cores
        // locate's positional lon and lat: 0 and -1 are coordinates (outside Mexico: exit 3).
        {{"locate", "--", "VALUE", "20"}, "", {"-1", "0"}, "lon"},
        {{"locate", "--", "-100", "VALUE"}, "", {"-1", "0"}, "lat"},
    };
}

std::vector<std::string> with_value(const FlagCase& c, const std::string& v) {
    std::vector<std::string> args;
    for (const auto& a : c.command) args.push_back(a == "VALUE" ? v : a);
    if (!c.flag.empty()) args.insert(args.end(), {c.flag, v});
    return args;
}

std::string joined(const std::vector<std::string>& args) {
    std::string s;
    for (const auto& a : args) s += (s.empty() ? "" : " ") + a;
    return s;
}

}  // namespace

TEST_CASE("every numeric flag refuses nan, inf, -inf, -1, 0, 1e308 and text unless the value means something",
          "[cli][flags]") {
    std::size_t checked = 0;
    for (const FlagCase& c : flag_table()) {
        for (const std::string& v : kValues) {
            const auto args = with_value(c, v);
            INFO("mirador " << joined(args));
            CommandLine cl;
            const ParseOutcome p = parse_command_line(args, cl);
            if (c.accepted.count(v)) {
                CHECK_FALSE(p.exit_code);
                CHECK(p.error.empty());
            } else {
                REQUIRE(p.exit_code);
                CHECK(*p.exit_code == 2);
                CHECK_THAT(p.error, Catch::Contains(c.named) && Catch::StartsWith("mirador"));
                CHECK(p.error.find('\n') == std::string::npos);
                CHECK_THAT(p.error, Catch::Contains("'" + v + "'") || Catch::Contains(v));
            }
            ++checked;
        }
    }
    CHECK(checked == flag_table().size() * kValues.size());
}

TEST_CASE("composite numeric flags (--bbox, --extent, --normalize domain) refuse non-finite parts", "[cli][flags]") {
    const std::string seeds = MIRADOR_ASSETS_DIR "/incidents/seed-incidents.csv";
    const std::vector<std::pair<std::vector<std::string>, std::string>> bad{
        {{"snapshot", "--out", "x.png", "--bbox", "nan,20,-100,25"}, "--bbox"},
        {{"snapshot", "--out", "x.png", "--bbox", "-110,20,inf,25"}, "--bbox"},
        {{"snapshot", "--out", "x.png", "--bbox", "-110,20,-100"}, "--bbox"},
        {{"snapshot", "--out", "x.png", "--bbox", "-100,20,-110,25"}, "--bbox"},
        {{"snapshot", "--out", "x.png", "--normalize", "domain:nan,1"}, "--normalize"},
        {{"snapshot", "--out", "x.png", "--normalize", "domain:0,inf"}, "--normalize"},
        {{"snapshot", "--out", "x.png", "--normalize", "domain:-1,1"}, "--normalize"},
        {{"density", "--incidents", seeds, "--out", "x.tif", "--extent", "0,0,nan,1"}, "--extent"},
        {{"density", "--incidents", seeds, "--out", "x.tif", "--extent", "0,0,1e308,1"}, "--extent"},
        {{"density", "--incidents", seeds, "--out", "x.tif", "--extent", "5,0,1,1"}, "--extent"},
    };
    for (const auto& [args, flag] : bad) {
        INFO("mirador " << joined(args));
        CommandLine cl;
        const ParseOutcome p = parse_command_line(args, cl);
        REQUIRE(p.exit_code);
        CHECK(*p.exit_code == 2);
        CHECK_THAT(p.error, Catch::Contains(flag));
    }
    CommandLine cl;
    CHECK_FALSE(parse_command_line({"snapshot", "--out", "x.png", "--normalize", "domain:0,2.5"}, cl).exit_code);
    CHECK(cl.document.style_of<doc::HeatmapStyle>().domain_max == 2.5);
}

TEST_CASE("command-line mistakes exit with status 2 and one line, CLI11's own codes never leak", "[cli][flags]") {
    for (const std::string& args : std::vector<std::string>{"--no-such-flag", "snapshot", "snapshot --out", "locate", "density --out x.tif",
                                   "snapshot --out x.png --kernel box", "stats --incidents a.csv --out b.csv --by town",
                                   "snapshot --out x.png --layers heat", "--frames -1", "--width -1",
                                   "stats --incidents a.csv --out b.csv --from 2020 --to 2019",
                                   "density --incidents a.csv --out b.tif --from 2020-02 --to 2020-01",
                                   "stats --incidents a.csv --out b.csv --category parade"}) {
        const test::Run r = test::run_mirador(args);
        INFO("mirador " << args << "\n" << r.out);
        CHECK(r.code == 2);
        CHECK(std::count(r.out.begin(), r.out.end(), '\n') == 1);
        CHECK_THAT(r.out, Catch::StartsWith("mirador"));
    }
    const test::Run help = test::run_mirador("density --help");
    CHECK(help.code == 0);
    CHECK_THAT(help.out, Catch::Contains("--cell-km") && Catch::Contains("0.01 to 1000 km"));
}

TEST_CASE("the grid a density implies is bounded: too many cells is an error that says how many", "[cli][flags]") {
    const std::string dir = test::temp_dir("flags-grid");
    const std::string seeds = MIRADOR_ASSETS_DIR "/incidents/seed-incidents.csv";
    test::Run r = test::run_mirador("density --incidents " + seeds + " --cell-km 0.01 --out " + dir + "/g.tif");
    INFO(r.out);
    CHECK(r.code == 2);
    CHECK_THAT(r.out, Catch::Contains("too many cells: "));
    r = test::run_mirador("density --incidents " + seeds + " --extent 1000000,300000,4000000,2400000 --cell-km 0.01 --out " +
                          dir + "/g.tif");
    CHECK(r.code == 2);
    CHECK_THAT(r.out, Catch::Contains("too many cells: "));
    // An extent where no incident reaches: an error, not a raster of zeros.
    r = test::run_mirador("density --incidents " + seeds + " --extent 0,0,10000,10000 --out " + dir + "/g.tif");
    CHECK(r.code == 2);
    CHECK_THAT(r.out, Catch::Contains("outside the data"));
    CHECK_FALSE(std::filesystem::exists(dir + "/g.tif"));
}

TEST_CASE("values a flag accepts at the edge of its range run to the end", "[cli][flags]") {
    const std::string dir = test::temp_dir("flags-accepted");
    const std::string seeds = MIRADOR_ASSETS_DIR "/incidents/seed-incidents.csv";
    test::Run r = test::run_mirador("density --incidents " + seeds + " --threads 0 --radius-km 0.1 --cell-km 1000 --out " +
                                    dir + "/d.tif");
    INFO(r.out);
    CHECK(r.code == 0);
    r = test::run_mirador("snapshot --incidents " + seeds + " --width 16 --height 16 --layers heatmap,points " +
                          "--heatmap-opacity 0 --threshold 0 --radius-km 2000 --out " + dir + "/s.png");
    CHECK(r.code == 0);
    r = test::run_mirador("locate -- 0 0");
    CHECK(r.code == 3);  // a coordinate, outside Mexico
}
