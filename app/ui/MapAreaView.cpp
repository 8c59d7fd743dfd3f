#include "ui/MapAreaView.hpp"

#include <algorithm>

#include "mirador/geo/Projector.hpp"

namespace mirador {

double map_area_width(const UiState& ui) { return std::max(1.0, double(ui.view.width) - ui.area.left - ui.area.right); }

double map_area_height(const UiState& ui) {
    return std::max(1.0, double(ui.view.height) - ui.area.top - ui.area.bottom);
}

geo::Vec2 map_area_centre(const UiState& ui) {
    return {ui.area.left + map_area_width(ui) / 2, ui.area.top + map_area_height(ui) / 2};
}

doc::View visible_view(const UiState& ui, geo::DisplayCrs crs) {
    // In fractional pixels, as view_fitting() fits an extent into the same area: saving what is
    // shown and showing it again gives back the same extent.
    const double w = map_area_width(ui), h = map_area_height(ui);
    geo::Vec2 centre = ui.view.screen_to_map(ui.area.left + w * 0.5, ui.area.top + h * 0.5);
    if (auto proj = geo::lonlat_to_display(crs)) centre = proj->inverse(centre);
    doc::View v;
    v.crs = crs;
    v.extent = doc::Extent{centre.x, centre.y, w * ui.view.metres_per_pixel, h * ui.view.metres_per_pixel};
    return v;
}

MapView view_centred_at(const UiState& ui, geo::Vec2 map, double metres_per_pixel) {
    MapView v = ui.view;
    v.metres_per_pixel = metres_per_pixel;
    const geo::Vec2 c = map_area_centre(ui);
    v.center = {map.x - (c.x - v.width * 0.5) * metres_per_pixel, map.y + (c.y - v.height * 0.5) * metres_per_pixel};
    return v;
}

MapView view_fitting(const UiState& ui, const geo::BBox& box, double margin) {
    // In fractional pixels, as the window saves what it shows (ViewerApp's visible_view): saving
    // a view and showing it again gives back the same extent.
    const double w = map_area_width(ui), h = map_area_height(ui);
    double mpp = std::max(box.width() / (w * (1 - 2 * margin)), box.height() / (h * (1 - 2 * margin)));
    if (!(mpp > 0)) mpp = 1;
    return view_centred_at(ui, box.center(), mpp);
}

namespace {

// The home view; with `bottom_room`, in the map area less that many pixels at the bottom and
// `top_room` at the top.
MapView home_view_above(const UiState& ui, double top_room, double bottom_room) {
    constexpr double margin = 0.02;
    if (bottom_room > 0) {
        UiState between;
        between.view = ui.view;
        between.area = ui.area;
        between.area.top += static_cast<float>(top_room);
        between.area.bottom += static_cast<float>(bottom_room);
        return view_fitting(between, ui.home_box, margin);
    }
    MapView v = view_fitting(ui, ui.home_box, margin);
    // Where the map area is taller than Mexico's shape, the room left over goes first above it,
    // as much as the time label takes (top left), and the rest below, where the legends are:
    // rather than half above and half below, so that label and legends cover sea, not land.
    const double h = map_area_height(ui);
    const double spare = h * (1 - 2 * margin) - ui.home_box.height() / v.metres_per_pixel;
    if (spare > 0) {
        const double top = margin * h + std::min(spare, std::max(0.0, top_room - margin * h));
        const double up = margin * h + spare / 2 - top;  // pixels the shape moves up from the centred fit
        v.center.y -= up * v.metres_per_pixel;
    }
    return v;
}

// Land under the box (pixels) in view v, looked for every few pixels.
bool covers_land(const MapView& v, const geo::BBox& box, const LandTest& is_land) {
    constexpr double step = 4;
    for (double y = box.min_y; y <= box.max_y; y += step)
        for (double x = box.min_x; x <= box.max_x; x += step)
            if (is_land(v.screen_to_map(x, y))) return true;
    return false;
}

// The legends or the title block over land in view v.
bool furniture_covers_land(const UiState& ui, const MapView& v, const LandTest& is_land) {
    return (!ui.legends_box.empty() && covers_land(v, ui.legends_box, is_land)) ||
           (!ui.title_box.empty() && covers_land(v, ui.title_box, is_land));
}

}  // namespace

MapView home_view(const UiState& ui, double top_room, const LandTest& is_land) {
    // A title block at the top of the map area takes the room above Mexico that the time label
    // would have (in a wide area Mexico's top-left, Baja California, is right under it).
    if (!ui.title_box.empty() && ui.title_box.min_y < ui.area.top + map_area_height(ui) / 3)
        top_room = std::max(top_room, ui.title_box.max_y - ui.area.top + 4);
    const MapView whole = home_view_above(ui, top_room, 0);
    if (!is_land || !furniture_covers_land(ui, whole, is_land)) return whole;
    // Mexico above the legends, as large as it can be: in a short map area (a small window with
    // both sidebars open) the legends' corner would cover the Pacific coast. No smaller than
    // half: past that the legends win. Found in steps of a twentieth of the area's height, then
    // to the pixel by halving the last step.
    const auto clear = [&](double room, MapView& v) {
        v = home_view_above(ui, top_room, room);
        return v.metres_per_pixel <= 2 * whole.metres_per_pixel && !furniture_covers_land(ui, v, is_land);
    };
    const double h = map_area_height(ui), step = std::max(1.0, h / 20);
    MapView v, found;
    for (double room = step; room < h; room += step) {
        if (v = home_view_above(ui, top_room, room); v.metres_per_pixel > 2 * whole.metres_per_pixel) break;
        if (!clear(room, found)) continue;
        double covered = room - step, free = room;  // land under the legends at `covered`, none at `free`
        while (free - covered > 1) {
            const double mid = (covered + free) / 2;
            if (clear(mid, v)) free = mid, found = v;
            else covered = mid;
        }
        return found;
    }
    return whole;
}

MapView view_of_extent(const UiState& ui, const geo::BBox& extent, double top_room, const LandTest& is_land) {
    const geo::BBox& home = ui.home_box;
    const double ix = std::min(extent.max_x, home.max_x) - std::max(extent.min_x, home.min_x);
    const double iy = std::min(extent.max_y, home.max_y) - std::max(extent.min_y, home.min_y);
    const double shared = ix > 0 && iy > 0 ? ix * iy : 0;
    const double together = extent.width() * extent.height() + home.width() * home.height() - shared;
    if (!home.empty() && together > 0 && shared >= 0.7 * together) return home_view(ui, top_room, is_land);
    return view_fitting(ui, extent, 0.0);
}

LandTest land_of(const geo::Boundaries& b) {
    return [&b](geo::Vec2 p) { return b.locate(p) >= 0; };
}

MapView zoomed_in_at(const UiState& ui, geo::Vec2 map) { return view_centred_at(ui, map, ui.view.metres_per_pixel / 2); }

void fly_to_view(UiState& ui, const MapView& to) {
    ui.fly.active = true;
    ui.fly.t = 0;
    ui.fly.from = ui.view;
    ui.fly.to = to;
}

void fly_to(UiState& ui, const geo::BBox& box) { fly_to_view(ui, view_fitting(ui, box, 0.15)); }
void fly_home(UiState& ui, double top_room, const LandTest& is_land) { fly_to_view(ui, home_view(ui, top_room, is_land)); }
void zoom_here(UiState& ui, geo::Vec2 map) { fly_to_view(ui, zoomed_in_at(ui, map)); }

}  // namespace mirador
