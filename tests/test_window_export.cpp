// File > Export in the real window (ctest's gui_smoke_export): Ctrl+E, a paper size chosen from
// the keyboard, Enter; the file's size and DPI, and its pixels against `mirador snapshot` of the
// same project at the same size. A cancelled export writes nothing and replaces nothing; an
// export that cannot be written says so, naming the file.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>

#include "ProcessRun.hpp"
#include "TestData.hpp"
#include "WindowScript.hpp"

using namespace mirador;
namespace fs = std::filesystem;

namespace {

std::string make_project(const std::string& dir) { return test::seed_project(dir, "briefing"); }

test::Run run_window(const std::string& dir, const std::string& project, const std::string& press) {
    return test::run_window_script(dir, project, press);
}

}  // namespace

TEST_CASE("Ctrl+E exports an A4 300-dpi PNG of what the window shows, the same image as mirador snapshot",
          "[.gui][gui][gui-export]") {
    const std::string dir = test::temp_dir("window-export");
    const std::string project = make_project(dir);
    const std::string out = dir + "/briefing.png";  // proposed: the project's name beside it
    // Save first (Ctrl+S keeps the window's view in the project), then Ctrl+E; Down four times in
    // the file box: 1080p, 4K, 8K, A4 (300 dpi, landscape by default); Enter exports.
    test::Run r = run_window(dir, project, "ctrl+s,ctrl+e,down,down,down,down,enter");
    INFO(r.out);
    REQUIRE(r.code == 0);
    CHECK_THAT(r.out, Catch::Contains("Exported " + out + " (3508 x 2480 px, 300 dpi"));
    const test::Png exported(out);
    REQUIRE(exported.px);
    CHECK(exported.w == 3508);
    CHECK(exported.h == 2480);
    CHECK(test::png_dpi(out) == Approx(300).margin(0.01));

    // The command line, from the project the window saved, at the same size and DPI.
    r = test::run_mirador("snapshot --project " + project + " --width 3508 --height 2480 --dpi 300 --out " + dir +
                          "/snapshot.png");
    INFO(r.out);
    REQUIRE(r.code == 0);
    const test::Png snap(dir + "/snapshot.png");
    REQUIRE(snap.px);
    REQUIRE(snap.w == exported.w);
    REQUIRE(snap.h == exported.h);
    long over_one = 0, coloured = 0;
    int worst = 0;
    for (int y = 0; y < snap.h; ++y)
        for (int x = 0; x < snap.w; ++x) {
            const unsigned char *a = exported.at(x, y), *b = snap.at(x, y);
            int d = 0;
            for (int c = 0; c < 3; ++c) d = std::max(d, std::abs(int(a[c]) - int(b[c])));
            worst = std::max(worst, d);
            over_one += d > 1;
            coloured += !(a[0] == a[1] && a[1] == a[2]);
        }
    INFO(over_one << " pixels differ by more than one level; the largest difference is " << worst);
    CHECK(over_one <= long(snap.w) * snap.h / 10000);
    // A map, not an empty image: the choropleth's colours cover much of it.
    CHECK(coloured > long(snap.w) * snap.h / 20);
}

TEST_CASE("a cancelled export leaves no file and replaces nothing; one that cannot be written says so",
          "[.gui][gui][gui-export]") {
    const std::string dir = test::temp_dir("window-export-cancel");
    const std::string project = make_project(dir);
    const std::string out = dir + "/out";
    fs::create_directories(out);
    const std::string kept = out + "/kept.png", fresh = out + "/fresh.png";
    std::ofstream(kept) << "the analyst's earlier map";
    // Esc two frames after Enter: while the map renders, before anything is written.
    for (const std::string& target : {kept, fresh}) {
        const test::Run r = run_window(dir, project, "ctrl+e,ctrl+a,type:" + target + ",enter,escape");
        INFO(r.out);
        REQUIRE(r.code == 0);
        CHECK_THAT(r.out, Catch::Contains("Export to " + target + " cancelled"));
        CHECK_THAT(r.out, !Catch::Contains("Exported"));
    }
    CHECK(test::file_bytes(kept) == "the analyst's earlier map");
    CHECK(!fs::exists(fresh));
    // Nothing else left in the folder (no temporary file).
    std::vector<std::string> names;
    for (const auto& e : fs::directory_iterator(out)) names.push_back(e.path().filename().string());
    CHECK(names == std::vector<std::string>{"kept.png"});

    // A folder that does not exist: the message names the file, in the window and on stderr.
    const std::string nowhere = dir + "/no-such-folder/map.png";
    const test::Run r = run_window(dir, project, "ctrl+e,ctrl+a,type:" + nowhere + ",enter");
    INFO(r.out);
    REQUIRE(r.code == 0);
    CHECK_THAT(r.out, Catch::Contains("Export failed: " + nowhere));
    CHECK(!fs::exists(nowhere));
}
