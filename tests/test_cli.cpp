#include <catch2/catch.hpp>

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <array>
#include <cstdio>
#include <cstdlib>
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>

#include "ProcessRun.hpp"
#include "commands/Snapshot.hpp"
#include "scene/DocumentFrame.hpp"
#include "TestData.hpp"
#include "mirador/geo/CsvReader.hpp"

using namespace mirador;

namespace {

test::Run run(const std::string& args) { return test::run_mirador(args); }
using test::Png;

}  // namespace

TEST_CASE("mirador --help documents every command and the data flags", "[cli]") {
    const test::Run r = run("--help");
    CHECK(r.code == 0);
    for (const char* s : {"snapshot", "locate", "--boundaries", "--crs", "--search", "--source-crs"})
        CHECK_THAT(r.out, Catch::Contains(s));
    const test::Run s = run("snapshot --help");
    CHECK(s.code == 0);
    for (const char* opt : {"--out", "--width", "--height", "--dpi", "--bbox", "--boundaries", "--highlight"})
        CHECK_THAT(s.out, Catch::Contains(opt));
}

TEST_CASE("mirador snapshot writes a PNG of the map", "[cli][render]") {
    const std::string dir = test::temp_dir("cli-snapshot");
    const std::string png = dir + "/map.png";
    const test::Run r = run("snapshot --out " + png + " --width 640 --height 400");
    INFO(r.out);
    REQUIRE(r.code == 0);
    const Png img(png);
    REQUIRE(img.px);
    CHECK(img.w == 640);
    CHECK(img.h == 400);
    // Not a blank image: the centre of Mexico is filled, the corner is background.
    const unsigned char* centre = img.at(img.w / 2, img.h / 2);
    const unsigned char* corner = img.at(0, 0);
    CHECK((centre[0] != corner[0] || centre[1] != corner[1] || centre[2] != corner[2]));
}

TEST_CASE("mirador snapshot writes JPEG and GeoTIFF by --out's extension, with --dpi stored", "[cli][render][export]") {
    const std::string dir = test::temp_dir("cli-snapshot-formats");
    const std::string common = " --width 640 --height 400 --dpi 300";
    for (const char* name : {"map.png", "map.jpg", "map.tif"}) {
        const test::Run r = run("snapshot --out " + dir + "/" + name + common);
        INFO(r.out);
        REQUIRE(r.code == 0);
    }
    GDALAllRegister();
    auto open = [](const std::string& path) {
        return std::unique_ptr<GDALDataset, void (*)(GDALDataset*)>(GDALDataset::Open(path.c_str(), GDAL_OF_RASTER),
                                                                    [](GDALDataset* d) { GDALClose(d); });
    };
    const auto png = open(dir + "/map.png"), jpg = open(dir + "/map.jpg"), tif = open(dir + "/map.tif");
    REQUIRE(png);
    REQUIRE(jpg);
    REQUIRE(tif);
    // Each file is what its extension says, read by GDAL's own drivers, at the size asked for.
    CHECK(std::string(png->GetDriver()->GetDescription()) == "PNG");
    CHECK(std::string(jpg->GetDriver()->GetDescription()) == "JPEG");
    CHECK(std::string(tif->GetDriver()->GetDescription()) == "GTiff");
    for (GDALDataset* ds : {png.get(), jpg.get(), tif.get()}) {
        CHECK(ds->GetRasterXSize() == 640);
        CHECK(ds->GetRasterYSize() == 400);
    }
    // The DPI: TIFF's resolution tags as GDAL reports them, PNG's pHYs through libspng (GDAL's
    // PNG driver does not report it).
    const char* tiff_dpi = tif->GetMetadataItem("TIFFTAG_XRESOLUTION");
    REQUIRE(tiff_dpi);
    CHECK(std::atof(tiff_dpi) == Approx(300).margin(0.1));
    CHECK(test::png_dpi(dir + "/map.png") == Approx(300).margin(0.01));
    // Georeferenced in the display CRS by what the snapshot shows: its edges are the view's.
    const doc::MapDocument defaults;
    const MapView view = view_for_document(defaults.view, test::default_boundaries(), 640, 400);
    const geo::BBox shown = view.visible();
    double t[6];
    REQUIRE(tif->GetGeoTransform(t) == CE_None);
    CHECK(t[0] == Approx(shown.min_x));
    CHECK(t[3] == Approx(shown.max_y));
    CHECK(t[1] == Approx(view.metres_per_pixel));
    CHECK(t[5] == Approx(-view.metres_per_pixel));
    const OGRSpatialReference* srs = tif->GetSpatialRef();
    REQUIRE(srs);
    CHECK(std::string(srs->GetAuthorityCode(nullptr) ? srs->GetAuthorityCode(nullptr) : "") == "6372");
    // The same map in each: Culiacán's pixel is the same colour in the PNG, the GeoTIFF and (near) the JPEG.
    const geo::Vec2 culiacan = test::to_6372(-107.39, 24.80);
    const int px = static_cast<int>((culiacan.x - t[0]) / t[1]), py = static_cast<int>((culiacan.y - t[3]) / t[5]);
    REQUIRE(px >= 0);
    REQUIRE(px < 640);
    REQUIRE(py >= 0);
    REQUIRE(py < 400);
    auto rgb = [&](GDALDataset* ds) {
        std::array<int, 3> c{};
        for (int b = 0; b < 3; ++b) {
            std::uint8_t v = 0;
            REQUIRE(ds->GetRasterBand(b + 1)->RasterIO(GF_Read, px, py, 1, 1, &v, 1, 1, GDT_Byte, 0, 0) == CE_None);
            c[b] = v;
        }
        return c;
    };
    const auto p = rgb(png.get()), g = rgb(tif.get()), j = rgb(jpg.get());
    CHECK(p == g);
    for (int b = 0; b < 3; ++b) CHECK(std::abs(p[b] - j[b]) <= 12);
}

