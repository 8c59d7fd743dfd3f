// The animation and slide exports in bounded steps (issue 12): the window takes one step a frame,
// so a step draws at most one tile of a frame or a slide (a 4K frame is several tiles; here small
// tiles stand for them) and never waits for the video encoder; the command line loops the same
// steps, waiting for the encoder, and writes the very same bytes. Cancelled between tiles, a run
// leaves no frame, no slide and no temporary file. Work is counted, not timed.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <vector>

#include "DocumentHelpers.hpp"
#include "IncidentFixtures.hpp"
#include "ProcessRun.hpp"
#include "TestData.hpp"
#include "commands/AnimationRun.hpp"
#include "commands/SlidesRun.hpp"

using namespace mirador;
namespace fs = std::filesystem;

namespace {

// Tiles of at most 256 pixels on a 400 x 300 frame: 2 columns and 2 rows.
constexpr int kTile = 256;
constexpr std::size_t kTilesPerFrame = 4;

doc::MapDocument seed_map() {
    doc::MapDocument d;
    test::show_layer(d, doc::LayerKind::Points, true);
    d.style_of<doc::FillStyle>().measure = ChoroplethMeasure::Incidents;
    test::frame_box(d, LonLatBox{-109.5, 22.4, -105.3, 27.1});
    test::set_days(d, "2019-09-01", "2019-11-30");
    return d;
}

AnimateOptions animate_options(const std::string& out) {
    AnimateOptions o;
    o.out = out;
    o.step = "month";
    o.hold_last = 1;
    o.frame.width = 400;
    o.frame.height = 300;
    o.frame.tile_size = kTile;
    return o;
}

std::vector<std::string> names_in(const std::string& dir) {
    std::vector<std::string> names;
    for (const auto& e : fs::directory_iterator(dir)) names.push_back(e.path().filename().string());
    std::sort(names.begin(), names.end());
    return names;
}

struct Steps {
    int steps = 0;
    std::size_t most_tiles_in_a_step = 0;
};

// Runs `run` to the end as the window does (wait_for_writer false) or as the command line does.
Steps run_animation(AnimationRun& run, bool wait_for_writer) {
    Steps s;
    for (;;) {
        const std::size_t before = run.tiles_drawn();
        auto done = run.step(wait_for_writer);
        if (!done) FAIL(done.error());
        ++s.steps;
        s.most_tiles_in_a_step = std::max(s.most_tiles_in_a_step, run.tiles_drawn() - before);
        if (*done) return s;
        // (The window's way spins while the encoder works: a guard against a run that never ends.)
        if (s.steps >= 100000000) FAIL("the run did not end");
    }
}

}  // namespace

TEST_CASE("an animation is made a tile a step, and the window's steps write the command line's bytes",
          "[export][render][series]") {
    auto& seeds = test::placed_incidents(test::assets_dir() + "/incidents/seed-incidents.csv");
    const auto& b = test::default_boundaries();
    test::LayerRestorer restore(*seeds.layer, b);
    const std::string dir = test::temp_dir("series-animation");
    const doc::MapDocument d = seed_map();
    auto map = HeadlessMap::create(b, seeds.layer.get());
    REQUIRE(map);

    for (const std::string& ext : {std::string(), std::string(".gif")}) {
        INFO("output " << (ext.empty() ? "a PNG folder" : ext));
        // The window's way: never waiting for the writer's thread.
        auto window = AnimationRun::plan(d, animate_options(dir + "/window" + ext), *seeds.layer, b, nullptr, **map);
        REQUIRE(window);
        REQUIRE((*window)->open());
        const Steps w = run_animation(**window, false);
        // Three months, each 4 tiles, and the last frame held once.
        CHECK((*window)->sequence().frames() == 4);
        CHECK((*window)->tiles_drawn() == 3 * kTilesPerFrame);
        CHECK(w.most_tiles_in_a_step == 1);
        // A frame's export started, then each tile, a step each (and steps that find the
        // writer busy): far more steps than frames.
        CHECK(w.steps >= int(3 * (kTilesPerFrame + 1) + 2));

        // The command line's way: the same steps, waiting for the writer.
        auto cli = AnimationRun::plan(d, animate_options(dir + "/cli" + ext), *seeds.layer, b, nullptr, **map);
        REQUIRE(cli);
        REQUIRE((*cli)->open());
        const Steps c = run_animation(**cli, true);
        CHECK(c.most_tiles_in_a_step == 1);
        // Each frame's export started and its tiles (the last one hands the frame to the
        // writer), the held frame, the file completed: a step each.
        CHECK(c.steps == int(3 * (kTilesPerFrame + 1) + 1 + 1));
        CHECK((*cli)->tiles_drawn() == 3 * kTilesPerFrame);
        if (ext.empty()) {
            REQUIRE(names_in(dir + "/window") ==
                    std::vector<std::string>{"frame-00001.png", "frame-00002.png", "frame-00003.png", "frame-00004.png"});
            REQUIRE(names_in(dir + "/cli") == names_in(dir + "/window"));
            for (const std::string& name : names_in(dir + "/cli")) {
                INFO(name);
                CHECK(test::file_bytes(dir + "/window/" + name) == test::file_bytes(dir + "/cli/" + name));
            }
            // Months differ (the run did not write one frame four times).
            CHECK(test::file_bytes(dir + "/cli/frame-00001.png") != test::file_bytes(dir + "/cli/frame-00002.png"));
            CHECK(test::file_bytes(dir + "/cli/frame-00003.png") == test::file_bytes(dir + "/cli/frame-00004.png"));
        } else {
            const std::string gif = test::file_bytes(dir + "/window.gif");
            CHECK(gif.size() > 1000);
            CHECK(gif == test::file_bytes(dir + "/cli.gif"));
        }
    }
}

