#pragma once
// The map's right-click menu: copy the point's coordinates, zoom in there, select the
// municipality under it. Drawn by draw_map_menu (ui/Panels.hpp); zooming is zoom_here
// (ui/MapAreaView.hpp); the coordinates' text is here.
#include <string>

#include "mirador/geo/Vec2.hpp"

namespace mirador {

// "24.80881, -107.39376": latitude, longitude in degrees (5 decimals, about a metre), the order
// and form a map site's search box or a GPS takes.
std::string coordinates_text(geo::Vec2 lonlat);

}  // namespace mirador
