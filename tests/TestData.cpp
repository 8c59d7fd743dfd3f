#include "TestData.hpp"

#include "mirador/geo/LayerLoader.hpp"

#include <cstdlib>
#include <filesystem>
#include <map>
#include <stdexcept>
#include <unistd.h>

namespace mirador::test {

namespace fs = std::filesystem;

std::string assets_dir() { return MIRADOR_ASSETS_DIR; }
std::string default_gpkg() { return assets_dir() + "/mexico.gpkg"; }

std::string data_dir() {
    if (const char* env = std::getenv("MIRADOR_DATA_DIR"); env && fs::exists(fs::path(env) / "mx/00mun.shp")) return env;
    const std::string built_in = MIRADOR_TEST_DATA_DIR;
    if (!built_in.empty() && fs::exists(fs::path(built_in) / "mx/00mun.shp")) return built_in;
    return {};
}

std::string temp_dir(const std::string& name) {
    static const fs::path root = [] {
        fs::path p = fs::temp_directory_path() / ("mirador-tests-" + std::to_string(::getpid()));
        fs::create_directories(p);
        std::atexit([] {
            std::error_code ec;
            fs::remove_all(fs::temp_directory_path() / ("mirador-tests-" + std::to_string(::getpid())), ec);
        });
        return p;
    }();
    const fs::path p = root / name;
    fs::remove_all(p);
    fs::create_directories(p);
    return p.string();
}

const geo::Boundaries& default_boundaries() {
    static std::unique_ptr<geo::Boundaries> b = [] {
        geo::BoundarySources s;
        s.municipalities_path = default_gpkg();
        s.municipalities_layer = "municipalities";
        s.states_path = default_gpkg();
        s.states_layer = "states";
        auto r = geo::load_boundaries(s);
        if (!r) throw std::runtime_error(r.error());
        return std::move(r).value();
    }();
    return *b;
}

geo::PolygonLayer load_data_layer(const std::string& relative_path) {
    geo::LayerLoadOptions o;
    o.path = data_dir() + "/" + relative_path;
    auto layer = geo::load_polygon_layer(o);
    if (!layer) throw std::runtime_error(layer.error());
    return std::move(layer).value();
}

geo::Vec2 to_6372(double lon, double lat) {
    static auto p = geo::lonlat_to_display(geo::DisplayCrs::Mexico6372);
    return p->forward(geo::Vec2{lon, lat});
}

}  // namespace mirador::test
