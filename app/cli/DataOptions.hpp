#pragma once
// Data flags shared by the window and every command (--boundaries, --crs ...), so that the
// GUI and the CLI always read the same data the same way.
#include <string>

#include "mirador/geo/Boundaries.hpp"

namespace CLI {
class App;
}

namespace mirador {

struct DataOptions {
    std::string boundaries;        // municipal layer; empty = the bundled GeoPackage
    std::string boundaries_layer;
    std::string states;            // state layer for names; empty = found beside the boundaries
    std::string states_layer;
    std::string crs = "EPSG:6372";
    std::string source_crs;
    std::string triangulator = "earclip";
    bool allow_partial = false;    // load what can be read of a damaged boundary layer
    geo::FieldNames fields;
    std::string gazetteer;   // INEGI localities; empty = data/gazetteer/localidades_mx.csv if present
    std::string population;  // CVEGEO,POB_TOTAL; empty = data/mx/population_2020.csv if present
};

void add_data_options(CLI::App& app, DataOptions& options);

// Folder of Mirador's own assets: $MIRADOR_ASSETS, else next to the executable, else the
// source tree the binary was built from.
std::string asset_dir();
std::string default_boundaries_path();

// A file of the full data set (see scripts/fetch-data): $MIRADOR_DATA_DIR, else data/ in the
// source tree, else ../shared/data beside it. Empty when none has it.
std::string find_data_file(const std::string& relative_path);

// Resolves defaults (bundled GeoPackage, a states layer beside the municipalities) into
// what the loader needs. Fails on a bad --crs or --triangulator.
geo::Result<geo::BoundarySources> resolve_sources(const DataOptions& options);

// Loads the boundaries, printing warnings to stderr; the error names the file.
geo::Result<std::unique_ptr<geo::Boundaries>> load_boundaries_verbose(const DataOptions& options, bool quiet = false);

}  // namespace mirador
