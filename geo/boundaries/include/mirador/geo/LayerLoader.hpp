#pragma once
// Loads any OGR polygon layer (shapefile, GeoPackage, GeoJSON, PostGIS ...) into a
// PolygonLayer in the display CRS. Every problem is reported with the file it concerns;
// problems that spoil one feature skip that feature and become warnings, problems that
// spoil the layer are errors.
#include <string>
#include <vector>

// Loading goes through GDAL's drivers: ensure_gdal_registered() (core, beside CsvReader and the
// other GDAL readers) comes with this header for the callers that open datasets themselves.
// Loading a shapefile registers the shapefile driver alone, so such callers call it themselves.
#include "mirador/geo/GdalRegistration.hpp"
#include "mirador/geo/PolygonLayer.hpp"
#include "mirador/geo/Result.hpp"

namespace mirador::geo {

// Attribute names to read; INEGI's by default. Matched case-insensitively.
struct FieldNames {
    std::string code = "CVEGEO";
    std::string state_code = "CVE_ENT";
    std::string local_code = "CVE_MUN";
    std::string name = "NOMGEO";
    bool operator==(const FieldNames&) const = default;
};

struct LayerLoadOptions {
    std::string path;                 // file, folder or GDAL connection string
    std::string layer;                // empty: the dataset's only (or first) layer
    FieldNames fields;
    DisplayCrs display_crs = DisplayCrs::Mexico6372;
    // Used only when the source declares no CRS (a .shp without .prj). Without it such a
    // layer is refused: guessing a CRS silently would put every polygon in the wrong place.
    std::string assume_source_crs;
    // A layer that does not load whole (features without a readable polygon, a truncated .shp)
    // is an error: a map missing half its municipalities looks like a map. With this set, the
    // features that can be read load, with one warning that counts the rest.
    bool allow_partial = false;
};

[[nodiscard]] Result<PolygonLayer> load_polygon_layer(const LayerLoadOptions& options,
                                                      std::vector<std::string>* warnings = nullptr);

}  // namespace mirador::geo
