#include "style/HeatmapRamp.hpp"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>

namespace mirador {

RampTable heatmap_ramp_table(RampId r) {
    RampTable t = ramp_table(r);
    for (std::size_t i = 0; i < t.size(); ++i) {
        // Smoothstep: no visible step where the fade ends, and the alpha starts flat at 0.
        const double x = std::min(1.0, double(i) / double(t.size() - 1) / kHeatmapFadeIn);
        const double alpha = x * x * (3 - 2 * x);
        // Packed as in Palette.hpp: alpha is the high byte.
        const auto a = static_cast<std::uint32_t>(std::lround(alpha * double(t[i] >> 24)));
        t[i] = (t[i] & 0x00FFFFFFu) | a << 24;
    }
    return t;
}

}  // namespace mirador