TEST_CASE("mirador snapshot refuses an --out it cannot write as an image, before rendering", "[cli][export]") {
    const std::string dir = test::temp_dir("cli-snapshot-format-error");
    const test::Run r = run("snapshot --out " + dir + "/map.bmp --width 64 --height 64");
    CHECK(r.code == 2);
    CHECK_THAT(r.out, Catch::Contains("map.bmp") && Catch::Contains(".png") && Catch::Contains(".jpg") &&
                          Catch::Contains(".tif"));
    CHECK_FALSE(std::filesystem::exists(dir + "/map.bmp"));
}

TEST_CASE("mirador snapshot fails clearly", "[cli]") {
    const std::string dir = test::temp_dir("cli-fail");
    test::Run r = run("snapshot --out " + dir + "/no/such/folder/map.png --width 64 --height 64");
    CHECK(r.code != 0);
    CHECK_THAT(r.out, Catch::Contains("no/such/folder/map.png"));
    r = run("snapshot --out " + dir + "/x.png --boundaries " + dir + "/missing.shp");
    CHECK(r.code != 0);
    CHECK_THAT(r.out, Catch::Contains("missing.shp") && Catch::Contains("no such file"));
    r = run("snapshot --out " + dir + "/x.png --bbox 1,2,3");
    CHECK(r.code != 0);
    CHECK_THAT(r.out, Catch::Contains("--bbox"));
    CHECK_FALSE(std::filesystem::exists(dir + "/x.png"));
    r = run("snapshot");
    CHECK(r.code != 0);
    CHECK_THAT(r.out, Catch::Contains("--out"));
}

TEST_CASE("mirador locate names the municipality of a point", "[cli]") {
    test::Run r = run("locate -- -107.3937561 24.8088081");
    CHECK(r.code == 0);
    CHECK_THAT(r.out, Catch::Contains("25006,Culiacán,Sinaloa"));
    r = run("locate -- -112 15");
    CHECK(r.code == 3);
    CHECK_THAT(r.out, Catch::Contains("outside"));
}

TEST_CASE("the viewer opens a real window and searches and draws", "[.gui][gui][gui-cli]") {
    const std::string dir = test::temp_dir("gui");
    const std::string png = dir + "/window.png";
    const test::Run r = run("--width 1200 --height 800 --frames 8 --search Culiacán --screenshot " + png);
    INFO(r.out);
    REQUIRE(r.code == 0);
    const Png img(png);
    REQUIRE(img.px);
    CHECK(img.w == 1200);
    CHECK(img.h == 800);
    // Culiacán is selected and framed: its orange outline is on screen, and the panels
    // (search box, details) have drawn over the map.
    int orange = 0, distinct = 0;
    unsigned last = 0;
    for (int i = 0; i < img.w * img.h; ++i) {
        const unsigned char* p = img.px.get() + static_cast<std::size_t>(i) * 4;
        orange += p[0] > 190 && p[1] > 60 && p[1] < 130 && p[2] < 60;
        const unsigned v = (unsigned(p[0]) << 16) | (unsigned(p[1]) << 8) | p[2];
        distinct += v != last;
        last = v;
    }
    CHECK(orange > 200);
    CHECK(distinct > 1000);
}

TEST_CASE("the viewer steps the time window with the arrow keys", "[.gui][gui][gui-cli]") {
    const std::string dir = test::temp_dir("gui-time");
    const std::string png = dir + "/time.png";
    // The seed catalogue starts in 2011: right from "all time" goes to its first month.
    test::Run r = run("--width 1000 --height 700 --frames 10 --press right,right,right,left --screenshot " + png);
    INFO(r.out);
    REQUIRE(r.code == 0);
    CHECK_THAT(r.out, Catch::Contains("time window at exit: February 2011"));
    const Png img(png);
    REQUIRE(img.px);
    // The label's white box sits right of the search box, in the top-left of the map.
    int white = 0;
    for (int y = 12; y < 40; ++y)
        for (int x = 370; x < 420; ++x) {
            const unsigned char* p = img.px.get() + (static_cast<std::size_t>(y) * img.w + x) * 4;
            white += p[0] > 245 && p[1] > 245 && p[2] > 245;
        }
    CHECK(white > 200);

    r = run("--width 1000 --height 700 --frames 4 --press space,space");
    CHECK_THAT(r.out, Catch::Contains("time window at exit: January 2011"));
    r = run("--width 1000 --height 700 --frames 3 --press sideways");
    CHECK(r.code == 2);
    CHECK_THAT(r.out, Catch::Contains("'sideways'"));
}

TEST_CASE("the viewer goes full screen on the monitor it is on", "[.gui][gui][gui-cli]") {
    const std::string dir = test::temp_dir("gui-full");
    const std::string png = dir + "/full.png";
    const test::Run r = run("--width 800 --height 600 --fullscreen --frames 6 --screenshot " + png);
    INFO(r.out);
    REQUIRE(r.code == 0);
    const Png img(png);
    REQUIRE(img.px);
    // The virtual screen of the test is 1600x1000 (tests/CMakeLists.txt).
    CHECK(img.w == 1600);
    CHECK(img.h == 1000);
}

