// File > Export animation (Ctrl+Shift+E) and File > Export all slides (Ctrl+Alt+E) in the real
// window (ctest's gui_smoke_series): the files against those `mirador animate` and `mirador
// export-slides` write from the same project and settings (the same bytes, the same names); a
// cancelled export leaves no frame, no file and no slide, and replaces nothing.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <vector>

#include "ProcessRun.hpp"
#include "TestData.hpp"
#include "WindowScript.hpp"

using namespace mirador;
namespace fs = std::filesystem;

namespace {

const std::string kBriefing = MIRADOR_ASSETS_DIR "/../docs/briefing-2019.mirador";

std::string make_project(const std::string& dir) { return test::seed_project(dir, "seed"); }

test::Run run_window(const std::string& dir, const std::string& project, const std::string& press) {
    return test::run_window_script(dir, project, press);
}

// The animation dialog filled from the keyboard: Up in the output box picks the window's map
// size, then the output, from and to (Tab between them), and Enter.
std::string animation_keys(const std::string& out, const std::string& from, const std::string& to) {
    return "ctrl+shift+e,up,ctrl+a,type:" + out + ",tab,ctrl+a,type:" + from + ",tab,ctrl+a,type:" + to + ",enter";
}

std::vector<std::string> names_in(const std::string& dir) {
    std::vector<std::string> names;
    for (const auto& e : fs::directory_iterator(dir)) names.push_back(e.path().filename().string());
    std::sort(names.begin(), names.end());
    return names;
}

// Pixels that differ between two PNGs of the same size (-1: not the same size, or unreadable).
long differing_pixels(const std::string& a_path, const std::string& b_path) {
    const test::Png a(a_path), b(b_path);
    if (!a.px || !b.px || a.w != b.w || a.h != b.h) return -1;
    long n = 0;
    for (int y = 0; y < a.h; ++y)
        for (int x = 0; x < a.w; ++x) n += !std::equal(a.at(x, y), a.at(x, y) + 4, b.at(x, y));
    return n;
}

}  // namespace

TEST_CASE("Ctrl+Shift+E exports the PNG frames and the GIF that mirador animate makes from the same settings",
          "[.gui][gui][gui-series]") {
    const std::string dir = test::temp_dir("window-animation");
    const std::string project = make_project(dir);
    // Ctrl+S first: the project keeps the window's view, which the command line then animates.
    test::Run r = run_window(dir, project, "ctrl+s," + animation_keys(dir + "/frames", "2019-09", "2019-11"));
    INFO(r.out);
    REQUIRE(r.code == 0);
    CHECK_THAT(r.out, Catch::Contains("Exported an animation: wrote " + dir + "/frames (3 frames of "));
    CHECK_THAT(r.out, Catch::Contains("3 month windows September 2019 to November 2019"));
    REQUIRE(names_in(dir + "/frames") == std::vector<std::string>{"frame-00001.png", "frame-00002.png", "frame-00003.png"});
    const test::Png first(dir + "/frames/frame-00001.png");
    REQUIRE(first.px);
    // The window's map area, smaller than the window.
    CHECK(first.w > 100);
    CHECK(first.w < 1280);
    const std::string size = " --width " + std::to_string(first.w) + " --height " + std::to_string(first.h);

    r = test::run_mirador("animate --project " + project + " --from 2019-09 --to 2019-11 --step month" + size + " --out " +
                          dir + "/cli");
    INFO(r.out);
    REQUIRE(r.code == 0);
    REQUIRE(names_in(dir + "/cli") == names_in(dir + "/frames"));
    for (const std::string& name : names_in(dir + "/cli")) {
        INFO(name);
        CHECK(differing_pixels(dir + "/frames/" + name, dir + "/cli/" + name) == 0);
        CHECK(test::file_bytes(dir + "/frames/" + name) == test::file_bytes(dir + "/cli/" + name));
    }
    // Frames of different months differ (October's incidents are not September's).
    CHECK(differing_pixels(dir + "/frames/frame-00001.png", dir + "/frames/frame-00002.png") > 0);

    // The same as a GIF: the very bytes the command writes.
    r = run_window(dir, project, animation_keys(dir + "/window.gif", "2019-09", "2019-11"));
    INFO(r.out);
    REQUIRE(r.code == 0);
    CHECK_THAT(r.out, Catch::Contains("wrote " + dir + "/window.gif (3 frames of"));
    r = test::run_mirador("animate --project " + project + " --from 2019-09 --to 2019-11 --step month" + size + " --out " +
                          dir + "/cli.gif");
    INFO(r.out);
    REQUIRE(r.code == 0);
    const std::string gif = test::file_bytes(dir + "/window.gif");
    CHECK(gif.size() > 1000);
    CHECK(gif == test::file_bytes(dir + "/cli.gif"));
}

