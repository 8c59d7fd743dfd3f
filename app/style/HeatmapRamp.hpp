#pragma once
// The ramp as the heatmap draws it: the colours of ramp_table(), their alpha rising from 0 over
// the lowest share of the scale. Opaque low colours (inferno's and magma's near-black, viridis'
// dark purple) would ring a lone hot spot with a dark rim on a light basemap; faded in, the
// surface's edge melts into the map. The GPU's table and the legend's bar are this one table,
// so the legend shows the fade the map has.
#include "style/ColorRamp.hpp"

namespace mirador {

// The share of the scale (0..1, from its bottom) over which the alpha rises, smoothly.
inline constexpr double kHeatmapFadeIn = 0.2;

RampTable heatmap_ramp_table(RampId r);

}  // namespace mirador