namespace {

std::string slurp(const std::string& path) {
    std::ifstream f(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(f), {});
}

}  // namespace

TEST_CASE("mirador geocode keeps every row and column and says where each is", "[cli][geocode][data]") {
    REQUIRE_DATA_DIR();
    const std::string dir = test::temp_dir("cli-geocode");
    const std::string in = MIRADOR_TEST_FIXTURES "/stats-fixture.csv";
    const std::string before = slurp(in);
    const test::Run r = run("geocode --in " + in + " --out " + dir + "/out.csv");
    INFO(r.out);
    REQUIRE(r.code == 0);
    CHECK_THAT(r.out, Catch::Contains("10 rows") && Catch::Contains("9 matched") && Catch::Contains("1 unmatched"));
    CHECK_THAT(r.out, Catch::Contains("stats-fixture.csv:10: unmatched") && Catch::Contains("Nowhereville"));
    const std::string out = slurp(dir + "/out.csv");
    CHECK_THAT(out, Catch::StartsWith("id,date,place,state,lon,lat,category,actors,fatalities,injured,source,notes,"
                                      "cvegeo,municipality,state_name,geo_precision,geo_status,geo_note\n"));
    // Tepochica had no coordinates: it gets the village's, its municipality and the precision.
    CHECK_THAT(out, Catch::Contains("a4,2019-10-15,Tepochica,Guerrero,-99.523057,18.302490,") &&
                        Catch::Contains(",12035,Iguala de la Independencia,Guerrero,locality,matched,"));
    CHECK_THAT(out, Catch::Contains(",25006,Culiacán,Sinaloa,point,matched,"));
    CHECK_THAT(out, Catch::Contains(",25,,Sinaloa,state,matched,"));
    CHECK(std::count(out.begin(), out.end(), '\n') == 11);
    CHECK(slurp(in) == before);  // the input is never touched
    const test::Run same = run("geocode --in " + in + " --out " + in);
    CHECK(same.code != 0);
    CHECK(slurp(in) == before);
}

TEST_CASE("mirador stats counts per municipality and state", "[cli][stats][data]") {
    REQUIRE_DATA_DIR();
    const std::string dir = test::temp_dir("cli-stats");
    const std::string in = MIRADOR_TEST_FIXTURES "/stats-fixture.csv";
    test::Run r = run("stats --incidents " + in + " --from 2019-10 --to 2019-10 --out " + dir + "/mun.csv");
    INFO(r.out);
    REQUIRE(r.code == 0);
    std::string out = slurp(dir + "/mun.csv");
    CHECK_THAT(out, Catch::StartsWith("cvegeo,name,state_name,incidents,fatalities,rate_per_100k\n"
                                      "25006,Culiacán,Sinaloa,3,10,"));
    CHECK_THAT(out, Catch::Contains("\n12035,Iguala de la Independencia,Guerrero,1,15,") &&
                        Catch::Contains("\n16002,Aguililla,Michoacán de Ocampo,1,13,"));
    // a10 names only Sinaloa: a row of its own, in no municipality.
    CHECK_THAT(out, Catch::EndsWith("\n25,\"state-level, not placed\",Sinaloa,1,3,\n"));
    CHECK(std::count(out.begin(), out.end(), '\n') == 5);

    r = run("stats --incidents " + in + " --by state --from 2019-10-01 --to 2019-10-31 --category 'armed clash' --out " +
            dir + "/st.csv");
    REQUIRE(r.code == 0);
    out = slurp(dir + "/st.csv");
    CHECK_THAT(out, Catch::Contains("\n25,Sinaloa,Sinaloa,3,13,"));  // a1, a3, a10 (a2 is a prison escape)
    CHECK_THAT(out, Catch::Contains("\n12,Guerrero,Guerrero,1,15,"));

    r = run("stats --incidents " + in + " --from 2019-02-30 --out " + dir + "/x.csv");
    CHECK(r.code == 2);
    CHECK_THAT(r.out, Catch::Contains("2019-02-30"));
    r = run("stats --incidents " + dir + "/missing.csv --out " + dir + "/x.csv");
    CHECK(r.code == 1);
    CHECK_THAT(r.out, Catch::Contains("missing.csv"));
}

