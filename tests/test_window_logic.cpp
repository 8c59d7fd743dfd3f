// What the window decides, tested without a window: scripted keys, click or drag, the map's
// right-click menu, the ranking's order, the layout file, what a file is, and the incident
// load that runs off the UI thread.
#include <catch2/catch.hpp>

#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <future>
#include <stdexcept>
#include <thread>

#include "TestData.hpp"
#include "gui/FileKinds.hpp"
#include "gui/LayoutFile.hpp"
#include "gui/ScriptedInput.hpp"
#include "gui/WindowControls.hpp"
#include "scene/IncidentLoad.hpp"
#include "ui/MapAreaView.hpp"
#include "ui/MapMenu.hpp"
#include "ui/RankingOrder.hpp"

using namespace mirador;
namespace fs = std::filesystem;

TEST_CASE("scripted keys: names, modifiers and typed text; an unknown name is refused", "[window]") {
    auto enter = parse_scripted_step("enter");
    REQUIRE(enter);
    CHECK(enter->key == GLFW_KEY_ENTER);
    CHECK_FALSE(enter->ctrl);
    auto find = parse_scripted_step("ctrl+f");
    REQUIRE(find);
    CHECK(find->key == GLFW_KEY_F);
    CHECK(find->ctrl);
    CHECK_FALSE(find->shift);
    auto pan = parse_scripted_step("shift+right");
    REQUIRE(pan);
    CHECK(pan->key == GLFW_KEY_RIGHT);
    CHECK(pan->shift);
    CHECK_FALSE(pan->alt);
    auto slides = parse_scripted_step("ctrl+alt+e");
    REQUIRE(slides);
    CHECK(slides->key == GLFW_KEY_E);
    CHECK(slides->ctrl);
    CHECK(slides->alt);
    CHECK_FALSE(slides->shift);
    CHECK(parse_scripted_step("f9")->key == GLFW_KEY_F9);
    auto typed = parse_scripted_step("type:Culiacán");
    REQUIRE(typed);
    CHECK(typed->key == -1);
    CHECK(typed->text == "Culiacán");
    auto menu = parse_scripted_step("right-click:600:300");
    REQUIRE(menu);
    CHECK(menu->button == 1);
    CHECK(menu->at_x == 600);
    CHECK(menu->to_y == 300);
    auto flick = parse_scripted_step("drag:10:20:30.5:40");
    REQUIRE(flick);
    CHECK(flick->button == 0);
    CHECK(flick->at_y == 20);
    CHECK(flick->to_x == 30.5f);
    CHECK_FALSE(parse_scripted_step("click:10"));
    CHECK_FALSE(parse_scripted_step("click:10:20:30"));
    CHECK(parse_scripted_step("wait")->key == -1);
    auto bad = parse_scripted_step("ctrl+banana");
    REQUIRE_FALSE(bad);
    CHECK_THAT(bad.error(), Catch::Contains("'ctrl+banana'") && Catch::Contains("enter") && Catch::Contains("type:"));
    CHECK_FALSE(ScriptedInput::parse({"right", "up", "nope"}));
    auto all = ScriptedInput::parse({"right", "ctrl+f", "type:abc", "enter"});
    REQUIRE(all);
    CHECK(all->size() == 4);
}

TEST_CASE("a press and release in place is a click; any drag is not, however quick", "[window]") {
    ClickTracker t;
    t.press(100, 100);
    CHECK(t.pressed());
    CHECK(t.release(101, 102));  // within the slop
    CHECK_FALSE(t.pressed());

    // A flick: no frame saw the pointer move, the release is far away.
    t.press(100, 100);
    CHECK_FALSE(t.release(140, 100));

    // Out and back: the release is where it started, but it was a drag.
    t.press(100, 100);
    t.move(130, 90);
    CHECK(t.dragging());
    t.move(100, 100);
    CHECK_FALSE(t.release(100, 100));

    // A release with no press (the press was on a panel) is nothing.
    CHECK_FALSE(t.release(100, 100));
}

TEST_CASE("the map menu copies latitude, longitude and zooms one level in at the point", "[window]") {
    CHECK(coordinates_text({-107.3937561, 24.8088081}) == "24.80881, -107.39376");
    CHECK(coordinates_text({-99.0, 19.5}) == "19.50000, -99.00000");

    UiState ui;
    ui.view.width = 1600;
    ui.view.height = 1000;
    ui.view.center = {2500000, 1200000};
    ui.view.metres_per_pixel = 3000;
    ui.area = {345, 21, 360, 153};  // sidebars, menu bar, time and status bars
    const geo::Vec2 point{2000000, 1500000};
    const MapView v = zoomed_in_at(ui, point);
    CHECK(v.metres_per_pixel == Approx(1500));
    // The point lands in the middle of the map area, not of the window.
    const geo::Vec2 at = v.map_to_screen(point);
    CHECK(at.x == Approx(345 + (1600 - 345 - 360) / 2.0));
    CHECK(at.y == Approx(21 + (1000 - 21 - 153) / 2.0));

    zoom_here(ui, point);
    CHECK(ui.fly.active);
    CHECK(ui.fly.to.metres_per_pixel == Approx(1500));
    CHECK(ui.fly.from.metres_per_pixel == Approx(3000));
}

