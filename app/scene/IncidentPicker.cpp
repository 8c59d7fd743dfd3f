#include "scene/IncidentPicker.hpp"

namespace mirador {

long IncidentPicker::pick(const MapView& view, double sx, double sy, double radius_px,
                          std::span<const geo::Vec2> display_xy, std::span<const std::uint8_t> visible,
                          const std::function<bool(std::size_t)>& also) const {
    // The view only scales and shifts, so a circle on screen is a circle on the map.
    const geo::Vec2 at = view.screen_to_map(sx, sy);
    const double radius = radius_px * view.metres_per_pixel;
    if (also)
        return grid_.nearest(display_xy, at, radius, [&](std::size_t i) { return visible[i] != 0 && also(i); });
    return grid_.nearest(display_xy, at, radius, [&](std::size_t i) { return visible[i] != 0; });
}

}  // namespace mirador