TEST_CASE("mirador snapshot --incidents draws points and a choropleth", "[cli][incidents][data]") {
    REQUIRE_DATA_DIR();
    const std::string dir = test::temp_dir("cli-incidents");
    const std::string in = MIRADOR_TEST_FIXTURES "/stats-fixture.csv";
    test::Run r = run("snapshot --incidents " + in + " --choropleth fatalities --classify natural-breaks --out " + dir +
                "/inc.png --width 800 --height 500");
    INFO(r.out);
    REQUIRE(r.code == 0);
    CHECK_THAT(r.out, Catch::Contains("Nowhereville"));  // the unplaced row is reported
    const Png img(dir + "/inc.png");
    REQUIRE(img.px);
    CHECK(img.w == 800);
    // The picture: where the view puts Mexico, a disc over Bavispe (a8) unlike the fill beside
    // it; and, drawn without points, the choropleth's classes: Culiacán (10 fatalities) and
    // Mérida (none) filled apart.
    const auto& b = test::default_boundaries();
    const MapView fitted = view_for_document(doc::View{}, b, 800, 500);
    const MapView* view = &fitted;
    auto px = [&](geo::Vec2 map) {
        const geo::Vec2 p = view->map_to_screen(map);
        const unsigned char* c = img.at(static_cast<int>(p.x), static_cast<int>(p.y));
        return std::array<int, 3>{c[0], c[1], c[2]};
    };
    auto differ = [](std::array<int, 3> a, std::array<int, 3> c) {
        return std::abs(a[0] - c[0]) + std::abs(a[1] - c[1]) + std::abs(a[2] - c[2]) > 30;
    };
    const geo::Vec2 bavispe = test::to_6372(-108.9409, 30.4801);
    CHECK(differ(px(bavispe), px({bavispe.x + 30000, bavispe.y + 30000})));
    const auto anchor = [&](const char* code) {
        return b.municipality_anchor[static_cast<std::size_t>(b.municipalities.find_code(code))];
    };
    r = run("snapshot --incidents " + in + " --choropleth fatalities --classify natural-breaks --no-points --out " + dir +
            "/inc.png --width 800 --height 500");
    REQUIRE(r.code == 0);
    const Png fills(dir + "/inc.png");
    REQUIRE(fills.px);
    auto fill_at = [&](geo::Vec2 map) {
        const geo::Vec2 p = view->map_to_screen(map);
        const unsigned char* c = fills.at(static_cast<int>(p.x), static_cast<int>(p.y));
        return std::array<int, 3>{c[0], c[1], c[2]};
    };
    CHECK(differ(fill_at(anchor("25006")), fill_at(anchor("31050"))));
    r = run("snapshot --incidents " + in + " --choropleth colours --out " + dir + "/x.png");
    CHECK(r.code == 2);
    CHECK_FALSE(std::filesystem::exists(dir + "/x.png"));
}

TEST_CASE("mirador density writes a GeoTIFF peaking where the incidents are", "[cli][density]") {
    const std::string dir = test::temp_dir("cli-density");
    const std::string in = std::string(MIRADOR_ASSETS_DIR).append("/incidents/seed-incidents.csv");
    const std::string tif = std::string(dir).append("/oct.tif");
    test::Run r = run("density --incidents " + in + " --from 2019-10-01 --to 2019-10-31 --cell-km 1 --radius-km 25 --out " + tif);
    INFO(r.out);
    REQUIRE(r.code == 0);
    CHECK_THAT(r.out, Catch::Contains("cells of 1 km"));
    GDALAllRegister();
    std::unique_ptr<GDALDataset, void (*)(GDALDataset*)> ds(GDALDataset::Open(tif.c_str(), GDAL_OF_RASTER),
                                                           [](GDALDataset* d) { GDALClose(d); });
    REQUIRE(ds);
    // Thirteen incidents: summed exactly, not binned, and the file says so.
    const char* method = ds->GetMetadataItem("DENSITY_METHOD");
    CHECK(std::string(method ? method : "") == "exact");
    CHECK_THAT(r.out, Catch::Contains("time: read"));
    double t[6];
    REQUIRE(ds->GetGeoTransform(t) == CE_None);
    CHECK(t[1] == 1000);
    CHECK(t[5] == -1000);
    const int w = ds->GetRasterXSize(), h = ds->GetRasterYSize();
    std::vector<float> v(static_cast<std::size_t>(w) * h);
    REQUIRE(ds->GetRasterBand(1)->RasterIO(GF_Read, 0, 0, w, h, v.data(), w, h, GDT_Float32, 0, 0) == CE_None);
    const auto at = static_cast<std::size_t>(std::max_element(v.begin(), v.end()) - v.begin());
    CHECK(v[at] > 0);
    const geo::Vec2 peak{t[0] + (at % w + 0.5) * t[1], t[3] + (at / w + 0.5) * t[5]};
    const geo::Vec2 culiacan = test::to_6372(-107.39, 24.80);
    CHECK(std::hypot(peak.x - culiacan.x, peak.y - culiacan.y) < 3000);

    r = run("density --incidents " + in + " --kernel triangle --out " + tif);
    CHECK(r.code == 2);
    r = run("density --incidents " + in + " --from 2019-13 --out " + tif);
    CHECK(r.code == 2);
    CHECK_THAT(r.out, Catch::Contains("2019-13"));
    r = run("density --incidents " + dir + "/missing.csv --out " + tif);
    CHECK(r.code == 1);
    CHECK_THAT(r.out, Catch::Contains("missing.csv"));
}

TEST_CASE("mirador density --compress none writes the same cells as the deflated default", "[cli][density]") {
    const std::string dir = test::temp_dir("cli-density-plain");
    const std::string in = std::string(MIRADOR_ASSETS_DIR).append("/incidents/seed-incidents.csv");
    // Every seed incident at 1 km: a grid of thousands of rows, written in many bands of rows.
    const std::string common = "density --incidents " + in + " --cell-km 1 --radius-km 25 --out " + dir;
    test::Run r = run(common + "/deflate.tif");
    INFO(r.out);
    REQUIRE(r.code == 0);
    r = run(common + "/plain.tif --compress none");
    REQUIRE(r.code == 0);
    GDALAllRegister();
    struct Read {
        std::string compression;
        int w = 0, h = 0;
        std::vector<float> v;
    };
    const auto read = [](const std::string& path) {
        std::unique_ptr<GDALDataset, void (*)(GDALDataset*)> ds(GDALDataset::Open(path.c_str(), GDAL_OF_RASTER),
                                                               [](GDALDataset* d) { GDALClose(d); });
        Read out;
        if (!ds) return out;
        const char* c = ds->GetMetadataItem("COMPRESSION", "IMAGE_STRUCTURE");
        out.compression = c ? c : "";
        out.w = ds->GetRasterXSize(), out.h = ds->GetRasterYSize();
        out.v.resize(static_cast<std::size_t>(out.w) * out.h);
        if (ds->GetRasterBand(1)->RasterIO(GF_Read, 0, 0, out.w, out.h, out.v.data(), out.w, out.h, GDT_Float32, 0, 0) !=
            CE_None)
            out.v.clear();
        return out;
    };
    const Read deflate = read(dir + "/deflate.tif"), plain = read(dir + "/plain.tif");
    CHECK(deflate.compression == "DEFLATE");
    CHECK(plain.compression.empty());
    REQUIRE(deflate.h > 1000);
    REQUIRE(plain.w == deflate.w);
    REQUIRE(plain.h == deflate.h);
    REQUIRE(plain.v.size() == deflate.v.size());
    CHECK(plain.v == deflate.v);
    CHECK(*std::max_element(plain.v.begin(), plain.v.end()) > 0);
    CHECK(std::filesystem::file_size(dir + "/deflate.tif") < std::filesystem::file_size(dir + "/plain.tif"));

    r = run(common + "/never.tif --compress lzw");
    CHECK(r.code == 2);
    CHECK_THAT(r.out, Catch::Contains("--compress"));
    CHECK_FALSE(std::filesystem::exists(dir + "/never.tif"));
}

