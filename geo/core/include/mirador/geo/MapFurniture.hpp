#pragma once
// The geometry behind two pieces of map furniture, measured on the ellipsoid at the map's centre:
//
//   - the scale bar: how many km a run of pixels covers there, and the round length (1, 2 or
//     5 x 10^n km) that fits a width in pixels. Neither display CRS keeps distances: EPSG:6372's
//     scale is off by up to ~1 % across Mexico, Web Mercator's by 1/cos(latitude) (9 % at
//     Culiacán), so "pixels x metres per pixel" is wrong and the length is measured as a
//     geodesic (PROJ's geodesic.h, Karney's algorithm) between the run's two ends.
//   - the north arrow: the direction of true north there. EPSG:6372 is a Lambert conic centred
//     on -102 deg; away from that meridian the meridians lean (6 deg right of up at Tijuana, 6
//     left at Cancún), so north is not straight up. The angle is PROJ's meridian convergence
//     (proj_factors), which knows each projection's own formula.
//
// Pure geometry: no drawing. The map's centre and its metres per pixel are display-CRS values, as
// the renderer's view holds them.
#include <memory>
#include <string>

#include "mirador/geo/Projector.hpp"
#include "mirador/geo/Result.hpp"
#include "mirador/geo/Vec2.hpp"

namespace mirador::geo {

struct ScaleBar {
    double km = 0;      // the round length shown: 1, 2 or 5 x 10^n km
    double pixels = 0;  // its length on the map at the centre
    std::string label;  // "200 km", "500 m"
};

// The largest 1, 2 or 5 x 10^n not above `limit` (> 0); 0 for a limit <= 0 or not finite.
double round_scale_length(double limit);
// "200 km", "1 km", "500 m", "50 m": metres below one km, no decimals.
std::string scale_label(double km);

class MapFurnitureGeometry {
public:
    [[nodiscard]] static Result<MapFurnitureGeometry> create(DisplayCrs crs);

    MapFurnitureGeometry(MapFurnitureGeometry&&) noexcept;
    MapFurnitureGeometry& operator=(MapFurnitureGeometry&&) noexcept;
    ~MapFurnitureGeometry();

    DisplayCrs crs() const { return crs_; }

    // Ground length in km of a horizontal run of `pixels` centred on `centre` (display CRS) at
    // `metres_per_pixel`: the geodesic between its two ends. NaN where an end cannot be
    // unprojected (a centre that is not finite or not on the projection).
    double ground_km(Vec2 centre, double metres_per_pixel, double pixels) const;

    // The round length that fits in `max_pixels` at `centre`, and its length in pixels there.
    // Error when the centre cannot be measured (not finite, not on the projection).
    [[nodiscard]] Result<ScaleBar> scale_bar(Vec2 centre, double metres_per_pixel, double max_pixels) const;

    // True north at `centre`, in degrees clockwise from the map's up (+y): positive where north
    // leans right. NaN where the centre cannot be unprojected.
    double north_angle_deg(Vec2 centre) const;

private:
    struct Impl;
    MapFurnitureGeometry(DisplayCrs crs, std::unique_ptr<Impl> impl);
    DisplayCrs crs_;
    std::unique_ptr<Impl> impl_;
};

}  // namespace mirador::geo
