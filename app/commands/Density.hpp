#pragma once
// `mirador density`: a kernel density surface of the incidents (per km², QGIS's heatmap rule)
// written as a Float32 GeoTIFF in EPSG:6372.
#include <optional>
#include <string>

#include "cli/DataOptions.hpp"
#include "mirador/geo/DensityKernel.hpp"
#include "mirador/geo/DensityPoints.hpp"
#include "mirador/geo/IncidentSource.hpp"
#include "mirador/geo/TimeWindow.hpp"
#include "mirador/geo/Vec2.hpp"

namespace mirador {

struct DensityOptions {
    geo::IncidentSource incidents;
    std::string out;
    double cell_km = 1;
    geo::KernelSpec kernel;
    geo::DensityWeight weight = geo::DensityWeight::Count;
    std::optional<geo::DayRange> window;  // none: all time
    // In EPSG:6372 metres; none: every placed incident's extent plus the radius.
    std::optional<std::pair<geo::Vec2, geo::Vec2>> extent;
    int threads = 0;  // 0: all cores
};

int run_density_command(const DataOptions& data, const DensityOptions& options);

}  // namespace mirador