TEST_CASE("mirador snapshot draws a heatmap for a time window, and rejects bad heatmap flags", "[cli][heatmap][data]") {
    REQUIRE_DATA_DIR();
    const std::string dir = test::temp_dir("cli-heatmap");
    const std::string seeds = MIRADOR_ASSETS_DIR "/incidents/seed-incidents.csv";
    const std::string common = "snapshot --incidents " + seeds + " --width 800 --height 500 --no-labels ";
    test::Run r = run(common + "--from 2019-10 --to 2019-10 --layers heatmap,points,boundaries --radius-km 25 "
                         "--kernel quartic --normalize fixed --ramp viridis --out " + dir + "/oct.png");
    INFO(r.out);
    REQUIRE(r.code == 0);
    r = run(common + "--from 2005 --to 2005 --layers heatmap,boundaries --out " + dir + "/empty.png");
    REQUIRE(r.code == 0);
    // The same map with the surface invisible: grey fill, legend, label, no colour from the ramp.
    r = run(common + "--from 2005 --to 2005 --layers heatmap,boundaries --heatmap-opacity 0 --out " + dir + "/plain.png");
    REQUIRE(r.code == 0);
    r = run(common + "--from 2019-10 --to 2019-10 --layers heatmap,boundaries --heatmap-opacity 0 --out " + dir +
            "/oct-plain.png");
    REQUIRE(r.code == 0);
    const Png oct(dir + "/oct.png"), empty(dir + "/empty.png"), plain(dir + "/plain.png"), oct_plain(dir + "/oct-plain.png");
    REQUIRE((oct.px && empty.px && plain.px && oct_plain.px));
    // An empty window draws no surface: the same pixels as no heatmap at all.
    CHECK(std::equal(empty.px.get(), empty.px.get() + 800 * 500 * 4, plain.px.get()));
    // October 2019 does: many pixels differ from the plain map.
    long differ = 0;
    for (int i = 0; i < 800 * 500; ++i)
        differ += std::abs(int(oct.px.get()[4 * i]) - int(oct_plain.px.get()[4 * i])) > 40;
    CHECK(differ > 500);

    for (const char* bad : {"--normalize sometimes", "--normalize domain:5,1", "--kernel box", "--layers heat",
                            "--weight deaths", "--ramp rainbow", "--from 2019-13"}) {
        r = run(common + bad + " --out " + dir + "/bad.png");
        INFO(bad << ": " << r.out);
        CHECK(r.code == 2);
        CHECK_FALSE(std::filesystem::exists(dir + "/bad.png"));
    }
}

// --- Honest places (issue 9, item 4) ---

namespace {

// Rows of a CSV the commands wrote, fields split (none of these fields holds a quote).
std::vector<std::vector<std::string>> csv_rows(const std::string& path) {
    std::vector<std::vector<std::string>> rows;
    auto reader = geo::CsvReader::open(path);
    REQUIRE(reader);
    geo::CsvRecord rec;
    while (reader->next(rec))
        if (rec.ok() && !(rec.size() == 1 && rec[0].empty())) rows.emplace_back(rec.fields.begin(), rec.fields.end());
    return rows;
}

const char* const kUcdpPreset = MIRADOR_ASSETS_DIR "/mappings/ucdp-ged.txt";

}  // namespace

