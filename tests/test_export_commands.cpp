// The export commands end to end, through the real binary where a user would see the result:
// `snapshot --slide N` renders that slide, `export-slides` one file per slide (the same pixels
// as `snapshot --slide`), a GeoTIFF puts Culiacán where it is and says its DPI, `animate` makes a
// frame per window (--skip-empty, --hold-last) with one colour scale across them, and a missing
// H.264 encoder, a missing video module or one of another version is a clear message.
#include <catch2/catch.hpp>

#include <gdal_priv.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <filesystem>

#include "DocumentHelpers.hpp"
#include "IncidentFixtures.hpp"
#include "ProcessRun.hpp"
#include "TestData.hpp"
#include "cli/CommandLine.hpp"
#include "commands/ExportSlides.hpp"
#include "document/ProjectFile.hpp"
#include "export/ImageRowSink.hpp"
#include "export/video/VideoModuleAbi.h"
#include "mirador/geo/GdalRegistration.hpp"
#include "scene/AnimationSequence.hpp"
#include "scene/Choropleth.hpp"
#include "style/Palette.hpp"

using namespace mirador;
namespace fs = std::filesystem;

namespace {

const std::string kSinaloa = "-109.5,22.4,-105.3,27.1";

// A project of the seed incidents with two slides: Culiacán in October 2019, then all of Mexico
// over all time with the heatmap.
std::string briefing(const std::string& dir) {
    doc::MapDocument d;
    geo::IncidentSource seeds;
    seeds.path = test::assets_dir() + "/incidents/seed-incidents.csv";
    d.sources.incidents.push_back(seeds);
    doc::Slide culiacan;
    culiacan.name = "Culiacán, octubre de 2019";
    culiacan.title = "Culiacán";
    doc::MapDocument framed;
    test::frame_box(framed, LonLatBox{-107.9, 24.4, -106.9, 25.2});
    culiacan.view = framed.view;
    culiacan.layers = d.layers;
    culiacan.time.all_time = false;
    culiacan.time.from = "2019-10-01";
    culiacan.time.to = "2019-10-31";
    doc::Slide mexico;
    mexico.name = "México / todo";
    mexico.layers = d.layers;
    for (doc::Layer& l : mexico.layers)
        if (l.kind() == doc::LayerKind::Heatmap) l.visible = true;
    d.slides = {culiacan, mexico};
    const std::string path = dir + "/briefing.mirador";
    REQUIRE(doc::save_project(d, path));
    return path;
}

}  // namespace

TEST_CASE("snapshot --slide N renders that slide, and a number out of range names the count", "[export][cli]") {
    const std::string dir = test::temp_dir("export-slide");
    const std::string project = briefing(dir);
    CommandLine cl;
    const ParseOutcome p = parse_command_line({"snapshot", "--project", project, "--slide", "1", "--out", dir + "/a.png"}, cl);
    REQUIRE_FALSE(p.exit_code);
    const auto saved = doc::load_project(project);
    REQUIRE(saved);
    CHECK(cl.document.view == saved->slides[0].view);
    CHECK(cl.document.time == saved->slides[0].time);
    CHECK(cl.document.furniture.title.visible);
    CHECK(cl.document.furniture.title.title == "Culiacán");

    const auto r = test::run_mirador("snapshot --project " + project + " --slide 3 --out " + dir + "/c.png");
    CHECK(r.code == 2);
    CHECK_THAT(r.out, Catch::Contains("--slide 3: the project has 2 slides (1 to 2)"));
    CHECK_FALSE(fs::exists(dir + "/c.png"));
}