namespace {

// A 1000 x 800 window whose panels leave a map area of 600 x 680, the home box wider than tall
// as Mexico.
UiState window_with_panels() {
    UiState ui;
    ui.view.width = 1000;
    ui.view.height = 800;
    ui.area = {200, 20, 200, 100};
    ui.home_box.add(geo::Vec2{0, 0});
    ui.home_box.add(geo::Vec2{3000, 2000});
    return ui;
}

}  // namespace

TEST_CASE("reset view: Mexico's leftover room goes to the time label, then below; the legends cover no land",
          "[window]") {
    UiState ui = window_with_panels();
    MapView v = home_view(ui, 45);
    // Fitted to the width with 2% margins; the top of the box 45 px under the area's top.
    CHECK(v.metres_per_pixel == Approx(3000 / (600 * 0.96)));
    CHECK(v.map_to_screen({0, 2000}).y == Approx(20 + 45));
    CHECK(v.map_to_screen({0, 2000}).x == Approx(200 + 600 * 0.02));

    // Land in the box's bottom-left corner, a legend drawn over the area's bottom-left corner.
    const LandTest land = [](geo::Vec2 p) { return p.x < 1000 && p.y < 600 && p.x > 0 && p.y > 0; };
    ui.legends_box.add(geo::Vec2{210, 400});
    ui.legends_box.add(geo::Vec2{420, 690});
    const auto covered = [&](const MapView& view) {
        for (double y = ui.legends_box.min_y; y <= ui.legends_box.max_y; y += 1)
            for (double x = ui.legends_box.min_x; x <= ui.legends_box.max_x; x += 1)
                if (land(view.screen_to_map(x, y))) return true;
        return false;
    };
    REQUIRE(covered(v));  // without the land test, the legend covers land
    CHECK(home_view(ui, 45).metres_per_pixel == Approx(v.metres_per_pixel));
    const MapView clear = home_view(ui, 45, land);
    CHECK_FALSE(covered(clear));
    CHECK(clear.metres_per_pixel > v.metres_per_pixel);
    CHECK(clear.metres_per_pixel < 1.5 * v.metres_per_pixel);  // only as much smaller as it takes
    // Still all of it in the map area, under the time label's room.
    CHECK(clear.map_to_screen({0, 2000}).y >= 20 + 45 - 1);
    CHECK(clear.map_to_screen({3000, 0}).y <= 800 - 100);
    // A legend too large to avoid at half the size: the plain view.
    ui.legends_box.add(geo::Vec2{790, 100});
    CHECK(home_view(ui, 45, land).metres_per_pixel == Approx(v.metres_per_pixel));
}

TEST_CASE("a document's extent of about all of Mexico is shown as reset view shows it; a title block keeps its room",
          "[window]") {
    UiState ui = window_with_panels();
    const LandTest land = [](geo::Vec2 p) { return p.x < 1000 && p.y < 600 && p.x > 0 && p.y > 0; };
    ui.legends_box.add(geo::Vec2{210, 400});
    ui.legends_box.add(geo::Vec2{420, 690});

    // A little more than Mexico (as a briefing made full screen saves it): the home view, clear
    // of the legends, rather than the extent fitted with the legends over the south-west.
    geo::BBox about;
    about.add(geo::Vec2{-100, -50});
    about.add(geo::Vec2{3150, 2050});
    const MapView home = home_view(ui, 45, land);
    const MapView shown = view_of_extent(ui, about, 45, land);
    CHECK(shown.metres_per_pixel == Approx(home.metres_per_pixel));
    CHECK(shown.center.x == Approx(home.center.x));
    CHECK(shown.center.y == Approx(home.center.y));
    CHECK(shown.metres_per_pixel != Approx(view_fitting(ui, about, 0.0).metres_per_pixel));
    // A region (a slide on one city), or far more than Mexico: the extent as it is.
    geo::BBox city;
    city.add(geo::Vec2{100, 100});
    city.add(geo::Vec2{400, 300});
    CHECK(view_of_extent(ui, city, 45, land).metres_per_pixel == Approx(view_fitting(ui, city, 0.0).metres_per_pixel));
    geo::BBox continent;
    continent.add(geo::Vec2{-3000, -3000});
    continent.add(geo::Vec2{6000, 5000});
    CHECK(view_of_extent(ui, continent, 45, land).center.x == Approx(view_fitting(ui, continent, 0.0).center.x));

    // A title block across the top-left over Mexico's top-left corner: Mexico goes under it.
    UiState titled = ui;
    titled.legends_box = geo::BBox{};
    titled.title_box.add(geo::Vec2{210, 30});
    titled.title_box.add(geo::Vec2{520, 110});
    const LandTest top_left = [](geo::Vec2 p) { return p.x > 0 && p.x < 900 && p.y > 1400 && p.y < 2000; };
    const MapView under = home_view(titled, 45, top_left);
    CHECK(under.map_to_screen({0, 2000}).y >= 110);
    for (double y = 30; y <= 110; y += 4)
        for (double x = 210; x <= 520; x += 4) CHECK_FALSE(top_left(under.screen_to_map(x, y)));
}

