#include "cli/DataOptions.hpp"
#include "cli/Report.hpp"

#include <CLI/CLI.hpp>
#include <gdal_priv.h>

#include <cstdio>
#include <filesystem>
#include <vector>
#include <unistd.h>

namespace mirador {

namespace fs = std::filesystem;

void add_data_options(CLI::App& app, DataOptions& o) {
    app.add_option("--boundaries", o.boundaries,
                   "Municipal boundary layer: any OGR polygon source (.shp, .gpkg, .geojson, PG:...). "
                   "Default: the bundled INEGI GeoPackage")
        ->option_text("PATH");
    app.add_option("--boundaries-layer", o.boundaries_layer, "Layer name inside --boundaries (default: first)");
    app.add_option("--states", o.states,
                   "State layer, for state names (default: a 'states' layer in the same GeoPackage, or 00ent.* "
                   "beside 00mun.*; else INEGI's catalogue)")
        ->option_text("PATH");
    app.add_option("--states-layer", o.states_layer, "Layer name inside --states");
    app.add_option("--crs", o.crs, "Display CRS: EPSG:6372 (INEGI's Lambert, default) or EPSG:3857 (Web Mercator)")
        ->capture_default_str();
    app.add_option("--source-crs", o.source_crs,
                   "CRS of a boundary file that declares none (a .shp without .prj), e.g. EPSG:4326");
    app.add_option("--field-code", o.fields.code, "Attribute with the feature code")->capture_default_str();
    app.add_option("--field-state", o.fields.state_code, "Attribute with the state code")->capture_default_str();
    app.add_option("--field-municipality", o.fields.local_code, "Attribute with the municipal code")
        ->capture_default_str();
    app.add_option("--field-name", o.fields.name, "Attribute with the name")->capture_default_str();
    app.add_option("--gazetteer", o.gazetteer,
                   "INEGI localities CSV for place names (default: data/gazetteer/localidades_mx.csv)")
        ->option_text("PATH");
    app.add_option("--population", o.population,
                   "Population table CVEGEO,POB_TOTAL for rates (default: data/mx/population_2020.csv)")
        ->option_text("PATH");
    app.add_flag("--allow-partial", o.allow_partial,
                 "Load a boundary layer that cannot be read whole (truncated or damaged): the features that can be "
                 "read, with a warning. Without it such a layer is an error");
    app.add_option("--triangulator", o.triangulator, "Polygon triangulation: earclip (default) or geos")
        ->capture_default_str();
}

std::string asset_dir() {
    if (const char* env = std::getenv("MIRADOR_ASSETS"); env && fs::is_directory(env)) return env;
    std::error_code ec;
    const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    if (!ec) {
        for (const fs::path& cand : {exe.parent_path() / "assets", exe.parent_path().parent_path() / "assets",
                                     exe.parent_path().parent_path() / "share/mirador/assets"})
            if (fs::exists(cand / "mexico.gpkg")) return cand.string();
    }
    return MIRADOR_SOURCE_ASSETS;
}

std::string find_data_file(const std::string& relative) {
    std::vector<fs::path> roots;
    if (const char* env = std::getenv("MIRADOR_DATA_DIR"); env && *env) roots.emplace_back(env);
    const fs::path source = fs::path(MIRADOR_SOURCE_ASSETS).parent_path();
    roots.push_back(source / "data");
    roots.push_back(source.parent_path() / "shared/data");
    for (const auto& r : roots)
        if (fs::exists(r / relative)) return (r / relative).string();
    return {};
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

geo::Result<geo::BoundarySources> resolve_sources(const DataOptions& o) {
    geo::BoundarySources s;
    auto crs = geo::parse_display_crs(o.crs);
    if (!crs) return geo::make_error(crs.error());
    s.display_crs = *crs;
    if (o.triangulator == "earclip")
        s.triangulation = geo::TriangulationMethod::EarClip;
    else if (o.triangulator == "geos")
        s.triangulation = geo::TriangulationMethod::GeosCdt;
    else
        return geo::make_error("unknown --triangulator '" + o.triangulator + "' (earclip or geos)");
    s.fields = o.fields;
    s.assume_source_crs = o.source_crs;
    s.allow_partial = o.allow_partial;
    s.municipalities_path = o.boundaries.empty() ? default_boundaries_path() : o.boundaries;
    s.municipalities_layer = o.boundaries_layer;
    s.states_path = o.states;
    s.states_layer = o.states_layer;

    const fs::path mp(s.municipalities_path);
    if (o.boundaries.empty() && s.municipalities_layer.empty()) s.municipalities_layer = "municipalities";
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

geo::Result<std::unique_ptr<geo::Boundaries>> load_boundaries_verbose(const DataOptions& o, bool quiet) {
    auto sources = resolve_sources(o);
    if (!sources) return geo::make_error(sources.error());
    auto b = geo::load_boundaries(*sources);
    if (!b) return b;
    if (!quiet)
        for (const auto& w : (*b)->warnings) eprint("mirador: warning: %s\n", w.c_str());
    return b;
}

}  // namespace mirador
