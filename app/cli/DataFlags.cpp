#include "cli/DataFlags.hpp"

#include <CLI/CLI.hpp>

#include "cli/EnumFlags.hpp"

namespace mirador {

void add_data_options(CLI::App& app, doc::MapDocument& d) {
    doc::BoundarySource& o = d.sources.boundaries;
    app.add_option("--boundaries", o.path,
                   "Municipal boundary layer: any OGR polygon source (.shp, .gpkg, .geojson, PG:...). "
                   "Default: the bundled INEGI GeoPackage")
        ->option_text("PATH");
    app.add_option("--boundaries-layer", o.layer, "Layer name inside --boundaries (default: first)");
    app.add_option("--states", o.states_path,
                   "State layer, for state names (default: a 'states' layer in the same GeoPackage, or 00ent.* "
                   "beside 00mun.*; else INEGI's catalogue)")
        ->option_text("PATH");
    app.add_option("--states-layer", o.states_layer, "Layer name inside --states");
    add_enum_option(app, "--crs", d.view.crs, "Display CRS: EPSG:6372 (INEGI's Lambert) or EPSG:3857 (Web Mercator)");
    app.add_option("--source-crs", o.source_crs,
                   "CRS of a boundary file that declares none (a .shp without .prj), e.g. EPSG:4326");
    app.add_option("--field-code", o.fields.code, "Attribute with the feature code")->capture_default_str();
    app.add_option("--field-state", o.fields.state_code, "Attribute with the state code")->capture_default_str();
    app.add_option("--field-municipality", o.fields.local_code, "Attribute with the municipal code")
        ->capture_default_str();
    app.add_option("--field-name", o.fields.name, "Attribute with the name")->capture_default_str();
    app.add_option("--gazetteer", o.gazetteer,
                   "INEGI localities CSV (.csv or .csv.gz) for place names (default: the data folder's "
                   "gazetteer/localidades_mx.csv, else the bundled assets/localities_2020.csv.gz)")
        ->option_text("PATH");
    app.add_option("--population", o.population,
                   "Population table CVEGEO,POB_TOTAL for rates (default: the data folder's mx/population_2020.csv, "
                   "else the bundled assets/population_2020.csv)")
        ->option_text("PATH");
    app.add_flag("--allow-partial", o.allow_partial,
                 "Load a boundary layer that cannot be read whole (truncated or damaged): the features that can be "
                 "read, with a warning. Without it such a layer is an error");
    add_enum_option(app, "--triangulator", o.triangulation, "Polygon triangulation");
}

}  // namespace mirador