namespace {

geo::UnitCount unit(std::size_t u, std::uint64_t incidents, std::uint64_t fatalities, std::optional<double> rate) {
    return geo::UnitCount{u, incidents, fatalities, rate};
}

}  // namespace

TEST_CASE("the ranking sorts by every column both ways, unplaced and unknown values last", "[window]") {
    // Four municipalities (names folded as the panel folds them) and one state-level row, in
    // the ranking's order (most incidents first).
    const std::vector<std::string> names = {"culiacan", "alamos", "zapopan", "merida"};
    const std::vector<geo::UnitCount> units = {unit(0, 9, 1, 0.9), unit(2, 5, 20, std::nullopt), unit(1, 5, 3, 4.0),
                                               unit(3, 2, 7, 0.1)};
    const geo::UnitCount state = unit(5, 4, 40, std::nullopt);
    const std::vector<geo::AggregationRow> rows = {{geo::AggregationRow::Kind::Unit, &units[0]},
                                                   {geo::AggregationRow::Kind::Unit, &units[1]},
                                                   {geo::AggregationRow::Kind::Unit, &units[2]},
                                                   {geo::AggregationRow::Kind::StateLevel, &state},
                                                   {geo::AggregationRow::Kind::Unit, &units[3]}};
    using C = RankingColumn;
    using V = std::vector<std::size_t>;
    CHECK(ranking_ranks(rows) == V{1, 2, 3, 0, 4});
    CHECK(ranking_order(rows, {C::Incidents, false}, names) == V{0, 1, 2, 3, 4});
    CHECK(ranking_order(rows, {C::Incidents, true}, names) == V{4, 3, 1, 2, 0});  // ties keep their order
    CHECK(ranking_order(rows, {C::Fatalities, false}, names) == V{3, 1, 4, 2, 0});
    CHECK(ranking_order(rows, {C::Fatalities, true}, names) == V{0, 2, 4, 1, 3});
    // By name: alamos, culiacan, merida, zapopan; the state-level row has none and comes last.
    CHECK(ranking_order(rows, {C::Municipality, true}, names) == V{2, 0, 4, 1, 3});
    CHECK(ranking_order(rows, {C::Municipality, false}, names) == V{1, 4, 0, 2, 3});
    // By rate: the municipality without population and the state-level row last, either way.
    CHECK(ranking_order(rows, {C::Rate, false}, names) == V{2, 0, 4, 1, 3});
    CHECK(ranking_order(rows, {C::Rate, true}, names) == V{4, 0, 2, 1, 3});
    // By rank: the ranking, or its reverse, the unranked row last.
    CHECK(ranking_order(rows, {C::Rank, true}, names) == V{0, 1, 2, 3, 4});
    CHECK(ranking_order(rows, {C::Rank, false}, names) == V{4, 2, 1, 0, 3});
}

TEST_CASE("the ranking sorts names with accents among the plain letters", "[window]") {
    const auto& b = test::default_boundaries();
    const auto keys = ranking_name_keys(b);
    REQUIRE(keys.size() == b.municipalities.attributes.size());
    const long alamos = b.municipalities.find_code("26003");  // Álamos, Sonora
    REQUIRE(alamos >= 0);
    CHECK(keys[static_cast<std::size_t>(alamos)] == "alamos");
    CHECK(keys[static_cast<std::size_t>(alamos)] < "zapopan");
}

