#pragma once
// Density grids as GeoTIFF (Float32, north-up, the grid's CRS, no nodata: zero is a value).
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "mirador/geo/DensityGrid.hpp"
#include "mirador/geo/Result.hpp"

namespace mirador::geo {

// `units` becomes the band's description and unit type, e.g. "incidents per km²"; `metadata`
// items (name, value) go to the dataset's default metadata domain (gdalinfo lists them), e.g.
// how the surface was computed. Errors name the file.
// Deflate (the default): lossless, about 60 % of the plain file's size for a typical surface,
// at two to three times the writing time; Plain: uncompressed, as QGIS and GDAL write by default.
using RasterMetadata = std::vector<std::pair<std::string, std::string>>;
enum class RasterCompression { Deflate, Plain };
Result<bool> write_density_geotiff(const DensityGrid& grid, const std::string& path, std::string_view units,
                                   const RasterMetadata& metadata = {},
                                   RasterCompression compression = RasterCompression::Deflate);

}  // namespace mirador::geo
