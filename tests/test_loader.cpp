#include <catch2/catch.hpp>

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <filesystem>

#include "FixtureWriter.hpp"
#include "TestData.hpp"
#include "mirador/geo/LayerLoader.hpp"

using namespace mirador;
using namespace mirador::geo;

namespace {

long ogr_feature_count(const std::string& path, const std::string& layer = "") {
    ensure_gdal_registered();
    GDALDataset* ds = static_cast<GDALDataset*>(GDALOpenEx(path.c_str(), GDAL_OF_VECTOR, nullptr, nullptr, nullptr));
    REQUIRE(ds);
    OGRLayer* l = layer.empty() ? ds->GetLayer(0) : ds->GetLayerByName(layer.c_str());
    const long n = static_cast<long>(l->GetFeatureCount());
    GDALClose(ds);
    return n;
}

std::string name_of(const PolygonLayer& l, const std::string& code) {
    const long i = l.find_code(code);
    return i < 0 ? std::string("<missing ") + code + ">" : l.attributes[static_cast<std::size_t>(i)].name;
}

}  // namespace

TEST_CASE("bundled GeoPackage: 32 states and every municipality with accents intact", "[loader]") {
    LayerLoadOptions o;
    o.path = test::default_gpkg();
    o.layer = "states";
    std::vector<std::string> warnings;
    auto states = load_polygon_layer(o, &warnings);
    REQUIRE(states);
    CHECK(states->feature_count() == 32);
    CHECK(name_of(*states, "16") == "Michoacán de Ocampo");
    CHECK(name_of(*states, "19") == "Nuevo León");
    CHECK(name_of(*states, "09") == "Ciudad de México");

    o.layer = "municipalities";
    auto mun = load_polygon_layer(o, &warnings);
    REQUIRE(mun);
    CHECK(static_cast<long>(mun->feature_count()) == ogr_feature_count(o.path, "municipalities"));
    CHECK(mun->feature_count() == 2469);
    CHECK(name_of(*mun, "25006") == "Culiacán");
    CHECK(name_of(*mun, "19046") == "San Nicolás de los Garza");
    CHECK(name_of(*mun, "12035") == "Iguala de la Independencia");
    CHECK(mun->attributes[static_cast<std::size_t>(mun->find_code("25006"))].state_code == "25");
    CHECK(mun->attributes[static_cast<std::size_t>(mun->find_code("25006"))].local_code == "006");
    CHECK(warnings.empty());
}

TEST_CASE("INEGI shapefiles load with the same features as the file holds", "[loader][data]") {
    REQUIRE_DATA_DIR();
    LayerLoadOptions o;
    o.path = test::data_dir() + "/mx/00mun.shp";
    auto mun = load_polygon_layer(o);
    REQUIRE(mun);
    CHECK(static_cast<long>(mun->feature_count()) == ogr_feature_count(o.path));
    CHECK(name_of(*mun, "16002") == "Aguililla");
    CHECK(name_of(*mun, "26015") == "Bavispe");
    CHECK(name_of(*mun, "08037") == "Juárez");
    o.path = test::data_dir() + "/mx/00ent.shp";
    auto ent = load_polygon_layer(o);
    REQUIRE(ent);
    CHECK(ent->feature_count() == 32);
    CHECK(name_of(*ent, "16") == "Michoacán de Ocampo");
}

TEST_CASE("GeoJSON and GeoPackage go through the same loader", "[loader]") {
    const std::string dir = test::temp_dir("formats");
    const std::string gj = dir + "/sinaloa.geojson";
    const std::string gp = dir + "/sinaloa.gpkg";
    REQUIRE(test::vector_translate(gj, test::default_gpkg(),
                                   {"-f", "GeoJSON", "-where", "CVE_ENT = '25'", "municipalities"}) == "");
    REQUIRE(test::vector_translate(gp, test::default_gpkg(),
                                   {"-f", "GPKG", "-where", "CVE_ENT = '25'", "-nln", "sin", "municipalities"}) == "");
    LayerLoadOptions o;
    o.path = gj;
    auto a = load_polygon_layer(o);
    REQUIRE(a);
    o.path = gp;
    auto b = load_polygon_layer(o);
    REQUIRE(b);
    CHECK(a->feature_count() == 18);  // Sinaloa's municipalities in the 2020 frame
    REQUIRE(a->feature_count() == b->feature_count());
    CHECK(name_of(*a, "25006") == "Culiacán");
    CHECK(a->vertices.size() == b->vertices.size());
    // GeoJSON is written in lon/lat (RFC 7946): reprojected back, it lands within a metre.
    for (std::size_t i = 0; i < a->vertices.size(); i += 97)
        CHECK(std::hypot(a->vertices[i].x - b->vertices[i].x, a->vertices[i].y - b->vertices[i].y) < 1.0);
}

