// The real window under a virtual X server (ctest's gui_smoke_window and gui_smoke_files): its layout at two sizes, the
// sidebars collapsing and staying collapsed in the next run, Enter in the search box, and files
// dropped on it. Scripted runs (--frames, --press, --drop) print what they ended with.
#include <catch2/catch.hpp>

#include <array>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>

#include "ProcessRun.hpp"
#include "TestData.hpp"
#include "WindowRun.hpp"
#include "style/Palette.hpp"

using namespace mirador;
namespace fs = std::filesystem;

namespace {

const std::string kFixture = MIRADOR_TEST_FIXTURES "/stats-fixture.csv";

using Rgb = std::array<int, 3>;

bool near(Rgb a, Rgb b, int tol) {
    return std::abs(a[0] - b[0]) <= tol && std::abs(a[1] - b[1]) <= tol && std::abs(a[2] - b[2]) <= tol;
}

// Pixels of colour `want` in the 21x21 window around `at`: a municipality drawn there shows its
// fill between its borders, the labels and its neighbours.
int pixels_of(const test::Png& img, geo::Vec2 at, Rgb want) {
    int n = 0;
    for (int dy = -10; dy <= 10; ++dy)
        for (int dx = -10; dx <= 10; ++dx) {
            const unsigned char* p = img.at(static_cast<int>(at.x) + dx, static_cast<int>(at.y) + dy);
            n += near(Rgb{p[0], p[1], p[2]}, want, 3);
        }
    return n;
}

// The municipality at a place, with the state it must be in.
struct Place {
    const char* name;
    double lon, lat;
    const char* state;  // INEGI code
};

// Mexico's far corners: the north-west, the tip of Baja California, the Yucatán peninsula, the
// south of Chiapas, the north-east; and the Pacific coast, beside the legends.
constexpr Place kEdges[] = {
    {"Tomatlán", -105.10, 19.90, "14"},      {"Manzanillo", -104.30, 19.10, "06"},
    {"Lázaro Cárdenas", -102.20, 18.00, "16"}, {"Acapulco", -99.85, 16.90, "12"},
    {"Mexicali", -115.45, 32.62, "02"},      {"Ensenada", -116.60, 31.87, "02"},
    {"Los Cabos", -109.92, 22.90, "03"},     {"Mérida", -89.62, 20.97, "31"},
    {"Tizimín", -88.15, 21.14, "31"},        {"Cancún", -86.85, 21.16, "23"},
    {"Chetumal", -88.30, 18.50, "23"},       {"Tapachula", -92.26, 14.91, "07"},
    {"Tuxtla Gutiérrez", -93.12, 16.75, "07"}, {"Matamoros", -97.50, 25.87, "28"},
};

// Red text (the window's notices) in the band under the menu bar.
int notice_red_pixels(const test::Png& img, const test::WindowExit& e) {
    int red = 0;
    for (int y = e.top; y < e.top + 90 && y < img.h; ++y)
        for (int x = e.left; x < e.left + e.width; ++x) {
            const unsigned char* p = img.at(x, y);
            red += p[0] > 110 && p[1] < 70 && p[2] < 60 && p[0] > 2 * p[1];
        }
    return red;
}

// A project with a heatmap opened in a window of w x h (8 frames, then its screenshot): how it ended.
test::WindowExit run_project_window(const std::string& project, int w, int h, const std::string& png) {
    // A screen larger than the window keeps the pointer (at the screen's centre) off the map.
    const test::Run r = test::run_shell("xvfb-run -a -s '-screen 0 2400x1600x24' \"$MIRADOR\" --project '" + project +
                                        "' --width " + std::to_string(w) + " --height " + std::to_string(h) +
                                        " --frames 8 --screenshot " + png);
    INFO(r.out);
    REQUIRE(r.code == 0);
    const test::WindowExit e = test::window_exit(r.out);
    REQUIRE(e.found);
    REQUIRE(e.legends);
    CHECK_THAT(e.layers, Catch::Contains("heatmap"));
    return e;
}

}  // namespace

