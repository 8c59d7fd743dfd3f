#include "data/DataOptions.hpp"
#include "platform/Report.hpp"

#include "platform/DataDirs.hpp"

#include <gdal_priv.h>

#include <cstdio>
#include <filesystem>
#include <vector>

namespace mirador {

namespace fs = std::filesystem;

DataOptions data_options(const doc::MapDocument& d) { return {d.sources.boundaries, d.view.crs}; }

std::string asset_dir() {
    if (const char* env = std::getenv("MIRADOR_ASSETS"); env && fs::is_directory(env)) return env;
    const auto dirs = mirador_share_dirs();
    for (const fs::path& d : dirs)
        if (fs::exists(d / "assets/mexico.gpkg")) return (d / "assets").string();
    // None: the folder an installation would have, so that errors name the file expected.
    return dirs.empty() ? std::string("assets") : (dirs.front() / "assets").string();
}

std::string find_data_file(const std::string& relative) {
    // An explicit MIRADOR_DATA_DIR is the only place looked at (an empty folder hides the data).
    if (const char* env = std::getenv("MIRADOR_DATA_DIR"); env && *env) {
        const fs::path p = fs::path(env) / relative;
        return fs::exists(p) ? p.string() : std::string();
    }
    for (const fs::path& d : mirador_share_dirs())
        if (fs::exists(d / "data" / relative)) return (d / "data" / relative).string();
    return {};
}

std::string find_asset_file(const std::string& relative) {
    const fs::path p = fs::path(asset_dir()) / relative;
    return fs::exists(p) ? p.string() : std::string();
}

std::string default_boundaries_path() { return (fs::path(asset_dir()) / "mexico.gpkg").string(); }

namespace {

bool gpkg_has_layer(const std::string& path, const char* layer) {
    geo::ensure_gdal_registered();
    CPLPushErrorHandler(CPLQuietErrorHandler);
    GDALDataset* ds = static_cast<GDALDataset*>(GDALOpenEx(path.c_str(), GDAL_OF_VECTOR, nullptr, nullptr, nullptr));
    CPLPopErrorHandler();
    if (!ds) return false;
    const bool has = ds->GetLayerByName(layer) != nullptr;
    GDALClose(ds);
    return has;
}

}  // namespace

geo::Result<geo::BoundarySources> resolve_sources(const DataOptions& data) {
    const doc::BoundarySource& o = data.boundaries;
    geo::BoundarySources s;
    s.display_crs = data.crs;
    s.triangulation = o.triangulation;
    s.fields = o.fields;
    s.assume_source_crs = o.source_crs;
    s.allow_partial = o.allow_partial;
    s.municipalities_path = o.path.empty() ? default_boundaries_path() : o.path;
    s.municipalities_layer = o.layer;
    s.states_path = o.states_path;
    s.states_layer = o.states_layer;

    const fs::path mp(s.municipalities_path);
    if (o.path.empty() && s.municipalities_layer.empty()) s.municipalities_layer = "municipalities";
    if (s.states_path.empty()) {
        if (mp.extension() == ".gpkg" && fs::exists(mp) && gpkg_has_layer(s.municipalities_path, "states")) {
            s.states_path = s.municipalities_path;
            s.states_layer = "states";
            if (s.municipalities_layer.empty() && gpkg_has_layer(s.municipalities_path, "municipalities"))
                s.municipalities_layer = "municipalities";
        } else if (mp.filename() == "00mun.shp" && fs::exists(mp.parent_path() / "00ent.shp")) {
            s.states_path = (mp.parent_path() / "00ent.shp").string();
        }
    }
    return s;
}

geo::Result<std::unique_ptr<geo::Boundaries>> load_boundaries_verbose(
    const DataOptions& o, bool quiet, std::function<double(const geo::PolygonLayer&)> single_scale) {
    auto sources = resolve_sources(o);
    if (!sources) return geo::make_error(sources.error());
    sources->single_scale = std::move(single_scale);
    auto b = geo::load_boundaries(*sources);
    if (!b) return b;
    if (!quiet)
        for (const auto& w : (*b)->warnings) eprint("mirador: warning: %s\n", w.c_str());
    return b;
}

}  // namespace mirador