TEST_CASE("export-slides writes one file per slide, the same image as snapshot --slide", "[export][cli]") {
    const std::string dir = test::temp_dir("export-slides");
    const std::string project = briefing(dir);
    const std::string out = dir + "/slides";
    auto r = test::run_mirador("export-slides --project " + project + " --out-dir " + out + " --width 320 --height 200");
    INFO(r.out);
    REQUIRE(r.code == 0);
    std::vector<std::string> names;
    for (const auto& e : fs::directory_iterator(out)) names.push_back(e.path().filename().string());
    std::sort(names.begin(), names.end());
    REQUIRE(names == std::vector<std::string>{"01-culiacan-octubre-de-2019.png", "02-mexico-todo.png"});
    const test::Png first(out + "/01-culiacan-octubre-de-2019.png");
    REQUIRE(first.w == 320);
    REQUIRE(first.h == 200);

    r = test::run_mirador("snapshot --project " + project + " --slide 1 --out " + dir + "/one.png --width 320 --height 200");
    REQUIRE(r.code == 0);
    const test::Png same(dir + "/one.png");
    REQUIRE(same.w == 320);
    CHECK(std::equal(first.px.get(), first.px.get() + 320 * 200 * 4, same.px.get()));
}

TEST_CASE("slide file names are numbered, ASCII and safe", "[export]") {
    doc::Slide s;
    s.name = "  Michoacán: Apatzingán / Aguililla (2019)  ";
    CHECK(slide_file_name(0, s, "png") == "01-michoacan-apatzingan-aguililla-2019.png");
    s.name = "";
    s.title = "";
    CHECK(slide_file_name(11, s, "tif") == "12.tif");
    s.name = "../../etc/passwd";
    CHECK(slide_file_name(2, s, "jpg") == "03-etc-passwd.jpg");
}

TEST_CASE("a GeoTIFF snapshot puts Culiacán at its pixel and stores the DPI", "[export][cli]") {
    const std::string dir = test::temp_dir("export-geotiff");
    const std::string tif = dir + "/sinaloa.tif", png = dir + "/sinaloa.png";
    auto r = test::run_mirador("snapshot --bbox " + kSinaloa + " --no-labels --width 500 --height 600 --dpi 300 --out " + tif);
    INFO(r.out);
    REQUIRE(r.code == 0);
    geo::ensure_gdal_registered();
    std::unique_ptr<GDALDataset> ds(GDALDataset::Open(tif.c_str(), GDAL_OF_RASTER | GDAL_OF_READONLY));
    REQUIRE(ds);
    CHECK(ds->GetRasterXSize() == 500);
    CHECK(ds->GetRasterYSize() == 600);
    double gt[6];
    REQUIRE(ds->GetGeoTransform(gt) == CE_None);
    const char* xres = ds->GetMetadataItem("TIFFTAG_XRESOLUTION");
    REQUIRE(xres);
    CHECK(std::atof(xres) == Approx(300));
    // Culiacán's town centre, by the file's geotransform, lies in Culiacán's fill colour.
    const auto& b = test::default_boundaries();
    const geo::Vec2 culiacan = test::to_6372(-107.3937561, 24.8088081);
    const long f = b.locate(culiacan);
    REQUIRE(f >= 0);
    const int px = static_cast<int>((culiacan.x - gt[0]) / gt[1]), py = static_cast<int>((culiacan.y - gt[3]) / gt[5]);
    REQUIRE(px > 3);
    REQUIRE(py > 3);
    std::uint8_t rgb[3][7 * 7];
    for (int band = 0; band < 3; ++band)
        REQUIRE(ds->GetRasterBand(band + 1)->RasterIO(GF_Read, px - 3, py - 3, 7, 7, rgb[band], 7, 7, GDT_Byte, 0, 0) ==
                CE_None);
    std::uint8_t want[4];
    unpack_rgba(default_municipality_colors(b)[static_cast<std::size_t>(f)], want);
    int matching = 0;
    for (int i = 0; i < 49; ++i)
        matching += std::abs(rgb[0][i] - want[0]) <= 2 && std::abs(rgb[1][i] - want[1]) <= 2 && std::abs(rgb[2][i] - want[2]) <= 2;
    CHECK(matching > 25);

    // The PNG says its DPI too: its pHYs chunk, pixels per metre (GDAL's PNG driver does not
    // read it, so the chunk is read here: length, "pHYs", x and y as big-endian 32-bit, unit 1).
    r = test::run_mirador("snapshot --bbox " + kSinaloa + " --width 200 --height 200 --dpi 150 --out " + png);
    REQUIRE(r.code == 0);
    const std::string bytes = test::file_bytes(png);
    const std::size_t at = bytes.find("pHYs");
    REQUIRE(at != std::string::npos);
    REQUIRE(at + 13 <= bytes.size());
    auto be32 = [&](std::size_t i) {
        return (std::uint32_t(std::uint8_t(bytes[i])) << 24) | (std::uint32_t(std::uint8_t(bytes[i + 1])) << 16) |
               (std::uint32_t(std::uint8_t(bytes[i + 2])) << 8) | std::uint32_t(std::uint8_t(bytes[i + 3]));
    };
    CHECK(be32(at + 4) * 0.0254 == Approx(150).margin(0.5));
    CHECK(be32(at + 8) * 0.0254 == Approx(150).margin(0.5));
    CHECK(bytes[at + 12] == 1);  // metres
}

