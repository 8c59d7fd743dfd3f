// Presentation mode in the real window under a virtual X server (ctest's gui_smoke_present):
// F5 hides every panel and fills the screen with the map, PageDown and End step to the next and
// last slides (view, time window, layers and title become the slide's), B blanks the screen, Esc
// gives the window and the map back as they were. Scripted runs print what they ended with.
#include <catch2/catch.hpp>

#include <algorithm>
#include <array>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>

#include "ProcessRun.hpp"
#include "TestData.hpp"
#include "WindowRun.hpp"
#include "document/ProjectFile.hpp"
#include "document/Slides.hpp"

using namespace mirador;
namespace fs = std::filesystem;

namespace {

// The version-1 briefing (Culiacán, October 2019) with three slides: Culiacán on 17 October
// (fill and points), the second quarter over all of Mexico (the map's own layers), and 2019 over
// central Mexico with the heatmap alone. Saved where the test can write, paths made absolute.
std::string three_slide_project(const std::string& dir) {
    auto d = doc::load_project(MIRADOR_TEST_FIXTURES "/projects/v1-briefing.mirador");
    REQUIRE(d);
    REQUIRE(d->slides.size() == 2);
    d->slides[1].playback.enabled = false;  // its time window stays put while the test looks
    doc::Slide third;
    third.name = "Centro, 2019";
    third.title = "Central Mexico, 2019";
    third.view.extent = doc::Extent{-99.13, 19.43, 600000, 400000};
    third.time.all_time = false;
    third.time.window.unit = geo::WindowUnit::Year;
    third.time.from = "2019-01-01";
    third.time.to = "2019-12-31";
    third.layers = d->layers;
    for (doc::Layer& l : third.layers) l.visible = l.kind() == doc::LayerKind::Heatmap || l.kind() == doc::LayerKind::Borders;
    d->slides.push_back(third);
    const std::string path = dir + "/briefing.mirador";
    REQUIRE(doc::save_project(*d, path));
    return path;
}

// --press steps: the keys, each followed by `settle` waits (two frames each) for the move to the
// slide (at most 2 s of 1/60 s frames) to end; and --frames enough for all of them.
std::string scripted(std::initializer_list<const char*> keys, int settle = 75) {
    std::string press;
    int steps = 0;
    for (const char* k : keys) {
        press += std::string(" --press ") + k;
        ++steps;
        for (int i = 0; i < settle; ++i, ++steps) press += " --press wait";
    }
    return press + " --frames " + std::to_string(2 * steps + 6);
}

// Pixels of ImGui's light panels and menu bar (219 to 240 grey) in a box: light grey without
// colour, but not the near-white of the map's furniture boxes (title block, legends: 250 and up).
int panel_grey(const test::Png& img, int x0, int x1, int y0, int y1) {
    int n = 0;
    for (int y = std::max(0, y0); y < std::min(img.h, y1); ++y)
        for (int x = std::max(0, x0); x < std::min(img.w, x1); ++x) {
            const unsigned char* p = img.at(x, y);
            const int lo = std::min({p[0], p[1], p[2]}), hi = std::max({p[0], p[1], p[2]});
            n += lo >= 205 && hi <= 244 && hi - lo <= 4;
        }
    return n;
}

// A scripted run of the window that ended well, and what it printed at its end.
struct WindowRun {
    test::Run run;
    test::WindowExit exit;
};
WindowRun run_window(const std::string& args) {
    WindowRun w{test::run_mirador(args), {}};
    INFO(w.run.out);
    REQUIRE(w.run.code == 0);
    w.exit = test::window_exit(w.run.out);
    REQUIRE(w.exit.found);
    return w;
}

// What the run ended showing: the presentation's state, and the slide's time window, layers and title.
void check_shown(const test::WindowExit& e, const char* presentation, const char* time_window, const char* layers,
                 const char* title) {
    CHECK(e.presentation == presentation);
    CHECK(e.time_window == time_window);
    CHECK(e.layers == layers);
    CHECK(e.title == title);
}

}  // namespace