TEST_CASE("mirador stats: state- and country-level incidents in rows of their own", "[cli][stats][places]") {
    const std::string dir = test::temp_dir("cli-places");
    const std::string in = MIRADOR_TEST_FIXTURES "/ucdp-precision.csv";
    test::Run r = run("stats --incidents " + in + " --incidents-mapping " + kUcdpPreset + " --out " + dir + "/mun.csv");
    INFO(r.out);
    REQUIRE(r.code == 0);
    CHECK_THAT(r.out, Catch::Contains("3 incidents counted in 3 municipalities, 3 known only to a state, 2 only to Mexico"));
    const auto rows = csv_rows(dir + "/mun.csv");
    REQUIRE(rows.size() == 1 + 3 + 2 + 1);
    CHECK(rows[0][0] == "cvegeo");
    // Guanajuato's two state-level events (16 deaths) are not Dolores Hidalgo's, which holds
    // the point UCDP gives them.
    CHECK(rows[1][0] == "11");
    CHECK(rows[1][1] == "state-level, not placed");
    CHECK(rows[1][2] == "Guanajuato");
    CHECK(rows[1][3] == "2");
    CHECK(rows[1][4] == "16");
    CHECK(rows[2][0] == "00");
    CHECK(rows[2][1] == "country-level, not placed");
    CHECK(rows[2][3] == "2");
    CHECK(rows[2][4] == "8");
    for (const auto& row : rows) CHECK(row[0] != "11014");
    CHECK(rows.back()[0] == "32");  // Zacatecas's estimated point: the state only

    r = run("stats --incidents " + in + " --incidents-mapping " + kUcdpPreset + " --by state --out " + dir + "/st.csv");
    REQUIRE(r.code == 0);
    const auto states = csv_rows(dir + "/st.csv");
    const auto gto = std::find_if(states.begin(), states.end(), [](const auto& row) { return row[0] == "11"; });
    REQUIRE(gto != states.end());
    CHECK((*gto)[1] == "Guanajuato");
    CHECK((*gto)[3] == "3");  // León's point and the two state-level events
    const auto mexico = std::find_if(states.begin(), states.end(), [](const auto& row) { return row[0] == "00"; });
    REQUIRE(mexico != states.end());
    CHECK((*mexico)[1] == "country-level, not placed");  // Mexico only: no state's
    CHECK((*mexico)[3] == "2");

    // geocode says the same, row by row.
    r = run("geocode --in " + in + " --mapping " + kUcdpPreset + " --out " + dir + "/geo.csv");
    REQUIRE(r.code == 0);
    const auto coded = csv_rows(dir + "/geo.csv");
    const auto u4 = std::find_if(coded.begin(), coded.end(), [](const auto& row) { return row[0] == "u4"; });
    REQUIRE(u4 != coded.end());
    const std::vector<std::string> tail(u4->end() - 6, u4->end() - 1);
    CHECK(tail == std::vector<std::string>{"11", "", "Guanajuato", "state", "matched"});
}

TEST_CASE("mirador stats: UCDP GED 2019 counts its state-level events for their states, not for Dolores Hidalgo",
          "[cli][stats][places][data]") {
    REQUIRE_DATA_DIR();
    const std::string ucdp = test::data_dir() + "/incidents/ucdp_ged_v23_1_mexico_events.csv";
    REQUIRE(std::filesystem::exists(ucdp));
    const std::string dir = test::temp_dir("cli-ucdp");
    const test::Run r = run("stats --incidents " + ucdp + " --incidents-mapping " + kUcdpPreset + " --from 2019 --to 2019 --out " +
                      dir + "/2019.csv");
    INFO(r.out);
    REQUIRE(r.code == 0);
    const auto rows = csv_rows(dir + "/2019.csv");

    // Guanajuato's events known only to the state (where_prec 4) or estimated within it (5),
    // counted from the file itself.
    std::uint64_t want_events = 0, want_deaths = 0;
    {
        const auto raw = csv_rows(ucdp);
        const auto col = [&](const char* name) {
            return static_cast<std::size_t>(std::find(raw[0].begin(), raw[0].end(), name) - raw[0].begin());
        };
        const std::size_t prec = col("where_prec"), adm1 = col("adm_1"), start = col("date_start"), end = col("date_end"),
                          best = col("best");
        for (std::size_t k = 1; k < raw.size(); ++k) {
            const auto& row = raw[k];
            if ((row[prec] != "4" && row[prec] != "5") || row[adm1] != "Guanajuato state") continue;
            if (row[start] > "2019-12-31" || row[end] < "2019-01-01") continue;
            ++want_events;
            want_deaths += std::stoull(row[best]);
        }
    }
    REQUIRE(want_events > 0);
    const auto gto = std::find_if(rows.begin(), rows.end(), [](const auto& row) { return row[0] == "11"; });
    REQUIRE(gto != rows.end());
    CHECK((*gto)[1] == "state-level, not placed");
    CHECK((*gto)[3] == std::to_string(want_events));
    CHECK((*gto)[4] == std::to_string(want_deaths));

    // Dolores Hidalgo (11014), which holds Guanajuato's centroid, is nowhere near the top: by
    // incidents, nor by deaths (it had 2,553 when the centroid's events counted there).
    const auto dolores = std::find_if(rows.begin(), rows.end(), [](const auto& row) { return row[0] == "11014"; });
    CHECK((dolores == rows.end() || dolores - rows.begin() > 50));
    std::vector<std::pair<long, std::string>> by_deaths;
    for (std::size_t k = 1; k < rows.size(); ++k)
        if (rows[k][0].size() == 5) by_deaths.emplace_back(std::stol(rows[k][4]), rows[k][0]);
    std::sort(by_deaths.rbegin(), by_deaths.rend());
    for (std::size_t k = 0; k < by_deaths.size() && k < 20; ++k) CHECK(by_deaths[k].second != "11014");
    // Every state-level row is a state's code, every other row a municipality's or Mexico's.
    for (std::size_t k = 1; k < rows.size(); ++k) {
        INFO(rows[k][0] << " " << rows[k][1]);
        CHECK((rows[k][1] == "state-level, not placed") == (rows[k][0].size() == 2 && rows[k][0] != "00"));
    }
}