TEST_CASE("a cancelled animation leaves no frame and no file and replaces nothing", "[.gui][gui][gui-series]") {
    const std::string dir = test::temp_dir("window-animation-cancel");
    const std::string project = make_project(dir);
    const std::string out = dir + "/out";
    fs::create_directories(out + "/old");
    std::ofstream(out + "/kept.gif") << "the analyst's earlier animation";
    std::ofstream(out + "/old/notes.txt") << "the analyst's notes";
    // Esc two frames after Enter: a frame of the twelve is made by then.
    for (const std::string& target : {out + "/kept.gif", out + "/new.gif", out + "/frames", out + "/old"}) {
        const test::Run r = run_window(dir, project, animation_keys(target, "2019-01", "2019-12") + ",escape");
        INFO(r.out);
        REQUIRE(r.code == 0);
        CHECK_THAT(r.out, Catch::Contains("Animation export to " + target + " cancelled"));
        CHECK_THAT(r.out, !Catch::Contains("Exported"));
    }
    CHECK(test::file_bytes(out + "/kept.gif") == "the analyst's earlier animation");
    // No new file, no temporary file, no frame; the folder that was there keeps what it held.
    CHECK(names_in(out) == std::vector<std::string>{"kept.gif", "old"});
    CHECK(names_in(out + "/old") == std::vector<std::string>{"notes.txt"});
}

TEST_CASE("an MP4 without the H.264 encoder is a message in the window and no file", "[.gui][gui][gui-series]") {
    const std::string dir = test::temp_dir("window-animation-mp4");
    const std::string project = make_project(dir);
    const std::string clip = dir + "/clip.mp4";
    const test::Run r = test::run_window_script(dir, project, animation_keys(clip, "2019-09", "2019-11"), 40,
                                                "MIRADOR_H264_ENCODER=no-such-h264");
    INFO(r.out);
    REQUIRE(r.code == 0);
    CHECK_THAT(r.out, Catch::Contains("Animation export to " + clip + " failed: "));
    CHECK_THAT(r.out, Catch::Contains("no encoder named 'no-such-h264'"));
    CHECK_FALSE(fs::exists(clip));
}

TEST_CASE("an MP4 without the video module is a message in the window and no file", "[.gui][gui][gui-series]") {
    const std::string dir = test::temp_dir("window-animation-no-module");
    const std::string project = make_project(dir);
    const std::string clip = dir + "/clip.mp4";
    // The window run by a copy of the program without lib/mirador beside it ($MIRADOR names it).
    const test::Run r = test::run_window_script(dir, project, animation_keys(clip, "2019-09", "2019-11"), 40,
                                                "MIRADOR='" + test::program_without_video_module(dir) + "';");
    INFO(r.out);
    REQUIRE(r.code == 0);
    CHECK_THAT(r.out, Catch::Contains("Animation export to " + clip + " failed: " + clip +
                                      ": cannot load the video encoder: " + dir + "/tree/lib/mirador/mirador-video.so"));
    CHECK_THAT(r.out, Catch::Contains("apt-get install libavcodec"));
    CHECK_FALSE(fs::exists(clip));
}

TEST_CASE("Ctrl+Alt+E exports every slide as mirador export-slides does and a cancel removes them",
          "[.gui][gui][gui-series]") {
    const std::string dir = test::temp_dir("window-slides");
    // The dialog's default size is the command's (1920 x 1080): the folder and Enter.
    test::Run r = run_window(dir, kBriefing, "ctrl+alt+e,ctrl+a,type:" + dir + "/window,enter");
    INFO(r.out);
    REQUIRE(r.code == 0);
    CHECK_THAT(r.out, Catch::Contains("Exported 4 slides to " + dir + "/window (1920 x 1080 px"));
    r = test::run_mirador("export-slides --project " + kBriefing + " --out-dir " + dir + "/cli");
    INFO(r.out);
    REQUIRE(r.code == 0);
    const std::vector<std::string> names = names_in(dir + "/cli");
    REQUIRE(names.size() == 4);
    CHECK(names.front() == "01-culiacan-17-october-2019.png");
    REQUIRE(names_in(dir + "/window") == names);
    for (const std::string& name : names) {
        INFO(name);
        CHECK(differing_pixels(dir + "/window/" + name, dir + "/cli/" + name) == 0);
        CHECK(test::file_bytes(dir + "/window/" + name) == test::file_bytes(dir + "/cli/" + name));
    }
    // Esc two frames after Enter: a slide is written by then, and removed.
    r = run_window(dir, kBriefing, "ctrl+alt+e,ctrl+a,type:" + dir + "/cancelled,enter,escape");
    INFO(r.out);
    REQUIRE(r.code == 0);
    CHECK_THAT(r.out, Catch::Contains("Slides export to " + dir + "/cancelled cancelled"));
    CHECK_FALSE(fs::exists(dir + "/cancelled"));  // the folder the export made goes too
}