TEST_CASE("all of Mexico is in the map area at 1600x1000 and 1280x720, none of it under a panel or a legend",
          "[.gui][gui][gui-window]") {
    const auto& b = test::default_boundaries();
    const auto fills = default_municipality_colors(b);
    const std::string dir = test::temp_dir("window-sizes");
    for (const auto& [w, h] : {std::pair{1600, 1000}, std::pair{1280, 720}}) {
        const std::string png = dir + "/window-" + std::to_string(w) + ".png";
        // A screen larger than the window keeps the pointer (at the screen's centre) off it: no
        // tooltip or hover outline over the map.
        const test::Run r = test::run_shell("xvfb-run -a -s '-screen 0 2400x1600x24' \"$MIRADOR\" --width " +
                                            std::to_string(w) + " --height " + std::to_string(h) +
                                            " --frames 6 --screenshot " + png);
        INFO(w << "x" << h << ": " << r.out);
        REQUIRE(r.code == 0);
        const test::WindowExit e = test::window_exit(r.out);
        REQUIRE(e.found);
        const test::Png img(png);
        REQUIRE(img.px);
        REQUIRE(img.w == w);
        // Both sidebars open, the time bar there (the seed catalogue is loaded).
        CHECK(e.left > 200);
        CHECK(e.left + e.width < w - 200);
        CHECK(e.top + e.height < h - 100);
        // All of the boundaries' extent inside the map area...
        const geo::BBox& box = b.municipalities.bbox;
        for (const geo::Vec2 corner : {geo::Vec2{box.min_x, box.min_y}, geo::Vec2{box.max_x, box.max_y},
                                       geo::Vec2{box.min_x, box.max_y}, geo::Vec2{box.max_x, box.min_y}}) {
            const geo::Vec2 at = e.to_screen(corner);
            CHECK(at.x >= e.left);
            CHECK(at.x <= e.left + e.width);
            CHECK(at.y >= e.top);
            CHECK(at.y <= e.top + e.height);
        }
        // ...and drawn there: at Mexico's far corners the window shows the municipality's own
        // fill, not a panel, a legend or the sea.
        for (const Place& p : kEdges) {
            const long f = b.locate(test::to_6372(p.lon, p.lat));
            INFO(p.name);
            REQUIRE(f >= 0);
            const auto m = static_cast<std::size_t>(f);
            REQUIRE(b.municipalities.attributes[m].code.substr(0, 2) == p.state);
            const geo::Vec2 at = e.to_screen(b.municipality_anchor[m]);
            std::uint8_t want[4];
            unpack_rgba(fills[m], want);
            INFO("at " << at.x << "," << at.y << ", its fill " << int(want[0]) << "," << int(want[1]) << ","
                       << int(want[2]));
            CHECK(pixels_of(img, at, Rgb{want[0], want[1], want[2]}) >= 6);
        }
        // Nowhere on land a patch of panel grey or legend white: every 2nd pixel of the window
        // that is in a municipality, with all of its 5x5 neighbours light and without colour
        // (the labels' white halos are thinner than that).
        int covered = 0, land = 0, first_x = -1, first_y = -1;
        const auto light = [&](int x, int y) {
            const unsigned char* p = img.at(x, y);
            const int lo = std::min({p[0], p[1], p[2]}), hi = std::max({p[0], p[1], p[2]});
            return lo >= 222 && hi - lo <= 8;
        };
        const geo::Vec2 origin = e.to_screen({0, 0});
        for (int y = 2; y < h - 2; y += 2)
            for (int x = 2; x < w - 2; x += 2) {
                const geo::Vec2 map{(x + 0.5 - origin.x) * e.metres_per_pixel, (origin.y - y - 0.5) * e.metres_per_pixel};
                if (b.locate(map) < 0) continue;
                ++land;
                bool patch = true;
                for (int dy = -2; dy <= 2 && patch; ++dy)
                    for (int dx = -2; dx <= 2 && patch; ++dx) patch = light(x + dx, y + dy);
                if (patch && covered++ == 0) first_x = x, first_y = y;
            }
        INFO(covered << " of " << land << " land pixels looked at are under a panel or a legend, the first at " << first_x
                     << "," << first_y);
        CHECK(land > 10000);
        CHECK(covered == 0);
    }
}

