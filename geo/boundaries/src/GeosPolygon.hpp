#pragma once
// Internal: one polygon of a PolygonLayer as a GEOS geometry (the caller owns it).
#include <geos_c.h>

#include "mirador/geo/PolygonLayer.hpp"

namespace mirador::geo {

GEOSGeometry* to_geos_polygon(GEOSContextHandle_t h, const PolygonLayer& layer, std::uint32_t polygon);

}  // namespace mirador::geo