TEST_CASE("presenting hides the panels and steps through the slides; B blanks, Esc gives the window back",
          "[.gui][gui][gui-present]") {
    const std::string dir = test::temp_dir("presentation");
    const std::string project = three_slide_project(dir);
    const std::string size = " --width 1280 --height 800";

    // The window as the analyst works in it: menu bar, sidebars.
    const WindowRun r0 = run_window("--project " + project + size + " --frames 6 --screenshot " + dir + "/window.png");
    INFO(r0.run.out);
    const test::WindowExit& normal = r0.exit;
    CHECK(normal.presentation == "off");
    CHECK(normal.time_window == "October 2019");
    const test::Png window(dir + "/window.png");
    REQUIRE(window.px);
    const int w0 = window.w;
    const int menu_rows = normal.top;  // the menu bar, above the sidebars
    REQUIRE(menu_rows > 10);
    const int band0 = window.h / 4, band1 = window.h * 6 / 10;  // between the title block and the legends
    // The widgets' colours where the window has them.
    CHECK(panel_grey(window, 0, w0, 0, menu_rows) > w0 * menu_rows * 8 / 10);
    CHECK(panel_grey(window, 0, normal.left, band0, band1) > normal.left * (band1 - band0) * 4 / 10);

    // F5: the first slide, full screen (the virtual screen is 1600x1000), nothing but the map.
    const WindowRun r1 = run_window("--project " + project + size + scripted({"f5"}) + " --screenshot " + dir + "/slide1.png");
    INFO(r1.run.out);
    const test::WindowExit& first = r1.exit;
    check_shown(first, "slide 1 of 3 (Culiacán, 17 October)", "2019-10-17", "fill, points", "The battle of Culiacán");
    CHECK(first.left == 0);
    CHECK(first.top == 0);
    // The slide's extent (60 x 40 km around Culiacán) fills the screen.
    CHECK(first.lon == Approx(-107.39).margin(0.01));
    CHECK(first.lat == Approx(24.8).margin(0.01));
    const test::Png slide1(dir + "/slide1.png");
    REQUIRE(slide1.px);
    CHECK(slide1.w == 1600);
    CHECK(slide1.h == 1000);
    CHECK(first.metres_per_pixel == Approx(std::max(60000.0 / slide1.w, 40000.0 / slide1.h)).epsilon(0.01));
    // Where the menu bar and the left sidebar were: map, not panel grey.
    INFO("panel grey: menu rows " << panel_grey(slide1, 0, slide1.w, 0, menu_rows) << ", left band "
                                  << panel_grey(slide1, 0, normal.left, band0, band1));
    CHECK(panel_grey(slide1, 0, slide1.w, 0, menu_rows) < slide1.w * menu_rows / 20);
    CHECK(panel_grey(slide1, 0, normal.left, band0, band1) < normal.left * (band1 - band0) / 20);
    CHECK(panel_grey(slide1, slide1.w - (w0 - normal.left - normal.width), slide1.w, band0, band1) <
          (w0 - normal.left - normal.width) * (band1 - band0) / 20);

    // PageDown: the second slide (all of Mexico, the fourth quarter, the map's own layers).
    const WindowRun r2 = run_window("--project " + project + size + scripted({"f5", "pagedown"}));
    INFO(r2.run.out);
    const test::WindowExit& second = r2.exit;
    check_shown(second, "slide 2 of 3 (Sinaloa, Q4)", "Q4 2019", "fill, heatmap, boundaries, points, labels",
                "Three months after");
    CHECK(second.metres_per_pixel > 10 * first.metres_per_pixel);  // all of Mexico

    // End, then Left and Right: the last slide, back one, on again.
    const WindowRun r3 = run_window("--project " + project + size + scripted({"f5", "end", "left", "right"}, 65));
    INFO(r3.run.out);
    const test::WindowExit& third = r3.exit;
    check_shown(third, "slide 3 of 3 (Centro, 2019)", "2019", "heatmap, boundaries", "Central Mexico, 2019");
    CHECK(third.lon == Approx(-99.13).margin(0.01));
    CHECK(third.lat == Approx(19.43).margin(0.01));

    // B: all black; the slide stays.
    const WindowRun r4 = run_window("--project " + project + size + scripted({"f5", "b"}, 40) + " --screenshot " + dir + "/blank.png");
    INFO(r4.run.out);
    CHECK(r4.exit.presentation == "slide 1 of 3 (Culiacán, 17 October), blank");
    const test::Png blank(dir + "/blank.png");
    REQUIRE(blank.px);
    int lit = 0;
    for (int y = 0; y < blank.h; ++y)
        for (int x = 0; x < blank.w; ++x) lit += blank.at(x, y)[0] + blank.at(x, y)[1] + blank.at(x, y)[2] > 0;
    CHECK(lit == 0);

    // Esc: the window as it was, its map as it was (nothing of the slides left in it).
    const WindowRun r5 =
        run_window("--project " + project + size + scripted({"f5", "pagedown", "escape"}) + " --screenshot " + dir + "/after.png");
    INFO(r5.run.out);
    const test::WindowExit& after = r5.exit;
    check_shown(after, "off", normal.time_window.c_str(), normal.layers.c_str(), normal.title.c_str());
    CHECK(after.left == normal.left);
    CHECK(after.lon == Approx(normal.lon).margin(1e-4));
    CHECK(after.metres_per_pixel == Approx(normal.metres_per_pixel).epsilon(1e-6));
    CHECK_THAT(r5.run.out, !Catch::Contains("unsaved changes"));  // presenting changed nothing to save
    const test::Png restored(dir + "/after.png");
    REQUIRE(restored.px);
    CHECK(restored.w == w0);
    CHECK(panel_grey(restored, 0, w0, 0, menu_rows) > w0 * menu_rows * 8 / 10);
}