TEST_CASE("the legends of a project with a heatmap are drawn inside the map area and not under a sidebar or the time bar",
          "[.gui][gui][gui-window]") {
    // Three legends (choropleth, incidents, heatmap) side by side are wider than the map area a
    // 1280 x 800 window leaves between its sidebars: they must wrap, not run under the right one.
    const std::string png = test::temp_dir("window-legends") + "/window.png";
    const test::WindowExit e = run_project_window(MIRADOR_TEST_FIXTURES "/projects/v1-briefing.mirador", 1280, 800, png);
    // Both sidebars and the time bar take their room.
    REQUIRE(e.left > 200);
    REQUIRE(e.left + e.width < 1280 - 200);
    REQUIRE(e.top + e.height < 800 - 100);
    INFO("legends " << e.legends_x0 << "," << e.legends_y0 << " - " << e.legends_x1 << "," << e.legends_y1 << "; map area "
                    << e.left << "," << e.top << " " << e.width << "x" << e.height);
    CHECK(e.legends_x0 >= e.left);
    CHECK(e.legends_x1 <= e.left + e.width);
    CHECK(e.legends_y0 >= e.top);
    CHECK(e.legends_y1 <= e.top + e.height);
    // And the pixels say so: the box holds the legends' white panels (with their text, swatches
    // and the heatmap's ramp), at least half of it light and colourless.
    const test::Png img(png);
    REQUIRE(img.px);
    int light = 0, all = 0;
    for (int y = e.legends_y0; y < e.legends_y1; ++y)
        for (int x = e.legends_x0; x < e.legends_x1; ++x) {
            const unsigned char* p = img.at(x, y);
            const int lo = std::min({p[0], p[1], p[2]}), hi = std::max({p[0], p[1], p[2]});
            light += lo >= 215 && hi - lo <= 12;
            ++all;
        }
    INFO(light << " of " << all << " pixels of the legends' box are light");
    CHECK(all > 20000);
    CHECK(light * 2 > all);
}

TEST_CASE("the briefing opens at the default size with its legends and title over the sea and all of Mexico shown",
          "[.gui][gui][gui-window]") {
    // docs/briefing-2019.mirador was made for a full screen: its extent (all of Mexico) fitted as it
    // is into the 680 px the sidebars leave put three legends over Michoacán, Guerrero and Oaxaca,
    // the story of its slides. The window shows such an extent as "reset view" does.
    const auto& b = test::default_boundaries();
    const std::string png = test::temp_dir("window-briefing") + "/window.png";
    const test::WindowExit e = run_project_window(MIRADOR_ASSETS_DIR "/../docs/briefing-2019.mirador", 1400, 900, png);
    REQUIRE(e.title_block);
    REQUIRE(e.left > 200);
    REQUIRE(e.left + e.width < 1400 - 200);
    // Every 4th pixel of the legends' and the title's boxes is sea (or outside Mexico).
    const geo::Vec2 origin = e.to_screen({0, 0});
    const auto land_under = [&](int x0, int y0, int x1, int y1) {
        int n = 0;
        for (int y = y0; y <= y1; y += 4)
            for (int x = x0; x <= x1; x += 4)
                n += b.locate({(x + 0.5 - origin.x) * e.metres_per_pixel, (origin.y - y - 0.5) * e.metres_per_pixel}) >= 0;
        return n;
    };
    INFO("legends " << e.legends_x0 << "," << e.legends_y0 << " - " << e.legends_x1 << "," << e.legends_y1 << "; title "
                    << e.title_x0 << "," << e.title_y0 << " - " << e.title_x1 << "," << e.title_y1 << "; map area "
                    << e.left << "," << e.top << " " << e.width << "x" << e.height);
    CHECK(land_under(e.legends_x0, e.legends_y0, e.legends_x1, e.legends_y1) == 0);
    CHECK(land_under(e.title_x0, e.title_y0, e.title_x1, e.title_y1) == 0);
    // And all of Mexico in the map area, not shrunk past half of it.
    const geo::BBox& box = b.municipalities.bbox;
    const geo::Vec2 nw = e.to_screen({box.min_x, box.max_y}), se = e.to_screen({box.max_x, box.min_y});
    CHECK(nw.x >= e.left);
    CHECK(nw.y >= e.top);
    CHECK(se.x <= e.left + e.width);
    CHECK(se.y <= e.top + e.height);
    CHECK(se.x - nw.x > e.width / 2);
}