TEST_CASE("mirador density leaves out positions that stand for a state or the country", "[cli][density][places]") {
    const std::string dir = test::temp_dir("cli-density-places");
    const std::string in = MIRADOR_TEST_FIXTURES "/ucdp-precision.csv";
    const std::string tif = dir + "/sep.tif";
    // September 2019: only Guanajuato's state-level event (u4) and the country-level one (u7).
    test::Run r = run("density --incidents " + in + " --incidents-mapping " + kUcdpPreset +
                " --from 2019-09 --to 2019-09 --cell-km 5 --radius-km 25 --out " + tif);
    INFO(r.out);
    REQUIRE(r.code == 0);
    CHECK_THAT(r.out, Catch::Contains("0 incidents in the window") && Catch::Contains("max 0 "));
    // October 17: Culiacán's point is there.
    r = run("density --incidents " + in + " --incidents-mapping " + kUcdpPreset +
            " --from 2019-10-17 --to 2019-10-17 --cell-km 5 --radius-km 25 --out " + tif);
    REQUIRE(r.code == 0);
    CHECK_THAT(r.out, Catch::Contains("2 incidents in the window"));  // Culiacán's day, León's week

    // The heatmap takes the same inputs: September's stand-ins draw no surface at all.
    const std::string common = "snapshot --incidents " + in + " --incidents-mapping " + kUcdpPreset +
                               " --width 600 --height 400 --no-labels --from 2019-09 --to 2019-09 --layers heatmap,boundaries ";
    r = run(common + "--out " + dir + "/heat.png");
    REQUIRE(r.code == 0);
    r = run(common + "--heatmap-opacity 0 --out " + dir + "/plain.png");
    REQUIRE(r.code == 0);
    const Png heat(dir + "/heat.png"), plain(dir + "/plain.png");
    REQUIRE((heat.px && plain.px));
    CHECK(std::equal(heat.px.get(), heat.px.get() + 600 * 400 * 4, plain.px.get()));
}

namespace {

std::vector<std::string> csv_lines(const std::string& path) {
    std::ifstream in(path);
    std::vector<std::string> lines;
    for (std::string l; std::getline(in, l);) lines.push_back(l);
    return lines;
}

}  // namespace

TEST_CASE("mirador hotspots: INEGI homicides of a year, the issue's columns, notes, GeoPackage", "[cli][hotspots]") {
    REQUIRE_DATA_DIR();
    const std::string dir = test::temp_dir("cli-hotspots");
    const std::string table = test::data_dir() + "/incidents/inegi_homicide_deaths_mun_month_1990_2015.csv";
    const auto r = run("hotspots --counts " + table + " --from 2010 --to 2010 --value eb-rate --out " + dir + "/h.csv");
    INFO(r.out);
    REQUIRE(r.code == 0);
    CHECK(r.out.find("91 municipalities never appear in the table") != std::string::npos);
    CHECK(r.out.find("unplaceable codes") != std::string::npos);
    const auto lines = csv_lines(dir + "/h.csv");
    REQUIRE(lines.size() == 2470);
    CHECK(lines[0] == "cvegeo,name,state_name,count,population,rate_per_100k,eb_rate_per_100k,n_neighbours,gistar_z,"
                      "gistar_p,gistar_p_sim,gistar_class,lisa_Ii,lisa_z,lisa_p_sim,lisa_cluster,significant");
    // Culiacán (802 homicides registered in 2010, see test_count_table.cpp) is a hot spot.
    const auto culiacan = std::find_if(lines.begin(), lines.end(), [](const std::string& l) { return l.rfind("25006,", 0) == 0; });
    REQUIRE(culiacan != lines.end());
    CHECK(culiacan->find(",802,") != std::string::npos);
    CHECK(culiacan->find("hot 99%") != std::string::npos);

    // The same with --out .gpkg: a polygon layer with the same columns, readable by OGR.
    const auto g = run("hotspots --counts " + table + " --from 2010 --to 2010 --statistic gistar --permutations 99 --out " +
                       dir + "/h.gpkg");
    INFO(g.out);
    REQUIRE(g.code == 0);
    GDALAllRegister();
    GDALDataset* ds = static_cast<GDALDataset*>(GDALOpenEx((dir + "/h.gpkg").c_str(), GDAL_OF_VECTOR, nullptr, nullptr, nullptr));
    REQUIRE(ds);
    OGRLayer* layer = ds->GetLayer(0);
    REQUIRE(layer);
    CHECK(layer->GetFeatureCount() == 2469);
    CHECK(layer->GetLayerDefn()->GetFieldIndex("gistar_class") >= 0);
    CHECK(wkbFlatten(layer->GetGeomType()) == wkbMultiPolygon);
    OGRFeature* f = layer->GetNextFeature();
    REQUIRE(f);
    CHECK(f->GetGeometryRef() != nullptr);
    OGRFeature::DestroyFeature(f);
    GDALClose(ds);

    // Never over an input; a day window on a monthly table is refused.
    const auto same = run("hotspots --counts " + table + " --out " + table);
    CHECK(same.code != 0);
    const auto day = run("hotspots --counts " + table + " --from 2010-03-05 --out " + dir + "/d.csv");
    CHECK(day.code == 2);
    CHECK(day.out.find("whole months") != std::string::npos);
}

