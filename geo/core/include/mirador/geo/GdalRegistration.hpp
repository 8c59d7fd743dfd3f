#pragma once
// GDAL's drivers are registered once per process, before the first dataset is opened. The
// parts that open datasets with any of GDAL's drivers (boundaries, incidents, tables) call
// this, so it lives in core, below all of them. (density registers the GeoTIFF driver alone.)
namespace mirador::geo {

// Registers GDAL's drivers once; safe to call from anywhere, from any thread.
void ensure_gdal_registered();

}  // namespace mirador::geo
