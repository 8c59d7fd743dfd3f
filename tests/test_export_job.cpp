// Exports through ExportJob: a map rendered in small tiles equals the same map rendered at once
// (within one level per channel, no seam rows, the labels placed once), a size that cannot be
// made is refused with the reason, an export at two sizes shows the same extent, and cancelling
// leaves the target file as it was.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>

#include "DocumentHelpers.hpp"
#include "IncidentFixtures.hpp"
#include "ProcessRun.hpp"
#include "SyntheticIncidents.hpp"
#include "TestData.hpp"
#include "cli/CommandLine.hpp"
#include "commands/Snapshot.hpp"
#include "export/ImageRowSink.hpp"
#include "platform/GlContext.hpp"
#include "render/GlUtil.hpp"
#include "scene/ExportJob.hpp"

using namespace mirador;

namespace {

doc::MapDocument furnished_sinaloa() {
    CommandLine cl;
    const ParseOutcome p = parse_command_line({"snapshot", "--out", "/tmp/never-written.png", "--bbox",
                                               "-109.5,22.4,-105.3,27.1", "--title", "Sinaloa", "--scale-bar",
                                               "--north-arrow"},
                                              cl);
    REQUIRE_FALSE(p.exit_code);
    return cl.document;
}

SnapshotResult render(const doc::MapDocument& d, int width, int height, int tile_size, IncidentLayer* incidents) {
    SnapshotOptions o;
    o.width = width;
    o.height = height;
    o.tile_size = tile_size;
    auto s = render_snapshot(test::default_boundaries(), d, o, incidents);
    if (!s) FAIL(s.error());
    return std::move(s).value();
}

// Every pixel within one level per channel; a seam would be a whole row or column off.
void check_same_pixels(const SnapshotResult& whole, const SnapshotResult& tiled) {
    const int w = whole.image.width, h = whole.image.height;
    REQUIRE(tiled.image.width == w);
    REQUIRE(tiled.image.height == h);
    int worst = 0;
    long off = 0;
    std::vector<int> off_in_row(h, 0), off_in_column(w, 0);
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x) {
            const auto *a = whole.image.at(x, y), *b = tiled.image.at(x, y);
            int d_max = 0;
            for (int c = 0; c < 4; ++c) d_max = std::max(d_max, std::abs(int(a[c]) - int(b[c])));
            worst = std::max(worst, d_max);
            if (d_max > 1) ++off, ++off_in_row[y], ++off_in_column[x];
        }
    // A tile's view has its own centre, so a polygon edge passing within about 1e-4 pixel of a
    // pixel's centre (float rounding in the vertex shader) may fall on the other side: a handful of
    // isolated pixels, never a row or a column (a seam would be hundreds in one).
    INFO("pixels more than one level apart: " << off << ", largest difference " << worst);
    CHECK(off <= w * h / 20000);
    CHECK(*std::max_element(off_in_row.begin(), off_in_row.end()) <= 2);
    CHECK(*std::max_element(off_in_column.begin(), off_in_column.end()) <= 2);
}

}  // namespace

TEST_CASE("an export in 256-pixel tiles equals the same export made at once", "[export][render]") {
    auto& seeds = test::placed_incidents(test::assets_dir() + "/incidents/seed-incidents.csv");
    const auto d = furnished_sinaloa();
    const int w = 900, h = 700;
    const SnapshotResult whole = render(d, w, h, 0, seeds.layer.get());
    const SnapshotResult tiled = render(d, w, h, 256, seeds.layer.get());
    REQUIRE(tiled.image.width == w);
    REQUIRE(tiled.image.height == h);

    check_same_pixels(whole, tiled);

    // Labels and furniture laid out once, for the whole image: the same places.
    REQUIRE(whole.labels.size() == tiled.labels.size());
    CHECK_FALSE(whole.labels.empty());
    for (std::size_t i = 0; i < whole.labels.size(); ++i) {
        CHECK(whole.labels[i].x0 == tiled.labels[i].x0);
        CHECK(whole.labels[i].y0 == tiled.labels[i].y0);
    }
    REQUIRE(whole.furniture.boxes.size() == tiled.furniture.boxes.size());
    for (std::size_t i = 0; i < whole.furniture.boxes.size(); ++i) {
        CHECK(whole.furniture.boxes[i].box.x0 == tiled.furniture.boxes[i].box.x0);
        CHECK(whole.furniture.boxes[i].box.y1 == tiled.furniture.boxes[i].box.y1);
    }
}