TEST_CASE("collapsing the sidebars widens the map area, and the next run starts as they were left", "[.gui][gui][gui-window]") {
    const std::string dir = test::temp_dir("window-layout");
    const std::string config = "XDG_CONFIG_HOME='" + dir + "' ";
    const std::string size = " --width 1280 --height 720 --frames 6";
    test::Run r = test::run_shell(config + "\"$MIRADOR\"" + size);
    INFO(r.out);
    REQUIRE(r.code == 0);
    const test::WindowExit open = test::window_exit(r.out);
    REQUIRE(open.found);
    CHECK(open.left > 200);

    // F9: the left sidebar to a strip; the map takes the room.
    r = test::run_shell(config + "\"$MIRADOR\"" + size + " --press f9");
    INFO(r.out);
    REQUIRE(r.code == 0);
    const test::WindowExit collapsed = test::window_exit(r.out);
    REQUIRE(collapsed.found);
    CHECK(collapsed.left < 40);
    CHECK(collapsed.width == open.width + (open.left - collapsed.left));
    CHECK_THAT(test::file_bytes(dir + "/mirador/layout.json"), Catch::Contains("\"left_sidebar\": false"));

    // The next run starts with it collapsed; F10 then hides the right one too.
    r = test::run_shell(config + "\"$MIRADOR\"" + size + " --press f10");
    INFO(r.out);
    REQUIRE(r.code == 0);
    const test::WindowExit both = test::window_exit(r.out);
    REQUIRE(both.found);
    CHECK(both.left == collapsed.left);
    CHECK(both.width > collapsed.width + 200);
    CHECK(both.left + both.width > 1280 - 40);
    // F9 and F10 again: both back.
    r = test::run_shell(config + "\"$MIRADOR\"" + size + " --press f9,f10");
    REQUIRE(r.code == 0);
    CHECK(test::window_exit(r.out).left == open.left);
    CHECK(test::window_exit(r.out).width == open.width);

    // A layout file that is not one: said in one line, the default layout used, the file
    // replaced by a good one when the window closes.
    r = test::run_shell(config + "\"$MIRADOR\"" + size + " --press f9");
    REQUIRE(r.code == 0);
    std::ofstream(dir + "/mirador/layout.json") << "{\"left_sidebar\": fal";
    r = test::run_shell(config + "\"$MIRADOR\"" + size);
    INFO(r.out);
    REQUIRE(r.code == 0);
    CHECK_THAT(r.out, Catch::Contains("layout is not read") && Catch::Contains(dir + "/mirador/layout.json"));
    CHECK(test::window_exit(r.out).left == open.left);
    CHECK_THAT(test::file_bytes(dir + "/mirador/layout.json"), Catch::Contains("\"left_sidebar\": true"));
}

TEST_CASE("Enter in the search box flies to the first match and selects it", "[.gui][gui][gui-window]") {
    // Ctrl+F, typing, Enter, as at the keyboard; the flight takes 0.8 s (48 frames).
    const std::string run = "--width 1280 --height 720 --frames 70 --press ctrl+f,type:Culiacán";
    test::Run r = test::run_mirador(run + ",enter");
    INFO(r.out);
    REQUIRE(r.code == 0);
    test::WindowExit e = test::window_exit(r.out);
    REQUIRE(e.found);
    CHECK(e.selection == "25006 Culiacán");
    const auto& b = test::default_boundaries();
    const long f = b.municipalities.find_code("25006");
    REQUIRE(f >= 0);
    const geo::BBox& box = b.municipalities.feature_bbox[static_cast<std::size_t>(f)];
    const geo::Vec2 centre = test::to_6372(e.lon, e.lat);
    CHECK(box.contains(centre));
    // Framed: the municipality fills most of the map area's height or width.
    CHECK((box.height() / e.metres_per_pixel > 0.5 * e.height || box.width() / e.metres_per_pixel > 0.5 * e.width));

    // Without Enter, nothing is selected and the view stays on all of Mexico.
    r = test::run_mirador(run);
    REQUIRE(r.code == 0);
    e = test::window_exit(r.out);
    CHECK(e.selection == "none");
    CHECK(e.metres_per_pixel > 2000);
}

