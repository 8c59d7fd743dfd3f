#pragma once
// Density grids as GeoTIFF (Float32, north-up, the grid's CRS, no nodata: zero is a value).
#include <functional>
#include <memory>
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
// Deflate (the default): lossless, DEFLATE with TIFF's floating-point predictor in 256 x 256
// tiles, which every GeoTIFF reader reads; about 65 % of the plain file's size for a typical
// surface (18.7 MB for 28.7 MB on the 1M-incident benchmark), its tiles compressed on every core
// by RleDeflate.hpp's encoder. Plain: uncompressed, as QGIS and GDAL write by default.
using RasterMetadata = std::vector<std::pair<std::string, std::string>>;
enum class RasterCompression { Deflate, Plain };
Result<bool> write_density_geotiff(const DensityGrid& grid, const std::string& path, std::string_view units,
                                   const RasterMetadata& metadata = {},
                                   RasterCompression compression = RasterCompression::Deflate);

// The same in two steps: the file, its georeferencing and metadata made before the cells are
// known, then the cells. `mirador density` opens it on a thread of its own while the surface is
// computed (the CRS look-up in PROJ's database and the file's creation ran alone otherwise).
// Both steps on the same thread: GDAL's datasets and PROJ's contexts are not shared.
class DensityGeoTiffWriter {
public:
    [[nodiscard]] static Result<DensityGeoTiffWriter> create(const GridSpec& spec, const std::string& path,
                                                             std::string_view units, const RasterMetadata& metadata,
                                                             RasterCompression compression);
    DensityGeoTiffWriter(DensityGeoTiffWriter&&) noexcept;
    DensityGeoTiffWriter& operator=(DensityGeoTiffWriter&&) noexcept;
    ~DensityGeoTiffWriter();
    // Writes the cells (grid.spec must be the one it was created for) and closes the file.
    // `wait_for_rows`, when given, is how the cells are known to be ready while they are still
    // being computed: wait_for_rows(n) returns once more than the n northernmost rows are final,
    // with how many are (DensityEngine::compute's rows_ready); grid.values must already have
    // its size. The file is written north first, as the rows come. When compressing, several
    // threads wait for rows at once, so `wait_for_rows` must be safe to call from any thread.
    [[nodiscard]] Result<bool> write(const DensityGrid& grid, const std::function<int(int)>& wait_for_rows = {});

private:
    struct Impl;
    bool write_tiles(const DensityGrid& grid, const std::function<int(int)>& wait_for_rows, int ready);
    explicit DensityGeoTiffWriter(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> impl_;
};

}  // namespace mirador::geo
