#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sys/stat.h>

#include <gdal_priv.h>

#include "FixtureWriter.hpp"
#include "TestData.hpp"
#include "mirador/geo/Boundaries.hpp"
#include "mirador/geo/LayerLoader.hpp"

using namespace mirador;
using namespace mirador::geo;
namespace fs = std::filesystem;

namespace {

std::string sinaloa_shapefile(const std::string& dir) {
    const std::string shp = dir + "/sin.shp";
    REQUIRE(test::vector_translate(shp, test::default_gpkg(),
                                   {"-f", "ESRI Shapefile", "-where", "CVE_ENT = '25'", "municipalities"}) == "");
    return shp;
}

Result<PolygonLayer> load(const std::string& path, std::vector<std::string>* warnings = nullptr) {
    LayerLoadOptions o;
    o.path = path;
    return load_polygon_layer(o, warnings);
}

}  // namespace

TEST_CASE("a missing file is named in the error", "[bad-input]") {
    auto r = load("/nonexistent/folder/00mun.shp");
    REQUIRE_FALSE(r);
    CHECK_THAT(r.error(), Catch::Contains("/nonexistent/folder/00mun.shp") && Catch::Contains("no such file"));

    BoundarySources s;
    s.municipalities_path = "/nonexistent/mun.gpkg";
    auto b = load_boundaries(s);
    REQUIRE_FALSE(b);
    CHECK_THAT(b.error(), Catch::Contains("/nonexistent/mun.gpkg"));
}

TEST_CASE("a .shp without .prj is refused unless the CRS is given", "[bad-input]") {
    const std::string dir = test::temp_dir("noprj");
    const std::string shp = sinaloa_shapefile(dir);
    fs::remove(dir + "/sin.prj");
    auto r = load(shp);
    REQUIRE_FALSE(r);
    CHECK_THAT(r.error(), Catch::Contains(shp) && Catch::Contains(".prj") && Catch::Contains("--source-crs"));

    LayerLoadOptions o;
    o.path = shp;
    o.assume_source_crs = "EPSG:6372";
    std::vector<std::string> warnings;
    auto ok = load_polygon_layer(o, &warnings);
    REQUIRE(ok);
    CHECK(ok->feature_count() == 18);
    REQUIRE(warnings.size() == 1);
    CHECK_THAT(warnings[0], Catch::Contains("assuming EPSG:6372"));
}

TEST_CASE("a point layer where polygons are expected", "[bad-input]") {
    const std::string dir = test::temp_dir("points");
    const std::string path = dir + "/points.geojson";
    std::ofstream(path) << R"({"type":"FeatureCollection","features":[
      {"type":"Feature","properties":{"CVEGEO":"25006"},"geometry":{"type":"Point","coordinates":[-107.39,24.80]}}]})";
    auto r = load(path);
    REQUIRE_FALSE(r);
    CHECK_THAT(r.error(), Catch::Contains(path) && Catch::Contains("Point") && Catch::Contains("polygon"));
}

TEST_CASE("a truncated .shp is an error unless the user asks for what can be read", "[bad-input]") {
    const std::string dir = test::temp_dir("truncated");
    const std::string shp = sinaloa_shapefile(dir);
    const auto full = fs::file_size(shp);
    fs::resize_file(shp, full / 3);
    auto r = load(shp);
    REQUIRE_FALSE(r);
    CHECK_THAT(r.error(), Catch::Contains(shp) && Catch::Contains("of 18 features could not be read") &&
                              Catch::Contains("--allow-partial"));
    // Asked for: the features before the cut load, with one warning that counts the rest.
    LayerLoadOptions o;
    o.path = shp;
    o.allow_partial = true;
    std::vector<std::string> warnings;
    auto part = load_polygon_layer(o, &warnings);
    REQUIRE(part);
    CHECK(part->feature_count() < 18);
    REQUIRE_FALSE(warnings.empty());
    CHECK_THAT(warnings.front(), Catch::Contains(shp) && Catch::Contains("could not be read") && Catch::Contains("loaded the"));
    CHECK(warnings.size() <= 5);  // one summary and a few of GDAL's words, not one line per feature
    // Through load_boundaries too, as every command and the window load them.
    BoundarySources s;
    s.municipalities_path = shp;
    CHECK_FALSE(load_boundaries(s));
    s.allow_partial = true;
    CHECK(load_boundaries(s));
    // Cut inside the header: nothing readable at all.
    fs::resize_file(shp, 50);
    auto header = load(shp);
    REQUIRE_FALSE(header);
    CHECK_THAT(header.error(), Catch::Contains(shp));
}

TEST_CASE("an empty layer is an error naming the file", "[bad-input]") {
    const std::string dir = test::temp_dir("empty");
    const std::string path = dir + "/empty.gpkg";
    REQUIRE(test::vector_translate(path, test::default_gpkg(),
                                   {"-f", "GPKG", "-where", "CVE_ENT = 'none'", "municipalities"}) == "");
    auto r = load(path);
    REQUIRE_FALSE(r);
    CHECK_THAT(r.error(), Catch::Contains(path) && Catch::Contains("no features"));
}

