#include "ui/MapAreaView.hpp"

#include <algorithm>

namespace mirador {

double map_area_width(const UiState& ui) { return std::max(1.0, double(ui.view.width) - ui.area.left - ui.area.right); }

double map_area_height(const UiState& ui) {
    return std::max(1.0, double(ui.view.height) - ui.area.top - ui.area.bottom);
}

geo::Vec2 map_area_centre(const UiState& ui) {
    return {ui.area.left + map_area_width(ui) / 2, ui.area.top + map_area_height(ui) / 2};
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

MapView home_view(const UiState& ui, double top_room) {
    constexpr double margin = 0.02;
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

MapView zoomed_in_at(const UiState& ui, geo::Vec2 map) { return view_centred_at(ui, map, ui.view.metres_per_pixel / 2); }

void fly_to_view(UiState& ui, const MapView& to) {
    ui.fly.active = true;
    ui.fly.t = 0;
    ui.fly.from = ui.view;
    ui.fly.to = to;
}

void fly_to(UiState& ui, const geo::BBox& box) { fly_to_view(ui, view_fitting(ui, box, 0.15)); }
void fly_home(UiState& ui, double top_room) { fly_to_view(ui, home_view(ui, top_room)); }
void zoom_here(UiState& ui, geo::Vec2 map) { fly_to_view(ui, zoomed_in_at(ui, map)); }

}  // namespace mirador
