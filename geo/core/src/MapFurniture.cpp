#include "mirador/geo/MapFurniture.hpp"

#include <geodesic.h>
#include <proj.h>

#include <cmath>
#include <cstdio>

namespace mirador::geo {

double round_scale_length(double limit) {
    if (!(limit > 0) || !std::isfinite(limit)) return 0;
    const double decade = std::pow(10.0, std::floor(std::log10(limit)));
    for (double step : {5.0, 2.0, 1.0})
        if (step * decade <= limit * (1 + 1e-12)) return step * decade;
    return decade / 2;  // log10 rounding put the decade a hair above the limit
}

std::string scale_label(double km) {
    char buf[48];
    if (km >= 1) std::snprintf(buf, sizeof buf, "%.0f km", km);
    else std::snprintf(buf, sizeof buf, "%.0f m", km * 1000);
    return buf;
}

struct MapFurnitureGeometry::Impl {
    Projector to_display;
    PJ_CONTEXT* ctx = nullptr;
    PJ* crs = nullptr;         // the display CRS
    PJ* projection = nullptr;  // its map projection alone (radians in, metres out), for proj_factors
    geod_geodesic ellipsoid{};
    explicit Impl(Projector p) : to_display(std::move(p)) {}
    ~Impl() {
        if (projection) proj_destroy(projection);
        if (crs) proj_destroy(crs);
        if (ctx) proj_context_destroy(ctx);
    }
};

MapFurnitureGeometry::MapFurnitureGeometry(DisplayCrs crs, std::unique_ptr<Impl> impl) : crs_(crs), impl_(std::move(impl)) {}
MapFurnitureGeometry::MapFurnitureGeometry(MapFurnitureGeometry&&) noexcept = default;
MapFurnitureGeometry& MapFurnitureGeometry::operator=(MapFurnitureGeometry&&) noexcept = default;
MapFurnitureGeometry::~MapFurnitureGeometry() = default;

Result<MapFurnitureGeometry> MapFurnitureGeometry::create(DisplayCrs crs) {
    auto projector = lonlat_to_display(crs);
    if (!projector) return make_error(projector.error());
    auto impl = std::unique_ptr<Impl>(new Impl(std::move(projector.value())));
    const std::string name = crs_definition(crs);
    impl->ctx = proj_context_create();
    impl->crs = proj_create(impl->ctx, name.c_str());
    if (!impl->crs) return make_error("cannot create " + name + ": " + proj_context_errno_string(impl->ctx, proj_context_errno(impl->ctx)));
    // Geodesics on the CRS's own ellipsoid (GRS80 for EPSG:6372, WGS84 for EPSG:3857).
    PJ* ellipsoid = proj_get_ellipsoid(impl->ctx, impl->crs);
    double a = 0, b = 0, inverse_flattening = 0;
    int computed = 0;
    const bool got = ellipsoid && proj_ellipsoid_get_parameters(impl->ctx, ellipsoid, &a, &b, &computed, &inverse_flattening);
    if (ellipsoid) proj_destroy(ellipsoid);
    if (!got || !(a > 0)) return make_error("cannot read the ellipsoid of " + name);
    geod_init(&impl->ellipsoid, a, inverse_flattening > 0 ? 1 / inverse_flattening : 0);
    // proj_factors wants the bare projection: in PROJ 9.1, given the CRS (or its conversion,
    // a pipeline with unit and axis steps) it misreads the input (-124 deg of convergence and
    // "outside of projection domain" at Tijuana). The CRS's PROJ string, less "+type=crs", is
    // that projection ("+proj=lcc +lat_0=12 +lon_0=-102 ... +ellps=GRS80").
    const char* proj_string = proj_as_proj_string(impl->ctx, impl->crs, PJ_PROJ_4, nullptr);
    std::string operation = proj_string ? proj_string : "";
    if (const auto at = operation.find(" +type=crs"); at != std::string::npos) operation.erase(at);
    impl->projection = operation.empty() ? nullptr : proj_create(impl->ctx, operation.c_str());
    if (!impl->projection) return make_error("cannot read the map projection of " + name);
    return MapFurnitureGeometry(crs, std::move(impl));
}

double MapFurnitureGeometry::ground_km(Vec2 centre, double metres_per_pixel, double pixels) const {
    const double half = pixels * metres_per_pixel / 2;
    const Vec2 west = impl_->to_display.inverse(Vec2{centre.x - half, centre.y});
    const Vec2 east = impl_->to_display.inverse(Vec2{centre.x + half, centre.y});
    if (!std::isfinite(west.x + west.y + east.x + east.y)) return std::nan("");
    double metres = 0;
    geod_inverse(&impl_->ellipsoid, west.y, west.x, east.y, east.x, &metres, nullptr, nullptr);
    return metres / 1000;
}

Result<ScaleBar> MapFurnitureGeometry::scale_bar(Vec2 centre, double metres_per_pixel, double max_pixels) const {
    if (!(metres_per_pixel > 0) || !(max_pixels > 0)) return make_error("a scale bar needs a positive scale and width");
    // Measure the widest bar allowed, pick the round length below it, then measure the bar at
    // its own length once more: the scale changes along a long run (Mercator away from the
    // equator, the conic across its parallels), so a proportion alone would be a little off.
    const double km = ground_km(centre, metres_per_pixel, max_pixels);
    if (!std::isfinite(km) || !(km > 0))
        return make_error("the map's centre cannot be measured in " + crs_definition(crs_) +
                          " (not a finite point of the projection): no scale bar");
    ScaleBar bar;
    bar.km = round_scale_length(km);
    bar.pixels = bar.km / km * max_pixels;
    const double measured = ground_km(centre, metres_per_pixel, bar.pixels);
    if (std::isfinite(measured) && measured > 0) bar.pixels *= bar.km / measured;
    bar.label = scale_label(bar.km);
    return bar;
}

double MapFurnitureGeometry::north_angle_deg(Vec2 centre) const {
    const Vec2 lonlat = impl_->to_display.inverse(centre);
    if (!std::isfinite(lonlat.x + lonlat.y)) return std::nan("");
    PJ_COORD c = proj_coord(proj_torad(lonlat.x), proj_torad(lonlat.y), 0, 0);
    const PJ_FACTORS f = proj_factors(impl_->projection, c);
    if (proj_errno(impl_->projection)) {
        proj_errno_reset(impl_->projection);
        return std::nan("");
    }
    // PROJ's convergence is the angle from grid north to true north counted the other way
    // (conv = -atan2(dx/dphi, dy/dphi)).
    return -proj_todeg(f.meridian_convergence);
}

}  // namespace mirador::geo