TEST_CASE("an animation cancelled between the tiles of a frame leaves no frame and no file", "[export][render][series]") {
    auto& seeds = test::placed_incidents(test::assets_dir() + "/incidents/seed-incidents.csv");
    const auto& b = test::default_boundaries();
    test::LayerRestorer restore(*seeds.layer, b);
    const std::string dir = test::temp_dir("series-animation-cancel");
    auto map = HeadlessMap::create(b, seeds.layer.get());
    REQUIRE(map);
    for (const std::string& out : {dir + "/frames", dir + "/clip.gif"}) {
        INFO(out);
        auto run = AnimationRun::plan(seed_map(), animate_options(out), *seeds.layer, b, nullptr, **map);
        REQUIRE(run);
        REQUIRE((*run)->open());
        // Into the second frame: the first is written (or being encoded), the second half drawn.
        while ((*run)->tiles_drawn() < kTilesPerFrame + 2) {
            auto done = (*run)->step(false);
            REQUIRE(done);
            REQUIRE_FALSE(*done);
        }
        CHECK((*run)->progress() > 1.0 / 4);
        CHECK((*run)->progress() < 2.0 / 4);
        (*run)->cancel();
        // No frame, no video, no temporary file: the folder is as it was (empty).
        CHECK(names_in(dir).empty());
    }
}

TEST_CASE("slides are written a tile a step, and a cancel between tiles leaves no slide", "[export][render][series]") {
    const auto& b = test::default_boundaries();
    const std::string dir = test::temp_dir("series-slides");
    doc::MapDocument d;
    doc::Slide culiacan;
    culiacan.name = "Culiacán";
    doc::MapDocument framed;
    test::frame_box(framed, LonLatBox{-107.9, 24.4, -106.9, 25.2});
    culiacan.view = framed.view;
    doc::Slide mexico;
    mexico.name = "México";
    d.slides = {culiacan, mexico};
    auto map = HeadlessMap::create(b);
    REQUIRE(map);
    ExportSlidesOptions o;
    o.frame.width = 400;
    o.frame.height = 300;
    o.frame.tile_size = kTile;

    // Stepped to the end: a path only when a slide's file is complete.
    o.out_dir = dir + "/stepped";
    auto run = SlidesRun::start(d, o, b, **map);
    REQUIRE(run);
    int steps = 0;
    std::vector<std::string> paths;
    std::size_t most = 0;
    while (!run->done()) {
        const std::size_t before = run->tiles_drawn();
        auto path = run->step();
        REQUIRE(path);
        ++steps;
        most = std::max(most, run->tiles_drawn() - before);
        if (!path->empty()) {
            CHECK(fs::exists(*path));
            paths.push_back(*path);
        }
    }
    CHECK(paths.size() == 2);
    CHECK(run->tiles_drawn() == 2 * kTilesPerFrame);
    CHECK(most == 1);
    // Each slide's export started, then its tiles, a step each.
    CHECK(steps == int(2 * (kTilesPerFrame + 1)));
    CHECK(names_in(o.out_dir) == std::vector<std::string>{"01-culiacan.png", "02-mexico.png"});

    // Cancelled in the second slide: the first file goes, the second was never put in place.
    o.out_dir = dir + "/cancelled";
    auto cancelled = SlidesRun::start(d, o, b, **map);
    REQUIRE(cancelled);
    while (cancelled->tiles_drawn() < kTilesPerFrame + 2) REQUIRE(cancelled->step());
    CHECK(cancelled->written() == 1);
    CHECK(cancelled->progress() > 0.5);
    CHECK(cancelled->progress() < 1.0);
    CHECK(names_in(o.out_dir) == std::vector<std::string>{"01-culiacan.png"});
    cancelled->discard();
    CHECK_FALSE(fs::exists(o.out_dir));
}
