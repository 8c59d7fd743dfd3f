#pragma once
// Where the data comes from: the document's boundary sources resolved to files (the bundled
// assets, the optional data folder), loaded the same way by the window and every command.
#include <functional>
#include <string>

#include "document/MapDocument.hpp"
#include "mirador/geo/Boundaries.hpp"

namespace mirador {

// Where the map's geography comes from: the document's boundary sources, and its display CRS.
// Commands are handed this (a view of their document), never a second copy of the settings.
struct DataOptions {
    doc::BoundarySource boundaries;
    geo::DisplayCrs crs = geo::DisplayCrs::Mexico6372;
};

DataOptions data_options(const doc::MapDocument& document);

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
// `single_scale`: see geo::BoundarySources::single_scale (one view drawn at one scale).
geo::Result<std::unique_ptr<geo::Boundaries>> load_boundaries_verbose(
    const DataOptions& options, bool quiet = false,
    std::function<double(const geo::PolygonLayer&)> single_scale = {});

}  // namespace mirador