TEST_CASE("mirador hotspots by state on SESNSP's state table with a filter", "[cli][hotspots]") {
    REQUIRE_DATA_DIR();
    const std::string dir = test::temp_dir("cli-hotspots-state");
    const auto r = run("hotspots --boundaries " + test::data_dir() + "/mx/00mun.shp --by state --counts " +
                       test::data_dir() + "/incidents/sesnsp_homicide_victims_state_month.csv --filter "
                       "\"subtipo=homicidio doloso\" --from 2019 --to 2019 --value rate --out " + dir + "/s.csv");
    INFO(r.out);
    REQUIRE(r.code == 0);
    const auto lines = csv_lines(dir + "/s.csv");
    REQUIRE(lines.size() == 33);
    // Chihuahua's 2019 homicidio doloso victims, summed from the table's rows by hand elsewhere
    // (test_count_table.cpp checks Q1); here only that the state row carries a count and a rate.
    const auto chihuahua = std::find_if(lines.begin(), lines.end(), [](const std::string& l) { return l.rfind("08,", 0) == 0; });
    REQUIRE(chihuahua != lines.end());
    CHECK(chihuahua->find(",Chihuahua,") != std::string::npos);
}

TEST_CASE("mirador emerging: INEGI homicides 2007-2015 by year", "[cli][emerging]") {
    REQUIRE_DATA_DIR();
    const std::string dir = test::temp_dir("cli-emerging");
    const auto r = run("emerging --counts " + test::data_dir() +
                       "/incidents/inegi_homicide_deaths_mun_month_1990_2015.csv --from 2007 --to 2015 --step year --out " +
                       dir + "/e.csv");
    INFO(r.out);
    REQUIRE(r.code == 0);
    const auto lines = csv_lines(dir + "/e.csv");
    REQUIRE(lines.size() == 2470);
    CHECK(lines[0] == "cvegeo,name,state_name,category,trend_tau,trend_p,hot_periods,cold_periods,periods,total_count,"
                      "z_last,z_series");
    CHECK(r.out.find("9 periods (2007 to 2015)") != std::string::npos);
    const auto month = run("emerging --counts " + test::data_dir() +
                           "/incidents/inegi_homicide_deaths_mun_month_1990_2015.csv --step week --out " + dir + "/w.csv");
    CHECK(month.code == 2);
}

TEST_CASE("mirador hotspots on incidents by hexagons", "[cli][hotspots]") {
    const std::string dir = test::temp_dir("cli-hotspots-hex");
    const auto r = run("hotspots --incidents " + test::assets_dir() + "/incidents/seed-incidents.csv --by hex:50 "
                       "--neighbours queen --out " + dir + "/x.csv");
    INFO(r.out);
    REQUIRE(r.code == 0);
    CHECK(r.out.find("hexagons 50 km apart") != std::string::npos);
    const auto lines = csv_lines(dir + "/x.csv");
    CHECK(lines.size() > 500);  // Mexico is about 2 million km²: ~900 hexagons of 2,165 km²
    CHECK(lines.size() < 1500);
    const auto rate = run("hotspots --incidents " + test::assets_dir() + "/incidents/seed-incidents.csv --by hex:50 "
                          "--value rate --out " + dir + "/y.csv");
    CHECK(rate.code == 2);  // hexagons have no population
}

TEST_CASE("mirador density reports repeated ids and bad rows as the other commands do", "[cli][density]") {
    // A clean CSV takes a faster path than the loader; anything not clean must still be reported
    // by the loader, the surface written from every row it keeps.
    const std::string dir = test::temp_dir("cli-density-unclean");
    const auto write = [&](const std::string& name, const std::string& text) {
        std::ofstream(dir + "/" + name, std::ios::binary) << text;
        return dir + "/" + name;
    };
    const std::string header = "id,date,lon,lat\n";
    const std::string rows = "a,2019-10-17,-107.39,24.80\nb,2019-10-17,-107.40,24.81\n";
    const auto peak_of = [](const std::string& path) {
        std::unique_ptr<GDALDataset, void (*)(GDALDataset*)> ds(GDALDataset::Open(path.c_str(), GDAL_OF_RASTER),
                                                               [](GDALDataset* d) { GDALClose(d); });
        if (!ds) return -1.0;
        double min_max[2] = {0, 0};
        if (ds->GetRasterBand(1)->ComputeRasterMinMax(FALSE, min_max) != CE_None) return -1.0;
        return min_max[1];
    };
    GDALAllRegister();
    test::Run r = run("density --incidents " + write("clean.csv", header + rows) + " --out " + dir + "/clean.tif");
    INFO(r.out);
    REQUIRE(r.code == 0);
    CHECK_THAT(r.out, !Catch::Contains("appears on more than one"));
    const double clean = peak_of(dir + "/clean.tif");
    CHECK(clean > 0);

    const std::string repeated = write("repeated.csv", header + rows + "a,2019-10-18,-107.39,24.80\n");
    r = run("density --incidents " + repeated + " --out " + dir + "/repeated.tif");
    INFO(r.out);
    REQUIRE(r.code == 0);
    CHECK_THAT(r.out, Catch::Contains("repeated.csv: 1 id appears on more than one line") && Catch::Contains("'a' on lines 2, 4"));
    CHECK(peak_of(dir + "/repeated.tif") > clean * 1.4);  // the third incident counts
    r = run("density --incidents " + repeated + " --dedupe --out " + dir + "/deduped.tif");
    REQUIRE(r.code == 0);
    CHECK(peak_of(dir + "/deduped.tif") == Approx(clean).epsilon(1e-6));

    r = run("density --incidents " + write("bad.csv", header + "x,2019-02-30,-107.39,24.80\n" + rows) + " --out " + dir +
            "/bad.tif");
    INFO(r.out);
    REQUIRE(r.code == 0);
    CHECK_THAT(r.out, Catch::Contains("bad.csv:2:") && Catch::Contains("2019-02-30"));
    CHECK(peak_of(dir + "/bad.tif") == Approx(clean).epsilon(1e-6));
}