TEST_CASE("configurable attribute names", "[loader]") {
    const std::string dir = test::temp_dir("fields");
    const std::string path = dir + "/renamed.gpkg";
    REQUIRE(test::vector_translate(path, test::default_gpkg(),
                                   {"-f", "GPKG", "-sql",
                                    "SELECT CVEGEO AS clave, NOMGEO AS nombre, geom FROM municipalities WHERE CVE_ENT = '12'"}) == "");
    LayerLoadOptions o;
    o.path = path;
    auto fail = load_polygon_layer(o);
    REQUIRE_FALSE(fail);
    CHECK_THAT(fail.error(), Catch::Contains("CVEGEO") && Catch::Contains("clave"));
    o.fields.code = "clave";
    o.fields.name = "nombre";
    auto ok = load_polygon_layer(o);
    REQUIRE(ok);
    CHECK(name_of(*ok, "12035") == "Iguala de la Independencia");
    // State and municipal codes are derived from CVEGEO when the file lacks them.
    CHECK(ok->attributes[static_cast<std::size_t>(ok->find_code("12035"))].state_code == "12");
    CHECK(ok->attributes[static_cast<std::size_t>(ok->find_code("12035"))].local_code == "035");
}

TEST_CASE("Latin-1 DBF text is decoded with or without a .cpg", "[loader][encoding]") {
    const std::string dir = test::temp_dir("latin1");
    const std::string shp = dir + "/mich.shp";
    REQUIRE(test::vector_translate(shp, test::default_gpkg(),
                                   {"-f", "ESRI Shapefile", "-lco", "ENCODING=ISO-8859-1", "-where",
                                    "CVE_ENT = '16'", "municipalities"}) == "");
    LayerLoadOptions o;
    o.path = shp;
    std::vector<std::string> warnings;
    auto with_cpg = load_polygon_layer(o, &warnings);
    REQUIRE(with_cpg);
    CHECK(name_of(*with_cpg, "16002") == "Aguililla");
    CHECK(name_of(*with_cpg, "16053") == "Morelia");
    CHECK(name_of(*with_cpg, "16102") == "Uruapan");
    CHECK(name_of(*with_cpg, "16004") == "Angamacutiro");
    // A name with an accent: Álvaro Obregón (16003).
    CHECK(name_of(*with_cpg, "16003") == "Álvaro Obregón");

    // No .cpg, but the DBF's language driver byte says Windows-1252 (0x57).
    std::filesystem::remove(dir + "/mich.cpg");
    auto set_ldid = [&](int ldid) {
        std::FILE* f = std::fopen((dir + "/mich.dbf").c_str(), "r+b");
        REQUIRE(f);
        std::fseek(f, 29, SEEK_SET);  // DBF header: language driver id
        std::fputc(ldid, f);
        std::fclose(f);
    };
    set_ldid(0x57);
    warnings.clear();
    auto with_ldid = load_polygon_layer(o, &warnings);
    REQUIRE(with_ldid);
    CHECK(name_of(*with_ldid, "16003") == "Álvaro Obregón");
    CHECK(warnings.empty());

    // INEGI's own files: Latin-1 bytes, and neither a .cpg nor a code page byte.
    set_ldid(0);
    warnings.clear();
    auto bare = load_polygon_layer(o, &warnings);
    REQUIRE(bare);
    CHECK(name_of(*bare, "16003") == "Álvaro Obregón");
    bool said_latin1 = false;
    for (const auto& w : warnings) said_latin1 |= w.find("Latin-1") != std::string::npos;
    CHECK(said_latin1);
}
