// What the user saved is never lost: no command writes over its inputs, a full disk leaves the
// old output in place with an error, and a killed run leaves no temporary files behind.
#include <catch2/catch.hpp>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <signal.h>
#include <string>
#include <thread>
#include <unistd.h>
#include <sys/wait.h>

#include "ProcessRun.hpp"
#include "TestData.hpp"

namespace fs = std::filesystem;
using namespace mirador;

namespace {

std::size_t entries(const fs::path& dir) {
    return static_cast<std::size_t>(std::distance(fs::directory_iterator(dir), fs::directory_iterator()));
}

const std::string kSeeds = MIRADOR_ASSETS_DIR "/incidents/seed-incidents.csv";

}  // namespace

TEST_CASE("no command writes over one of its inputs, by any path", "[cli][safety]") {
    const fs::path dir = test::temp_dir("safety-inputs");
    const fs::path in = dir / "incidents.csv";
    fs::copy_file(kSeeds, in);
    const fs::path mapping = dir / "map.txt";
    std::ofstream(mapping) << "date = date\n";
    fs::create_symlink(in, dir / "link.csv");
    fs::create_hard_link(in, dir / "hard.csv");
    const std::string before = test::file_bytes(in.string());
    for (const std::string& out : std::vector<std::string>{in.string(), "./incidents.csv", (dir / "link.csv").string(),
                                                           (dir / "hard.csv").string()}) {
        for (const std::string& cmd : std::vector<std::string>{"stats --incidents " + in.string() + " --out " + out,
                                      "density --incidents " + in.string() + " --out " + out,
                                      "snapshot --width 64 --height 64 --incidents " + in.string() + " --out " + out,
                                      "geocode --in " + in.string() + " --out " + out}) {
            const test::Run r = test::run_shell("cd " + dir.string() + " && \"$MIRADOR\" " + cmd);
            INFO(cmd << "\n" << r.out);
            CHECK(r.code == 2);
            CHECK_THAT(r.out, Catch::Contains("--out") && Catch::Contains("input"));
            CHECK(test::file_bytes(in.string()) == before);
        }
    }
    // The mapping file and the boundaries are inputs too.
    test::Run r = test::run_mirador("stats --incidents " + in.string() + " --incidents-mapping " + mapping.string() +
                                    " --out " + mapping.string());
    CHECK(r.code == 2);
    CHECK(test::file_bytes(mapping.string()) == "date = date\n");
    r = test::run_mirador("snapshot --width 64 --height 64 --out " + test::default_gpkg());
    CHECK(r.code == 2);
    // A project written by snapshot is an output too: never over an input, nor over the image.
    for (const std::string& project : {in.string(), (dir / "link.csv").string()}) {
        r = test::run_mirador("snapshot --width 64 --height 64 --incidents " + in.string() + " --out " +
                              (dir / "x.png").string() + " --save-project " + project);
        INFO(r.out);
        CHECK(r.code == 2);
        CHECK_THAT(r.out, Catch::Contains("--save-project") && Catch::Contains("input"));
        CHECK(test::file_bytes(in.string()) == before);
    }
    r = test::run_mirador("snapshot --width 64 --height 64 --out " + (dir / "x.png").string() + " --save-project " +
                          (dir / "x.png").string());
    CHECK(r.code == 2);
    CHECK_THAT(r.out, Catch::Contains("same file"));
}

TEST_CASE("geocode --in r.csv.part --out r.csv keeps its input", "[cli][safety]") {
    const fs::path dir = test::temp_dir("safety-part");
    fs::copy_file(kSeeds, dir / "r.csv.part");
    const std::string before = test::file_bytes((dir / "r.csv.part").string());
    const test::Run r = test::run_mirador("geocode --in " + (dir / "r.csv.part").string() + " --out " + (dir / "r.csv").string());
    INFO(r.out);
    CHECK(r.code == 0);
    CHECK(test::file_bytes((dir / "r.csv.part").string()) == before);
    CHECK(fs::exists(dir / "r.csv"));
    CHECK(entries(dir) == 2);
}

