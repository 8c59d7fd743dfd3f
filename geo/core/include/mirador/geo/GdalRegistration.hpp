#pragma once
// GDAL's drivers are registered once per process, before the first dataset is opened. The
// parts that open datasets with any of GDAL's drivers (boundaries, incidents, tables) call
// this, so it lives in core, below all of them. (density registers the GeoTIFF driver alone.)
namespace mirador::geo {

// Registers GDAL's drivers once; safe to call from anywhere, from any thread.
void ensure_gdal_registered();

// Registers the shapefile driver alone, once: well under a millisecond where all drivers take
// 10-30 ms, a tenth of a quick command such as `mirador hotspots`. A later
// ensure_gdal_registered() still registers the rest.
void ensure_shapefile_driver_registered();

}  // namespace mirador::geo
