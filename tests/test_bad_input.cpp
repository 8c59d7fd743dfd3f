#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

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

TEST_CASE("a truncated .shp gives a clear message and no crash", "[bad-input]") {
    const std::string dir = test::temp_dir("truncated");
    const std::string shp = sinaloa_shapefile(dir);
    const auto full = fs::file_size(shp);
    fs::resize_file(shp, full / 3);
    std::vector<std::string> warnings;
    auto r = load(shp, &warnings);
    if (r) {
        // GDAL may still read the features before the cut: then fewer load, with warnings
        // that name the file.
        CHECK(r->feature_count() < 18);
        REQUIRE_FALSE(warnings.empty());
        CHECK_THAT(warnings.front(), Catch::Contains(shp));
    } else {
        CHECK_THAT(r.error(), Catch::Contains(shp));
    }
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

TEST_CASE("features without geometry are skipped with a warning and the rest load", "[bad-input]") {
    const std::string dir = test::temp_dir("nullgeom");
    const std::string path = dir + "/mixed.geojson";
    std::ofstream(path) << R"({"type":"FeatureCollection","features":[
      {"type":"Feature","properties":{"CVEGEO":"99001","NOMGEO":"Sin geometría"},"geometry":null},
      {"type":"Feature","properties":{"CVEGEO":"99002","NOMGEO":"Cuadro"},
       "geometry":{"type":"Polygon","coordinates":[[[-100,20],[-99,20],[-99,21],[-100,21],[-100,20]]]}}]})";
    std::vector<std::string> warnings;
    auto r = load(path, &warnings);
    REQUIRE(r);
    CHECK(r->feature_count() == 1);
    CHECK(r->attributes[0].name == "Cuadro");
    REQUIRE(warnings.size() == 1);
    CHECK_THAT(warnings[0], Catch::Contains("feature 1") && Catch::Contains("no geometry"));
}