TEST_CASE("the layout file: written and read back, missing, broken or wrong", "[window]") {
    const std::string dir = test::temp_dir("layout-file");
    const std::string path = dir + "/deeper/layout.json";
    UiState ui;
    ui.left_sidebar = false;
    ui.sections.heatmap = true;
    ui.sections.filters = false;
    REQUIRE(write_layout(path, ui));

    UiState back;
    auto read = read_layout(path, back);
    REQUIRE(read);
    CHECK(*read);
    CHECK_FALSE(back.left_sidebar);
    CHECK(back.right_sidebar);
    CHECK(back.sections.heatmap);
    CHECK_FALSE(back.sections.filters);
    CHECK(back.sections.layers);

    UiState fresh;
    auto none = read_layout(dir + "/absent.json", fresh);
    REQUIRE(none);
    CHECK_FALSE(*none);
    CHECK(fresh.left_sidebar);

    const auto broken = [&](const std::string& text) {
        std::ofstream(path) << text;
        UiState u;
        u.left_sidebar = true;
        auto r = read_layout(path, u);
        CHECK(u.left_sidebar);  // untouched
        CHECK_FALSE(u.sections.heatmap);
        return r;
    };
    auto r = broken("{\"left_sidebar\": fals");
    REQUIRE_FALSE(r);
    CHECK_THAT(r.error(), Catch::Contains(path) && Catch::Contains("not JSON"));
    r = broken("[1, 2]");
    REQUIRE_FALSE(r);
    CHECK_THAT(r.error(), Catch::Contains("not a JSON object"));
    // One wrong field leaves every field as it was, even those before it.
    r = broken(R"({"left_sidebar": false, "sections": {"heatmap": true, "layers": "yes"}})");
    REQUIRE_FALSE(r);
    CHECK_THAT(r.error(), Catch::Contains("sections.layers"));
    r = broken(R"({"sections": 3})");
    REQUIRE_FALSE(r);
    CHECK_THAT(r.error(), Catch::Contains("\"sections\""));
    // Fields it does not know are left alone (a newer version's file).
    std::ofstream(path) << R"({"left_sidebar": false, "zoom_buttons": true})";
    UiState u;
    REQUIRE(read_layout(path, u));
    CHECK_FALSE(u.left_sidebar);
}

TEST_CASE("a file's kind is its extension, in any case", "[window]") {
    CHECK(file_kind("/a/briefing.mirador") == FileKind::Project);
    CHECK(file_kind("B.MIRADOR") == FileKind::Project);
    CHECK(file_kind("events.CSV") == FileKind::Incidents);
    CHECK(file_kind("x.gpkg") == FileKind::Incidents);
    CHECK(file_kind("x.geojson") == FileKind::Incidents);
    CHECK(file_kind("notes.txt") == FileKind::Other);
    CHECK(file_kind("folder/") == FileKind::Other);
    CHECK_THAT(openable_kinds_text(), Catch::Contains(".mirador") && Catch::Contains(".gpkg"));
}

TEST_CASE("an incident load runs off the calling thread and hands its layer over when taken", "[window]") {
    IncidentLoad load;
    CHECK_FALSE(load.busy());
    CHECK_FALSE(load.take());

    // A job that waits for the test to let it go: while it waits, the caller goes on.
    std::promise<void> go;
    std::shared_future<void> released = go.get_future().share();
    std::promise<void> placing;
    REQUIRE(load.start("slow.csv", [released, &placing](LoadProgress& p) {
        p.stage = LoadProgress::Stage::Placing;
        placing.set_value();
        released.wait();
        LoadedIncidents out;
        out.source.path = "slow.csv";
        auto layer = std::make_unique<IncidentLayer>();
        layer->source = "slow.csv";
        out.layer = std::move(layer);
        out.problems.push_back("slow.csv:3: a row skipped");
        return out;
    }));
    placing.get_future().wait();
    CHECK(load.busy());
    CHECK_FALSE(load.ready());
    CHECK_FALSE(load.take());  // not finished: nothing, and no waiting
    CHECK(load.label() == "slow.csv");
    CHECK(load.fraction() > 0.0f);
    CHECK(load.fraction() < 1.0f);
    CHECK(std::string(load.stage_text()) == "placing the incidents");
    // Another load is refused while one runs.
    CHECK_FALSE(load.start("other.csv", [](LoadProgress&) { return LoadedIncidents{}; }));

    go.set_value();
    load.wait();
    CHECK(load.ready());
    auto got = load.take();
    REQUIRE(got);
    REQUIRE(got->layer);
    CHECK(got->layer.value()->source == "slow.csv");
    CHECK(got->problems.size() == 1);
    CHECK_FALSE(load.busy());
    CHECK_FALSE(load.take());  // once

    // A failure is an error to show; a job that throws is one too, with its message.
    REQUIRE(load.start("bad.csv", [](LoadProgress&) {
        LoadedIncidents out;
        out.layer = geo::make_error("bad.csv: line 2: no date");
        return out;
    }));
    load.wait();
    got = load.take();
    REQUIRE(got);
    REQUIRE_FALSE(got->layer);
    CHECK(got->layer.error() == "bad.csv: line 2: no date");
    REQUIRE(load.start("huge.csv", [](LoadProgress&) -> LoadedIncidents { throw std::runtime_error("out of memory"); }));
    load.wait();
    got = load.take();
    REQUIRE(got);
    REQUIRE_FALSE(got->layer);
    CHECK(got->layer.error() == "huge.csv: out of memory");
}
