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
    std::string gazetteer;   // INEGI localities; empty = the data folder's, else the bundled table
    std::string population;  // CVEGEO,POB_TOTAL; empty = the data folder's, else the bundled table
};

void add_data_options(CLI::App& app, DataOptions& options);

// Folder of Mirador's own assets (mexico.gpkg, the place tables, the seed incidents):
// $MIRADOR_ASSETS, else share/mirador/assets beside the executable (installed, or the build
// tree), else in $XDG_DATA_HOME / $XDG_DATA_DIRS (platform/DataDirs.hpp). Never the source tree.
std::string asset_dir();
std::string default_boundaries_path();
// A file among the assets, or "" when it is not there.
std::string find_asset_file(const std::string& relative_path);

// A file of the full, optional data set (see scripts/fetch-data): in $MIRADOR_DATA_DIR when it
// is set (and nowhere else), else in share/mirador/data beside the executable (the build tree
// links it to the checkout's data/ or ../shared/data) or in the XDG data folders. "" when none
// has it.
std::string find_data_file(const std::string& relative_path);

// Resolves defaults (bundled GeoPackage, a states layer beside the municipalities) into
// what the loader needs. Fails on a bad --crs or --triangulator.
geo::Result<geo::BoundarySources> resolve_sources(const DataOptions& options);

// Loads the boundaries, printing warnings to stderr; the error names the file.
geo::Result<std::unique_ptr<geo::Boundaries>> load_boundaries_verbose(const DataOptions& options, bool quiet = false);

}  // namespace mirador
