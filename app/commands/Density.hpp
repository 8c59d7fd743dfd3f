#pragma once
// `mirador density`: a kernel density surface of the incidents (per km², QGIS's heatmap rule)
// written as a Float32 GeoTIFF in EPSG:6372.
#include <string>

#include "cli/DataOptions.hpp"
#include "commands/IncidentInput.hpp"

namespace mirador {

struct DensityOptions {
    IncidentInput incidents;
    std::string out;
    double cell_km = 1, radius_km = 25;
    std::string kernel = "quartic", weight = "count";
    std::string from, to;
    std::string extent;  // "xmin,ymin,xmax,ymax" in EPSG:6372 metres; empty: the points' + radius
    int threads = 0;     // 0: all cores
};

int run_density_command(const DataOptions& data, const DensityOptions& options);

}  // namespace mirador
