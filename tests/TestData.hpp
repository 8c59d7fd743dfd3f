#pragma once
// Where the tests find data: the bundled GeoPackage always; INEGI's shapefiles when the
// shared data folder (or data/ from scripts/fetch-data) is present.
#include <iostream>
#include <string>

#include "mirador/geo/Boundaries.hpp"

namespace mirador::test {

std::string assets_dir();
std::string default_gpkg();
// Folder holding mx/00mun.shp ..., or "" when absent ($MIRADOR_DATA_DIR overrides).
std::string data_dir();
// A fresh temporary folder for one test, removed at exit.
std::string temp_dir(const std::string& name);

// The bundled boundaries, loaded once per test binary.
const geo::Boundaries& default_boundaries();

// A file from the data folder (e.g. "mx/00mun.shp") loaded with default options; the
// test fails with the loader's message if it does not load.
geo::PolygonLayer load_data_layer(const std::string& relative_path);

// Lon/lat (degrees) -> EPSG:6372 metres.
geo::Vec2 to_6372(double lon, double lat);

}  // namespace mirador::test

// The line ctest's SKIP_REGULAR_EXPRESSION looks for (tests/CMakeLists.txt): a test that prints
// it is reported as skipped, never as passed. Catch2 2.13 has no SKIP of its own.
#define MIRADOR_SKIP_MARKER "MIRADOR-TEST-SKIPPED"

// Reports the test as skipped, with the reason, and leaves it.
#define SKIP_TEST(reason)                                                          \
    do {                                                                           \
        std::cout << MIRADOR_SKIP_MARKER ": " << (reason) << std::endl;            \
        return;                                                                    \
    } while (0)

// Skips a test that needs INEGI's files when they are absent.
#define REQUIRE_DATA_DIR()                                                                             \
    do {                                                                                               \
        if (mirador::test::data_dir().empty()) SKIP_TEST("INEGI data not found (../shared/data or data/)"); \
    } while (0)