TEST_CASE("tiles draw the points as the whole image does: one by one or binned with one colour scale", "[export][render]") {
    // 30,000 incidents in three clusters. Over Sinaloa the whole image has few enough on screen to
    // draw one by one while a 256-pixel tile over Culiacán alone has more than its share; over
    // all of Mexico the image bins them, and every tile must use the image's colour scale.
    test::SyntheticIncidents inc = test::synthetic_incidents(30000, 9);
    doc::MapDocument mexico;
    for (const doc::MapDocument& d : {furnished_sinaloa(), mexico}) {
        INFO((d.view.extent ? "Sinaloa" : "all of Mexico"));
        const SnapshotResult whole = render(d, 900, 700, 0, inc.layer.get());
        const SnapshotResult tiled = render(d, 900, 700, 256, inc.layer.get());
        check_same_pixels(whole, tiled);
    }
}

TEST_CASE("an export at two sizes shows the same extent", "[export][render]") {
    const auto d = furnished_sinaloa();
    const auto& b = test::default_boundaries();
    const geo::BBox small = view_for_document(d.view, b, 800, 500).visible();
    const geo::BBox large = view_for_document(d.view, b, 3200, 2000).visible();
    CHECK(small.min_x == Approx(large.min_x));
    CHECK(small.max_x == Approx(large.max_x));
    CHECK(small.min_y == Approx(large.min_y));
    CHECK(small.max_y == Approx(large.max_y));
    // And what is drawn sits at the same relative place: Culiacán's fill in both.
    const SnapshotResult a = render(d, 400, 250, 0, nullptr), c = render(d, 800, 500, 0, nullptr);
    const geo::Vec2 culiacan = test::to_6372(-107.3937561, 24.8088081);
    const geo::Vec2 pa = a.view.map_to_screen(culiacan), pc = c.view.map_to_screen(culiacan);
    CHECK(pc.x == Approx(2 * pa.x).margin(1));
    CHECK(pc.y == Approx(2 * pa.y).margin(1));
}

TEST_CASE("an export that cannot be made says why before writing anything", "[export][render]") {
    auto ctx = HeadlessGlContext::create();
    REQUIRE(ctx);
    auto scene = MapScene::create(test::default_boundaries());
    REQUIRE(scene);
    doc::MapDocument d;
    FrameContext c;
    const SceneParams p = export_scene_params(d, c, test::default_boundaries(), 40000, 1000, 0);
    Image unused;
    auto job = ExportJob::start(**scene, p, std::make_unique<ImageRowSink>(unused, 40000, 1000));
    REQUIRE_FALSE(job);
    CHECK_THAT(job.error(), Catch::Contains("40000 x 1000") && Catch::Contains("largest export is 32768 x 32768"));

    // On the command line too, and no file is left.
    const std::string out = (std::filesystem::temp_directory_path() / "mirador-too-big.png").string();
    std::filesystem::remove(out);
    const auto r = test::run_mirador("snapshot --out " + out + " --width 40000 --height 100");
    CHECK(r.code != 0);
    CHECK_THAT(r.out, Catch::Contains("32768"));
    CHECK_FALSE(std::filesystem::exists(out));
}

