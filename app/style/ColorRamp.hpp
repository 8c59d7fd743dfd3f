#pragma once
// Colour ramps for continuous surfaces (the heatmap). The perceptually uniform ramps
// (viridis, inferno, magma, cividis) and ColorBrewer's sequential YlOrRd are given by a few
// published anchor colours and interpolated in OKLab, a perceptual colour space, so equal
// steps in value read as equal steps in colour; the table is 256 entries, enough that no
// band is visible on screen.
#include <array>
#include <cstdint>
#include <optional>
#include <string_view>

#include "document/RampId.hpp"

namespace mirador {

const char* to_string(RampId r);  // "viridis", ...
std::optional<RampId> parse_ramp(std::string_view text);

using RampTable = std::array<std::uint32_t, 256>;  // RGBA8 packed as in Palette.hpp (R in the low byte)
RampTable ramp_table(RampId r);

struct OkLab {
    double L, a, b;
};
OkLab srgb_to_oklab(std::uint32_t rgba);

}  // namespace mirador
