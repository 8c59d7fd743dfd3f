#pragma once
// Which incident is under the cursor. A grid over the incidents' map positions, built once when
// the layer loads, replaces a scan of every visible incident on every mouse move (fine at ten
// thousand incidents, not at millions).
#include <cstdint>
#include <functional>
#include <span>

#include "mirador/geo/PointGrid.hpp"
#include "render/MapView.hpp"

namespace mirador {

class IncidentPicker {
public:
    IncidentPicker() = default;
    // `display_xy`: the incidents' positions in the display CRS (NaN: not placed).
    explicit IncidentPicker(std::span<const geo::Vec2> display_xy) : grid_(display_xy) {}

    // How many incidents it was built for.
    std::size_t size() const { return grid_.size(); }

    // The incident nearest to screen point (sx, sy) within `radius_px` screen pixels that is
    // visible (visible[i] != 0) and, when `also` is given, passes it too (a time window, say);
    // of incidents equally near, the lower index; -1 when there is none. `display_xy` is what
    // the picker was built from.
    long pick(const MapView& view, double sx, double sy, double radius_px, std::span<const geo::Vec2> display_xy,
              std::span<const std::uint8_t> visible, const std::function<bool(std::size_t)>& also = {}) const;

private:
    geo::PointGrid grid_;
};

}  // namespace mirador
