#pragma once
// `mirador density`: a kernel density surface of the incidents (per km², QGIS's heatmap rule)
// written as a Float32 GeoTIFF in EPSG:6372. The kernel, radius and weight are the document's
// heatmap style, the window its time window: the same as the heatmap in the window.
#include <optional>
#include <string>
#include <utility>

#include "document/MapDocument.hpp"
#include "mirador/geo/Vec2.hpp"

namespace mirador {

struct DensityOptions {
    std::string out;
    double cell_km = 1;
    // In EPSG:6372 metres; none: every placed incident's extent plus the radius.
    std::optional<std::pair<geo::Vec2, geo::Vec2>> extent;
    int threads = 0;  // 0: all cores
    std::string compress = "deflate";  // or "none" (geo::RasterCompression)
};

int run_density_command(const doc::MapDocument& document, const DensityOptions& options);

}  // namespace mirador
