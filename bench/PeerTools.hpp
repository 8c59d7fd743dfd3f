#pragma once
// Running the peer tools (QGIS, ogr2ogr) and Mirador itself as processes of their own, and
// reading what QGIS writes: shared by bench_density and bench_process.
#include <ogr_core.h>

#include <functional>
#include <string>
#include <vector>

#include "mirador/geo/DensityGrid.hpp"

class OGRFeature;

namespace mirador::bench {

struct ProcessRun {
    double wall_s = 0, cpu_s = 0;  // the child's own (wait4): user + system
    long peak_rss_mb = 0;          // at least the spawning process's RSS (kept across exec)
};

// Runs argv (PATH searched) with stdout and stderr into `log`; exits with the log shown unless
// the child exits 0.
ProcessRun run_process(const std::vector<std::string>& argv, const std::string& log);

// A new GeoPackage at `path` with a point layer "pts" in EPSG:6372 (points in metres), for the
// peer tools; `fill(feature, i)` sets point i's `fields`.
struct PointField {
    const char* name;
    OGRFieldType type;
};
void write_points_gpkg(const std::string& path, const std::vector<geo::Vec2>& xy, const std::vector<PointField>& fields = {},
                       const std::function<void(OGRFeature&, std::size_t)>& fill = {});

// QGIS 3.22's kernel density (qgis:heatmapkerneldensityestimation), quartic, raw values
// (Σ (1 - d²/r²)² over the points): the command line, run with QT_QPA_PLATFORM=offscreen
// (set by run_process's caller). `input` may name a layer: "file.gpkg|layername=pts".
std::vector<std::string> qgis_kde_args(const std::string& input, double radius_m, double cell_m, const std::string& tif);

// A north-up one-band GeoTIFF as a DensityGrid (row 0 south); nodata cells (QGIS's, where no
// point reaches) read as 0.
geo::DensityGrid read_density_raster(const std::string& path);

// Mirador's surface (per km²) against QGIS's raw quartic output on the same grid: QGIS raw =
// density x πr²/3 (r in km).
struct QgisComparison {
    double peak = 0;          // max of QGIS
    double max_diff = 0;      // max|ours - QGIS| / peak
    double relative_l1 = 0;   // Σ|ours - QGIS| / Σ QGIS
    double worst_cell = 0;    // max |ours - QGIS| / QGIS where QGIS > 1 % of its peak
};
QgisComparison compare_to_qgis_raw(const geo::DensityGrid& ours, const geo::DensityGrid& qgis, double radius_km);

}  // namespace mirador::bench
