#pragma once
// One disc drawn for several incidents that share a position (a stack), made on the CPU for
// the current filters and time window; the overlay writes its count on it. Plain data, so the
// scene can build markers without OpenGL headers.
#include <cstdint>

#include "mirador/geo/Vec2.hpp"

namespace mirador {

struct PointMarker {
    geo::Vec2 xy;                 // display CRS
    float fatalities = 0;         // all of its incidents' together (sets the size)
    std::int32_t incident = -1;   // store index: hovering or selecting it highlights the marker
    std::uint8_t category = 0;    // geo::IncidentCategory
    bool hollow = false;          // the position is a stand-in for all of them
    std::uint32_t count = 1;      // incidents in it (screen bins count them all)
};

}  // namespace mirador
