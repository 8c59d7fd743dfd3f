#pragma once
// EPSG:6372 (Mexico ITRF2008 / LCC: Lambert conformal conic, 2 standard parallels 17.5 N and
// 29.5 N, origin 12 N 102 W, false easting 2,500,000 m, GRS80) from longitude/latitude in closed
// form (Snyder, Map Projections: A Working Manual, 1987, eq. 15-1 to 15-9).
//
// Why our own and not PROJ: `mirador density` projects every incident, and PROJ's per-point
// call and its per-thread set-up (the database lookup of the CRS pair) took 0.45 s of a 1M-point
// run; the same formulas inline take a fraction of it. WGS84 and ITRF2008 lon/lat are taken as
// the same (PROJ does the same between EPSG:4326 and EPSG:6372: no datum shift). tests/
// test_projection.cpp holds it to PROJ within 1 mm over Mexico and beyond.
#include "mirador/geo/Vec2.hpp"

namespace mirador::geo {

class MexicoLambert {
public:
    MexicoLambert();
    // Degrees in, metres out; the pole the cone's apex cannot reach (90 S) gives non-finite values.
    Vec2 forward(double lon, double lat) const;

private:
    double e_ = 0;      // first eccentricity
    double n_ = 0;      // cone constant
    double a_f_ = 0;    // a * F
    double rho0_ = 0;   // radius at the origin's latitude
};

}  // namespace mirador::geo