TEST_CASE("animate makes one frame per window, fewer with --skip-empty, more with --hold-last", "[export][cli]") {
    const std::string dir = test::temp_dir("export-animate");
    const std::string seeds = test::assets_dir() + "/incidents/seed-incidents.csv";
    const std::string common = "animate --incidents " + seeds + " --width 160 --height 120 --step month --from 2019-10 --to 2020-01";
    auto count = [](const std::string& folder) {
        int n = 0;
        for (const auto& e : fs::directory_iterator(folder)) n += e.path().extension() == ".png";
        return n;
    };
    // October 2019 to January 2020: four months, December without an incident.
    auto r = test::run_mirador(common + " --out " + dir + "/all");
    INFO(r.out);
    REQUIRE(r.code == 0);
    CHECK(count(dir + "/all") == 4);
    r = test::run_mirador(common + " --skip-empty --hold-last 2 --out " + dir + "/busy");
    REQUIRE(r.code == 0);
    CHECK(count(dir + "/busy") == 3 + 2);
    CHECK_THAT(r.out, Catch::Contains("1 empty left out"));
    // The held frames are the last one again.
    CHECK(test::file_bytes(dir + "/busy/frame-00003.png") == test::file_bytes(dir + "/busy/frame-00005.png"));
}

TEST_CASE("animate into an MP4 without the H.264 encoder says so and leaves no file", "[export][cli]") {
    const std::string dir = test::temp_dir("export-animate-mp4");
    const std::string seeds = test::assets_dir() + "/incidents/seed-incidents.csv";
    const auto r = test::run_shell("MIRADOR_H264_ENCODER=no-such-h264 $MIRADOR animate --incidents " + seeds +
                                   " --width 160 --height 120 --step year --from 2019 --to 2020 --out " + dir + "/clip.mp4");
    CHECK(r.code == 1);
    CHECK_THAT(r.out, Catch::Contains("no encoder named 'no-such-h264'"));
    CHECK_FALSE(fs::exists(dir + "/clip.mp4"));
}

TEST_CASE("animate without the video module says what to install, leaves no file and still writes PNG frames",
          "[export][cli]") {
    const std::string dir = test::temp_dir("export-animate-no-module");
    const std::string program = test::program_without_video_module(dir);
    const std::string seeds = test::assets_dir() + "/incidents/seed-incidents.csv";
    const std::string animate = "'" + program + "' animate --incidents " + seeds +
                                " --width 160 --height 120 --step year --from 2019 --to 2020 --out ";
    for (const char* clip : {"clip.mp4", "clip.gif"}) {
        const auto r = test::run_shell(animate + dir + "/" + clip);
        INFO(r.out);
        CHECK(r.code == 1);
        // dlerror's text names the missing module; the message says what to install.
        CHECK_THAT(r.out, Catch::Contains(dir + "/" + clip + ": cannot load the video encoder: " + dir +
                                          "/tree/lib/mirador/mirador-video.so: cannot open shared object file"));
        CHECK_THAT(r.out, Catch::Contains("apt-get install libavcodec"));
        CHECK_THAT(r.out, Catch::Contains("a PNG sequence needs neither"));
        CHECK_FALSE(fs::exists(dir + "/" + clip));
    }
    const auto r = test::run_shell(animate + dir + "/frames");
    INFO(r.out);
    REQUIRE(r.code == 0);
    CHECK(fs::exists(dir + "/frames/frame-00001.png"));
    CHECK(fs::exists(dir + "/frames/frame-00002.png"));
    CHECK(test::Png(dir + "/frames/frame-00002.png").w == 160);
}

