#pragma once
// Loads incidents from any OGR point layer: GeoJSON, GeoPackage, shapefile, or a PostGIS table
// through GDAL's PostgreSQL driver ("PG:host=127.0.0.1 dbname=... user=...").
//
// Attributes are found by the names of a CsvColumnMapping (case-insensitive): id, date, time,
// place, state, category, actors, fatalities, injured, source, notes. The position is the
// point geometry, reprojected from the layer's CRS to EPSG:4326 lon/lat; a layer without
// geometry (a plain table) may give lon/lat attribute columns instead. Dates may be OGR Date or
// DateTime fields, or text in any form parse_incident_date() accepts; counts may be integer,
// whole real or text fields.
//
// As with CSV, bad features are reported ("source[layer] feature N: reason; feature skipped",
// N the feature's FID) and skipped, and the rest load; nothing is fixed silently (swapped axes
// are reported, not swapped). A source that cannot be used at all is an error naming it: no such
// file, several layers and none chosen, a line or polygon layer, no date attribute (the message
// lists the fields), no CRS.
#include <string>
#include <vector>

#include "mirador/geo/IncidentCsv.hpp"
#include "mirador/geo/IncidentStore.hpp"
#include "mirador/geo/Result.hpp"

namespace mirador::geo {

struct IncidentOgrOptions {
    std::string path;   // file, folder or GDAL connection string ("PG:...")
    std::string layer;  // required when the source has several layers; for PG a table, or schema.table
    CsvColumnMapping columns;  // attribute names; `delimiter` is unused, `actor_separator` splits actors
    LonLatBox bounds;
    // Used only when the layer declares no CRS (a .shp without .prj); without it such a layer is
    // refused rather than guessed.
    std::string assume_source_crs;
};

// `problems` receives one line per skipped feature or warning.
[[nodiscard]] Result<IncidentStore> load_incident_layer(const IncidentOgrOptions& options,
                                                        std::vector<std::string>* problems = nullptr);

// True for the extensions read as delimited text: .csv, .tsv, .txt (any case).
bool is_incident_csv_path(const std::string& path);

// Any incident source: CSV by extension through load_incident_csv (with options.columns and
// options.bounds; a .tsv defaults to tab-delimited), everything else through
// load_incident_layer. `options.path` is ignored: `path` is the source.
[[nodiscard]] Result<IncidentStore> load_incidents(const std::string& path, std::vector<std::string>* problems = nullptr,
                                                   const IncidentOgrOptions& options = {});

}  // namespace mirador::geo
