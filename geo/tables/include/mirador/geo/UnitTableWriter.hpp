#pragma once
// A table with one row per unit (municipality, state, hexagon), written as CSV or, with the
// units' polygons, as a GeoPackage that opens in QGIS. Both through AtomicFile: the target is
// replaced whole or not at all.
#include <string>
#include <vector>

#include "mirador/geo/PolygonLayer.hpp"
#include "mirador/geo/Result.hpp"

namespace mirador::geo {

struct UnitTable {
    std::vector<std::string> columns;
    std::string types;  // one letter a column: 's' text, 'r' real, 'i' integer (empty cell: null)
    std::vector<std::vector<std::string>> rows;
};

[[nodiscard]] Result<bool> write_unit_table_csv(const std::string& path, const UnitTable& table);

// Row k's geometry is feature `features[k]` of `geometry` (its polygons as one MultiPolygon),
// in the layer's CRS. `description` goes into the layer's metadata (the analysis' notes).
[[nodiscard]] Result<bool> write_unit_table_gpkg(const std::string& path, const UnitTable& table,
                                                 const std::vector<const PolygonLayer*>& geometry,
                                                 const std::vector<std::size_t>& features,
                                                 const std::string& layer_name, const std::string& description);

bool ends_with_gpkg(const std::string& path);

}  // namespace mirador::geo