TEST_CASE("a cancelled export leaves the target as it was", "[export][render]") {
    auto ctx = HeadlessGlContext::create();
    REQUIRE(ctx);
    auto scene = MapScene::create(test::default_boundaries());
    REQUIRE(scene);
    const std::string out = (std::filesystem::temp_directory_path() / "mirador-cancelled.png").string();
    { std::FILE* f = std::fopen(out.c_str(), "wb"); std::fputs("before", f); std::fclose(f); }
    doc::MapDocument d;
    const SceneParams p = export_scene_params(d, FrameContext{}, test::default_boundaries(), 600, 600, 0);
    auto sink = open_export_file(out, p.frame.view, d.view.crs, 0);
    REQUIRE(sink);
    ExportTiling tiling;
    tiling.max_tile_size = 256;
    auto job = ExportJob::start(**scene, p, std::move(sink).value(), tiling);
    REQUIRE(job);
    REQUIRE((*job)->plan().tiles.size() > 2);
    auto first = (*job)->step();
    REQUIRE(first);
    CHECK_FALSE(*first);
    CHECK((*job)->progress() > 0);
    CHECK((*job)->progress() < 1);
    (*job)->cancel();
    CHECK((*job)->cancelled());
    CHECK(test::file_bytes(out) == "before");
    std::filesystem::remove(out);
}

namespace {

Image run_job(MapScene& scene, const SceneParams& p, const ExportTiling& tiling, std::unique_ptr<ExportCanvas> canvas) {
    Image out;
    auto job = ExportJob::start(scene, p, std::make_unique<ImageRowSink>(out, p.frame.view.width, p.frame.view.height),
                                tiling, std::move(canvas));
    if (!job) FAIL(job.error());
    while (!(*job)->done())
        if (auto r = (*job)->step(); !r) FAIL(r.error());
    return out;
}

}  // namespace

TEST_CASE("a canvas made before the map is known draws the same image and one made for another export is not used",
          "[export][render]") {
    auto ctx = HeadlessGlContext::create();
    REQUIRE(ctx);
    auto scene = MapScene::create(test::default_boundaries());
    REQUIRE(scene);
    const doc::MapDocument d = furnished_sinaloa();
    FrameContext c;
    c.software_gl = gl::is_software_renderer();
    const SceneParams p = export_scene_params(d, c, test::default_boundaries(), 640, 400, 0);
    const Image made_by_the_job = run_job(**scene, p, ExportTiling{}, nullptr);
    REQUIRE(made_by_the_job.width == 640);

    auto ahead = ExportCanvas::create(640, 400, export_pixel_scale(640, 400, 0));
    REQUIRE(ahead);
    CHECK((*ahead)->fits(640, 400, p.overlay.pixel_scale, ExportTiling{}));
    CHECK((*ahead)->plan().tiles.size() == 1);
    const Image in_ahead = run_job(**scene, p, ExportTiling{}, std::move(ahead).value());
    CHECK(in_ahead.rgba == made_by_the_job.rgba);

    // Made for a smaller image, at another text scale or for other tiles: the job makes its own.
    ExportTiling small_tiles;
    small_tiles.max_tile_size = 256;
    auto smaller = ExportCanvas::create(320, 200, p.overlay.pixel_scale);
    auto larger_text = ExportCanvas::create(640, 400, 2 * p.overlay.pixel_scale);
    auto tiled = ExportCanvas::create(640, 400, p.overlay.pixel_scale, small_tiles);
    REQUIRE(smaller);
    REQUIRE(larger_text);
    REQUIRE(tiled);
    CHECK_FALSE((*smaller)->fits(640, 400, p.overlay.pixel_scale, ExportTiling{}));
    CHECK_FALSE((*larger_text)->fits(640, 400, p.overlay.pixel_scale, ExportTiling{}));
    CHECK_FALSE((*tiled)->fits(640, 400, p.overlay.pixel_scale, ExportTiling{}));
    CHECK((*tiled)->plan().tiles.size() > 1);
    CHECK(run_job(**scene, p, ExportTiling{}, std::move(smaller).value()).rgba == made_by_the_job.rgba);
    CHECK(run_job(**scene, p, ExportTiling{}, std::move(larger_text).value()).rgba == made_by_the_job.rgba);
    CHECK(run_job(**scene, p, ExportTiling{}, std::move(tiled).value()).rgba == made_by_the_job.rgba);
}
