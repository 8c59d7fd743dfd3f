#pragma once
// Density grids as GeoTIFF (Float32, north-up, the grid's CRS, no nodata: zero is a value).
#include <string>
#include <string_view>

#include "mirador/geo/DensityGrid.hpp"
#include "mirador/geo/Result.hpp"

namespace mirador::geo {

// `units` becomes the band's description and unit type, e.g. "incidents per km²".
// Errors name the file.
Result<bool> write_density_geotiff(const DensityGrid& grid, const std::string& path, std::string_view units);

}  // namespace mirador::geo
