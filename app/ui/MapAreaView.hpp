#pragma once
// Views of the map area, the part of the window the panels leave free: fitting an extent into
// it, "reset view", zooming in at a point, and the smooth flights between views. Plain view
// math on UiState (no drawing), shared by the menu, the keys, the search and the map's menu.
#include <functional>

#include "mirador/geo/BBox.hpp"
#include "document/MapDocument.hpp"
#include "mirador/geo/Boundaries.hpp"
#include "ui/UiState.hpp"

namespace mirador {

// The map area's width and height, and its centre in window pixels.
double map_area_width(const UiState& ui);
double map_area_height(const UiState& ui);
geo::Vec2 map_area_centre(const UiState& ui);
// The extent the map area shows, as the document's view in `crs` (what the window saves, what a
// slide captures, and what a snapshot of the project then shows).
doc::View visible_view(const UiState& ui, geo::DisplayCrs crs);

// The view at `metres_per_pixel` with the display point `map` at the centre of the map area
// (not of the window).
MapView view_centred_at(const UiState& ui, geo::Vec2 map, double metres_per_pixel);
// The view that shows `box` inside the map area with a margin (a share of its size).
MapView view_fitting(const UiState& ui, const geo::BBox& box, double margin);
// Whether a display point is on land (in a municipality).
using LandTest = std::function<bool(geo::Vec2)>;
LandTest land_of(const geo::Boundaries& b);  // b.locate() finds a municipality there

// "Reset view": all of ui.home_box in the map area, with the room its shape leaves over kept
// first at the top (up to `top_room` pixels, for the time label) and then at the bottom (for
// the legends). With `is_land`, made smaller (down to half) until the legends and the title
// block where they were last drawn (ui.legends_box, ui.title_box) cover no land.
MapView home_view(const UiState& ui, double top_room, const LandTest& is_land = {});
// How the window shows a document's extent: fitted into the map area, except that an extent of
// about all of Mexico (it and ui.home_box share at least 70 % of their union) is shown as "reset
// view" shows Mexico, clear of the legends and the title block. A project made for a full-screen
// briefing would otherwise have its legends over the Pacific coast (Michoacán, Guerrero) in the
// narrower area the panels leave. Exports and presentations fit the extent as it is.
MapView view_of_extent(const UiState& ui, const geo::BBox& extent, double top_room, const LandTest& is_land = {});
// One level in (half the metres per pixel) at the display point `map`, put at the map area's centre.
MapView zoomed_in_at(const UiState& ui, geo::Vec2 map);

// Smooth flights from the current view (see step_fly in gui/WindowControls.hpp).
void fly_to_view(UiState& ui, const MapView& to);
void fly_to(UiState& ui, const geo::BBox& box);  // frames `box` (display CRS)
void fly_home(UiState& ui, double top_room, const LandTest& is_land = {});
void zoom_here(UiState& ui, geo::Vec2 map);

}  // namespace mirador