TEST_CASE("animate with a video module of another version refuses it by name and leaves no file", "[export][cli]") {
    const std::string dir = test::temp_dir("export-animate-stale-module");
    const std::string program = test::program_without_video_module(dir, MIRADOR_STALE_VIDEO_MODULE);
    const auto r = test::run_shell("'" + program + "' animate --incidents " + test::assets_dir() +
                                   "/incidents/seed-incidents.csv --width 160 --height 120 --step year --from 2019 "
                                   "--to 2020 --out " + dir + "/clip.gif");
    INFO(r.out);
    CHECK(r.code == 1);
    CHECK_THAT(r.out, Catch::Contains(dir + "/clip.gif: the video encoder " + dir +
                                      "/tree/lib/mirador/mirador-video.so is from another version of Mirador "
                                      "(interface " + std::to_string(MIRADOR_VIDEO_ABI_VERSION + 1) +
                                      ", this program needs " + std::to_string(MIRADOR_VIDEO_ABI_VERSION) +
                                      "): reinstall Mirador"));
    CHECK_FALSE(fs::exists(dir + "/clip.gif"));
}

TEST_CASE("an animation's colour scales stay fixed across its frames", "[export][render]") {
    auto& seeds = test::placed_incidents(test::assets_dir() + "/incidents/seed-incidents.csv");
    const auto& b = test::default_boundaries();
    test::LayerRestorer restore(*seeds.layer, b);
    doc::MapDocument d;
    test::show_layer(d, doc::LayerKind::Heatmap, true);
    d.style_of<doc::FillStyle>().measure = ChoroplethMeasure::Incidents;
    d.style_of<doc::FillStyle>().classes = 3;
    auto map = HeadlessMap::create(b, seeds.layer.get());
    REQUIRE(map);
    SnapshotOptions o;
    o.width = 160;
    o.height = 120;
    // The choropleth's classes from every month's values together, made by the sequence animate uses.
    test::set_days(d, "2019-10-01", "2021-07-31");
    AnimationRequest request;
    request.step = geo::WindowUnit::Month;
    auto sequence = AnimationSequence::plan(d, *seeds.layer, b, nullptr, request);
    REQUIRE(sequence);
    CHECK((*sequence)->windows() == 22);  // October 2019 to July 2021
    REQUIRE((*sequence)->classes());
    (*map)->scene().set_fixed_classes((*sequence)->classes());
    std::vector<double> tops, breaks_top;
    std::vector<std::string> notes;
    for (const char* month : {"2019-10", "2021-07"}) {
        test::set_days(d, std::string(month) + "-01", std::string(month) + "-31");
        Image frame;
        REQUIRE((*map)->render(d, o, std::make_unique<ImageRowSink>(frame, o.width, o.height)));
        const HeatmapLegend* heat = (*map)->scene().heatmap().legend();
        REQUIRE(heat);
        tops.push_back(heat->hi);
        notes.push_back(heat->scale_note);
        const ChoroplethLegend* fill = (*map)->scene().legend();
        REQUIRE(fill);
        breaks_top.push_back(fill->classes.breaks.back());
        CHECK_THAT(fill->title, Catch::Contains("one scale for every frame"));
    }
    CHECK(tops[0] == tops[1]);
    CHECK(tops[0] > 0);
    CHECK_THAT(notes[0], Catch::StartsWith("Fixed: highest of every"));
    CHECK(breaks_top[0] == breaks_top[1]);
}