TEST_CASE("a full disk keeps the old output and says so, for every writer", "[cli][safety]") {
    // `ulimit -f` makes writes past the limit fail (EFBIG), as a full disk fails them (ENOSPC).
    const fs::path dir = test::temp_dir("safety-full");
    const fs::path png = dir / "map.png", tif = dir / "grid.tif", csv = dir / "stats.csv", geo = dir / "geo.csv";
    REQUIRE(test::run_mirador("snapshot --width 400 --height 300 --out " + png.string()).code == 0);
    REQUIRE(test::run_mirador("density --incidents " + kSeeds + " --out " + tif.string()).code == 0);
    REQUIRE(test::run_mirador("geocode --in " + kSeeds + " --out " + geo.string()).code == 0);
    std::ofstream(csv) << "old stats\n";
    const std::string png_before = test::file_bytes(png.string()), tif_before = test::file_bytes(tif.string()),
                      geo_before = test::file_bytes(geo.string());
    REQUIRE(png_before.size() > 4096);
    REQUIRE(tif_before.size() > 4096);
    REQUIRE(geo_before.size() > 4096);
    struct Case {
        std::string args;
        fs::path out;
        std::string before;
    };
    for (const Case& c : {Case{"snapshot --width 800 --height 600 --out " + png.string(), png, png_before},
                          Case{"density --incidents " + kSeeds + " --cell-km 0.5 --out " + tif.string(), tif, tif_before},
                          Case{"geocode --in " + kSeeds + " --out " + geo.string(), geo, geo_before}}) {
        const test::Run r = test::run_shell("ulimit -f 2; \"$MIRADOR\" " + c.args);  // 2 KiB
        INFO(c.args << "\n" << r.out);
        CHECK(r.code == 1);
        CHECK_THAT(r.out, Catch::Contains(c.out.string()) && Catch::Contains("unchanged"));
        CHECK_THAT(r.out, !Catch::Contains("wrote"));
        CHECK(test::file_bytes(c.out.string()) == c.before);
    }
    CHECK(entries(dir) == 4);  // no temporary file left
}

TEST_CASE("runs killed with SIGKILL while writing leave the old output and no temporary file", "[cli][safety]") {
    const fs::path dir = test::temp_dir("safety-kill");
    // A catalogue large enough that writing its geocoded copy takes a while.
    const fs::path in = dir / "big.csv";
    {
        std::ofstream f(in);
        f << "id,date,lon,lat,category,notes\n";
        for (int i = 0; i < 200000; ++i)
            f << "e" << i << ",2019-10-" << (i % 28 + 1) << ',' << -107.39 + (i % 100) * 1e-3 << ',' << 24.80 + (i % 77) * 1e-3
              << ",armed clash,a note long enough to make the output take its time to write out to the disk\n";
    }
    const fs::path out = dir / "out.csv";
    // How long a whole run takes here, so the kills land all through it (loading, placing,
    // writing), whatever the machine's speed.
    const auto t0 = std::chrono::steady_clock::now();
    const test::Run whole = test::run_mirador("geocode --in " + in.string() + " --out " + (dir / "whole.csv").string());
    REQUIRE(whole.code == 0);
    const double run_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
    fs::remove(dir / "whole.csv");
    std::ofstream(out) << "the analyst's previous output\n";
    std::vector<int> delays;
    for (int k = 1; k <= 12; ++k) delays.push_back(static_cast<int>(run_ms * k / 12.5));
    for (int delay_ms : delays) {
        const pid_t pid = fork();
        REQUIRE(pid >= 0);
        if (pid == 0) {
            ::execl(MIRADOR_EXE, MIRADOR_EXE, "geocode", "--in", in.c_str(), "--out", out.c_str(), static_cast<char*>(nullptr));
            ::_exit(127);
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(delay_ms));
        ::kill(pid, SIGKILL);
        int status = 0;
        ::waitpid(pid, &status, 0);
        INFO("killed after " << delay_ms << " ms of a " << run_ms << " ms run");
        const std::string now = test::file_bytes(out.string());
        // Either the old file or the whole new one, never a part.
        const bool old = now == "the analyst's previous output\n";
        const bool complete = now.size() > 1000000 && now.back() == '\n' &&
                              std::count(now.begin(), now.end(), '\n') == 200001;
        CHECK((old || complete));
        CHECK(entries(dir) == 2);  // big.csv and out.csv, nothing else
        if (complete) std::ofstream(out) << "the analyst's previous output\n";
    }
}