TEST_CASE("a file dropped on the window opens: incidents load, a project opens, a bad one is said", "[.gui][gui][gui-files]") {
    const std::string dir = test::temp_dir("window-drop");
    const std::string size = "--width 1280 --height 720 --frames 8 ";
    // An incident CSV, over none.
    test::Run r = test::run_mirador(size + "--no-incidents --drop " + kFixture);
    INFO(r.out);
    REQUIRE(r.code == 0);
    CHECK_THAT(r.out, Catch::Contains("stats-fixture.csv: 10 incidents loaded"));
    CHECK(test::window_exit(r.out).incidents == "9 of 10 shown, from " + kFixture);
    // Over the seed catalogue: replaced.
    r = test::run_mirador(size + "--drop " + kFixture);
    INFO(r.out);
    REQUIRE(r.code == 0);
    CHECK(test::window_exit(r.out).incidents == "9 of 10 shown, from " + kFixture);

    // A project: opened, with its incidents.
    r = test::run_mirador("snapshot --incidents " + kFixture + " --out " + dir + "/x.png --width 200 --height 150 " +
                          "--save-project " + dir + "/fixture.mirador");
    REQUIRE(r.code == 0);
    r = test::run_mirador(size + "--drop " + dir + "/fixture.mirador");
    INFO(r.out);
    REQUIRE(r.code == 0);
    CHECK_THAT(test::window_exit(r.out).incidents, Catch::EndsWith("stats-fixture.csv"));

    // A file that is missing: said in the window, the map keeps its incidents, the run goes on.
    r = test::run_mirador(size + "--screenshot " + dir + "/plain.png");
    REQUIRE(r.code == 0);
    const test::Png plain(dir + "/plain.png");
    r = test::run_mirador(size + "--drop " + dir + "/missing.csv --screenshot " + dir + "/missing.png");
    INFO(r.out);
    REQUIRE(r.code == 0);
    CHECK_THAT(r.out, Catch::Contains("missing.csv: no such file"));
    const test::WindowExit e = test::window_exit(r.out);
    CHECK_THAT(e.incidents, Catch::StartsWith("13 of 13 shown") && Catch::EndsWith("seed-incidents.csv"));
    const test::Png shot(dir + "/missing.png");
    REQUIRE(shot.px);
    REQUIRE(plain.px);
    // The notice's red text at the top of the map area, not there without the drop.
    CHECK(notice_red_pixels(shot, e) > notice_red_pixels(plain, e) + 300);

    // Neither a project nor incidents.
    std::ofstream(dir + "/notes.txt") << "hello\n";
    r = test::run_mirador(size + "--drop " + dir + "/notes.txt");
    REQUIRE(r.code == 0);
    CHECK_THAT(r.out, Catch::Contains("notes.txt: not a project (.mirador), incidents"));
}

TEST_CASE("a count table opens in the window and the map counts from it: ranking, time window, details", "[.gui][gui][gui-files]") {
    const std::string dir = test::temp_dir("window-counts");
    // Counts written here, so the sums are known: Culiacán, Juárez, Michoacán's unspecified
    // municipality (999: its state only) and a month Mazatlán did not report (NA).
    const std::string table = dir + "/homicidios.csv";
    std::ofstream(table) << "cvegeo,period,count\n"
                            "25006,2019-10,30\n25006,2019-11,5\n08037,2019-10,12\n08037,2019-11,40\n"
                            "16999,2019-10,4\n25012,2019-10,NA\n25012,2019-11,3\n";
    const std::string size = "--width 1280 --height 720 --frames 8 ";
    // Dropped on a window with no incidents: loaded off the UI thread, counted for all time.
    test::Run r = test::run_mirador(size + "--no-incidents --drop " + table);
    INFO(r.out);
    REQUIRE(r.code == 0);
    CHECK_THAT(r.out, Catch::Contains("homicidios.csv: 7 rows loaded (months per municipality)"));
    CHECK_THAT(r.out, Catch::Contains("count table at exit: " + table + ", 94 counted, 1 cells NA"));
    CHECK_THAT(r.out, Catch::Contains("1 codes for a state only"));
    CHECK_THAT(r.out, Catch::Contains("count table's top unit at exit: 08037 Juárez 52"));

    // From the command line, then one step of the time window: October 2019 only.
    r = test::run_mirador(size + "--counts " + table + " --search Culiacán --press right --screenshot " + dir + "/oct.png");
    INFO(r.out);
    REQUIRE(r.code == 0);
    CHECK_THAT(r.out, Catch::Contains("time window at exit: October 2019"));
    CHECK_THAT(r.out, Catch::Contains(", 46 counted, 1 cells NA"));
    CHECK_THAT(r.out, Catch::Contains("count table's top unit at exit: 25006 Culiacán 30"));
    CHECK(test::window_exit(r.out).selection == "25006 Culiacán");

    // A project keeps the table (and the map opens from it); incidents given with it are refused.
    r = test::run_mirador("snapshot --counts " + table + " --choropleth incidents --out " + dir + "/s.png --width 300 "
                          "--height 200 --save-project " + dir + "/counts.mirador");
    REQUIRE(r.code == 0);
    r = test::run_mirador(size + "--project " + dir + "/counts.mirador");
    INFO(r.out);
    REQUIRE(r.code == 0);
    CHECK_THAT(r.out, Catch::Contains("count table at exit: " + table));
    r = test::run_mirador(size + "--counts " + table + " --incidents " + kFixture);
    CHECK(r.code == 2);
    CHECK_THAT(r.out, Catch::Contains("a map counts from one source"));
}