TEST_CASE("presenting a map without slides shows it alone, and the keys do no harm", "[.gui][gui][gui-present]") {
    const std::string dir = test::temp_dir("presentation-no-slides");
    const WindowRun r = run_window("--present --width 1000 --height 700" +
                                   scripted({"pagedown", "end", "home", "pageup", "p", "b", "b"}, 2) + " --screenshot " +
                                   dir + "/map.png");
    INFO(r.run.out);
    const test::WindowExit& e = r.exit;
    CHECK(e.presentation == "on, no slides");
    CHECK(e.left == 0);
    CHECK(e.top == 0);
    const test::Png img(dir + "/map.png");
    REQUIRE(img.px);
    CHECK(img.w == 1600);
    CHECK(panel_grey(img, 0, img.w, 0, 20) < img.w * 20 / 10);
}

TEST_CASE("the Slides section adds a slide from the current view with thumbnails, undone and saved as edits are",
          "[.gui][gui][gui-present]") {
    const std::string dir = test::temp_dir("slides-panel");
    const std::string project = three_slide_project(dir);
    // A layout with the Slides section open and the sections above it closed, so that its
    // button is where the clicks below go.
    fs::create_directories(dir + "/config/mirador");
    {
        std::ofstream(dir + "/config/mirador/layout.json")
            << R"({"sections": {"layers": false, "filters": false, "slides": true}})";
    }
    const std::string run = "XDG_CONFIG_HOME='" + dir + "/config' \"$MIRADOR\" --project " + project +
                            " --width 1280 --height 800 --frames 16 --press click:100:239,wait,ctrl+s,wait";
    test::Run r = test::run_shell(run + " --screenshot " + dir + "/panel.png");
    INFO(r.out);
    REQUIRE(r.code == 0);
    auto saved = doc::load_project(project);
    REQUIRE(saved);
    REQUIRE(saved->slides.size() == 4);
    const doc::Slide& added = saved->slides.back();
    CHECK(added.name == "Slide 4");
    CHECK(added.title == "Culiacán, octubre de 2019");  // the title block's
    CHECK(added.time == saved->time);
    CHECK(added.layers == saved->layers);
    CHECK(added.filters == saved->filters);
    // The map area's extent, as saving the project also takes it.
    REQUIRE(added.view.extent);
    REQUIRE(saved->view.extent);
    CHECK(added.view.extent->center_lon == Approx(saved->view.extent->center_lon).margin(1e-6));
    CHECK(added.view.extent->width_m == Approx(saved->view.extent->width_m).epsilon(1e-6));

    // Each slide's row has its thumbnail: the map drawn small, not the empty frame's grey.
    const test::Png img(dir + "/panel.png");
    REQUIRE(img.px);
    for (int row = 0; row < 4; ++row) {
        const int y0 = 258 + row * 64;  // inside the row's picture, below the buttons
        std::set<std::array<int, 3>> colours;
        for (int y = y0; y < y0 + 50; y += 2)
            for (int x = 12; x < 100; x += 2) colours.insert({img.at(x, y)[0], img.at(x, y)[1], img.at(x, y)[2]});
        INFO("slide " << row + 1 << ": " << colours.size() << " colours");
        CHECK(colours.size() >= 3);
        CHECK(panel_grey(img, 12, 100, y0, y0 + 50) < 88 * 50 / 4);
    }

    // Ctrl+Z takes the added slide back before saving.
    r = test::run_shell(run.substr(0, run.find(" --press")) + " --press click:100:239,wait,ctrl+z,wait,ctrl+s,wait");
    INFO(r.out);
    REQUIRE(r.code == 0);
    saved = doc::load_project(project);
    REQUIRE(saved);
    CHECK(saved->slides.size() == 4);  // the slide saved before stays; the one added and undone is not there
}