TEST_CASE("a file that is not a vector dataset", "[bad-input]") {
    const std::string dir = test::temp_dir("garbage");
    const std::string path = dir + "/garbage.shp";
    std::ofstream(path) << "this is not a shapefile\n";
    auto r = load(path);
    REQUIRE_FALSE(r);
    CHECK_THAT(r.error(), Catch::Contains(path));
}

TEST_CASE("features without geometry make the layer incomplete: an error, or a warning when asked", "[bad-input]") {
    const std::string dir = test::temp_dir("nullgeom");
    const std::string path = dir + "/mixed.geojson";
    std::ofstream(path) << R"({"type":"FeatureCollection","features":[
      {"type":"Feature","properties":{"CVEGEO":"99001","NOMGEO":"Sin geometría"},"geometry":null},
      {"type":"Feature","properties":{"CVEGEO":"99002","NOMGEO":"Cuadro"},
       "geometry":{"type":"Polygon","coordinates":[[[-100,20],[-99,20],[-99,21],[-100,21],[-100,20]]]}}]})";
    auto refused = load(path);
    REQUIRE_FALSE(refused);
    CHECK_THAT(refused.error(), Catch::Contains("1 of 2 features") && Catch::Contains("feature 1: no geometry"));
    LayerLoadOptions o;
    o.path = path;
    o.allow_partial = true;
    std::vector<std::string> warnings;
    auto r = load_polygon_layer(o, &warnings);
    REQUIRE(r);
    CHECK(r->feature_count() == 1);
    CHECK(r->attributes[0].name == "Cuadro");
    REQUIRE(warnings.size() == 1);
    CHECK_THAT(warnings[0], Catch::Contains("feature 1: no geometry") && Catch::Contains("--allow-partial"));
}

TEST_CASE("messages name the real problem: a bad .prj, a missing .dbf, an empty file, a GeoPackage without layers",
          "[bad-input]") {
    const std::string dir = test::temp_dir("messages");
    const std::string shp = sinaloa_shapefile(dir);
    std::ofstream(dir + "/sin.prj") << "this is not a CRS";
    auto prj = load(shp);
    REQUIRE_FALSE(prj);
    CHECK_THAT(prj.error(), Catch::Contains("sin.prj cannot be read as a coordinate reference system"));
    CHECK_THAT(prj.error(), !Catch::Contains("missing"));

    const std::string dbf_dir = test::temp_dir("messages-dbf");
    const std::string shp2 = sinaloa_shapefile(dbf_dir);
    fs::remove(dbf_dir + "/sin.dbf");
    auto dbf = load(shp2);
    REQUIRE_FALSE(dbf);
    CHECK_THAT(dbf.error(), Catch::Contains("sin.dbf is missing"));

    std::ofstream(dir + "/empty.geojson") << R"({"type":"FeatureCollection","features":[]})";
    auto empty = load(dir + "/empty.geojson");
    REQUIRE_FALSE(empty);
    CHECK_THAT(empty.error(), Catch::Contains("no features") && !Catch::Contains("field"));
    std::ofstream(dir + "/zero.geojson").flush();
    auto zero = load(dir + "/zero.geojson");
    REQUIRE_FALSE(zero);
    CHECK_THAT(zero.error(), Catch::Contains("empty (0 bytes)"));

    // A GeoPackage whose only table was dropped.
    const std::string gpkg = dir + "/none.gpkg";
    REQUIRE(test::vector_translate(gpkg, test::default_gpkg(), {"-f", "GPKG", "-nln", "x", "states"}) == "");
    {
        GDALAllRegister();
        GDALDataset* ds = static_cast<GDALDataset*>(GDALOpenEx(gpkg.c_str(), GDAL_OF_VECTOR | GDAL_OF_UPDATE, nullptr, nullptr, nullptr));
        REQUIRE(ds);
        REQUIRE(ds->DeleteLayer(0) == OGRERR_NONE);
        GDALClose(ds);
    }
    auto none = load(gpkg);
    REQUIRE_FALSE(none);
    CHECK_THAT(none.error(), Catch::Contains("GeoPackage") && Catch::Contains("no vector layers"));
}

TEST_CASE("a symbolic link loop is a loop, a FIFO is refused at once", "[bad-input]") {
    const std::string dir = test::temp_dir("links");
    fs::create_symlink(dir + "/b.shp", dir + "/a.shp");
    fs::create_symlink(dir + "/a.shp", dir + "/b.shp");
    auto loop = load(dir + "/a.shp");
    REQUIRE_FALSE(loop);
    CHECK_THAT(loop.error(), Catch::Contains("loop of symbolic links"));
    fs::create_symlink(dir + "/gone.shp", dir + "/dangling.shp");
    auto dangling = load(dir + "/dangling.shp");
    REQUIRE_FALSE(dangling);
    CHECK_THAT(dangling.error(), Catch::Contains("symbolic link to a file that does not exist"));
    REQUIRE(::mkfifo((dir + "/pipe.shp").c_str(), 0600) == 0);
    auto fifo = load(dir + "/pipe.shp");  // would block in GDAL's open without the check
    REQUIRE_FALSE(fifo);
    CHECK_THAT(fifo.error(), Catch::Contains("named pipe"));
}