TEST_CASE("the window keeps drawing while a large incident file loads", "[.gui][gui][gui-files]") {
    // 300,000 incidents with coordinates in Mexico: reading and placing them takes many frames.
    const std::string dir = test::temp_dir("window-load");
    const std::string csv = dir + "/many.csv";
    {
        std::ofstream out(csv);
        out << "id,date,place,state,lon,lat,category,actors,fatalities,injured,source,notes\n";
        std::mt19937 rng(5);
        std::uniform_real_distribution<double> lon(-103.5, -99.0), lat(19.0, 22.0);
        for (int i = 0; i < 300000; ++i)
            out << "e" << i << ",2019-0" << 1 + i % 9 << "-1" << i % 10 << ",,," << lon(rng) << ',' << lat(rng)
                << ",armed clash,,1,,,\n";
    }
    const test::Run r = test::run_mirador("--width 1280 --height 720 --frames 4 --drop " + csv);
    INFO(r.out);
    REQUIRE(r.code == 0);
    int frames = -1;
    const auto at = r.out.find("many.csv: 300000 incidents loaded; the window drew ");
    REQUIRE(at != std::string::npos);
    REQUIRE(std::sscanf(r.out.c_str() + at, "%*s %*s %*s %*s %*s %*s %*s %d", &frames) == 1);
    CHECK(frames >= 2);
    CHECK_THAT(test::window_exit(r.out).incidents, Catch::StartsWith("300000 of 300000 shown"));
}

TEST_CASE("a right click on the map opens its menu, whose items copy, zoom and select; a right drag opens nothing",
          "[.gui][gui][gui-window]") {
    const std::string size = "--width 1280 --height 720 --frames ";
    test::Run r = test::run_mirador(size + "8 --press right-click:600:300");
    INFO(r.out);
    REQUIRE(r.code == 0);
    const auto at = r.out.find("map menu at exit: open at ");
    REQUIRE(at != std::string::npos);
    double lat = 0, lon = 0;
    char code[16] = {};
    REQUIRE(std::sscanf(r.out.c_str() + at, "map menu at exit: open at %lf, %lf over %15s", &lat, &lon, code) == 3);
    // The point under the click, and the municipality there.
    const test::WindowExit e = test::window_exit(r.out);
    const geo::Vec2 clicked = e.to_screen(test::to_6372(lon, lat));
    CHECK(clicked.x == Approx(600).margin(1));
    CHECK(clicked.y == Approx(300).margin(1));
    const auto& b = test::default_boundaries();
    const long f = b.locate(test::to_6372(lon, lat));
    REQUIRE(f >= 0);
    const std::string municipality = b.municipalities.attributes[static_cast<std::size_t>(f)].code;
    CHECK(municipality == code);
    char coordinates[64];
    std::snprintf(coordinates, sizeof coordinates, "%.5f, %.5f", lat, lon);

    // A drag with the right button, however quick, opens nothing.
    r = test::run_mirador(size + "8 --press right-drag:600:300:640:320");
    CHECK_THAT(r.out, Catch::Contains("map menu at exit: closed"));

    // The items, one row under another below the click (15 px font: rows 19 px apart, the
    // coordinates first): Copy, Zoom here, Select.
    r = test::run_mirador(size + "8 --press right-click:600:300,wait,click:640:334");
    INFO(r.out);
    CHECK_THAT(r.out, Catch::Contains(std::string("clipboard at exit: ") + coordinates));
    r = test::run_mirador(size + "70 --press right-click:600:300,wait,click:640:353");
    INFO(r.out);
    const test::WindowExit zoomed = test::window_exit(r.out);
    CHECK(zoomed.metres_per_pixel == Approx(e.metres_per_pixel / 2).margin(0.1));
    CHECK(zoomed.lon == Approx(lon).margin(1e-4));
    CHECK(zoomed.lat == Approx(lat).margin(1e-4));
    r = test::run_mirador(size + "8 --press right-click:600:300,wait,click:640:372");
    INFO(r.out);
    CHECK_THAT(test::window_exit(r.out).selection, Catch::StartsWith(municipality + " "));
}
