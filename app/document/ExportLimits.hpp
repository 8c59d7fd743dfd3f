#pragma once
// The ranges of the export commands' flags (snapshot, export-slides, animate), beside Limits.hpp's.
#include "document/Limits.hpp"

namespace mirador::limits {

// An exported image's side: beyond the GPU's framebuffer the map is rendered in tiles, up to
// kMaxExportSide (export/TilePlan.hpp), far past any print.
inline constexpr NumberRange kExportSide{16, 32768, "pixels", true};
// The largest tile rendered at once (a hidden flag: tests force small tiles).
inline constexpr NumberRange kTileSide{64, 16384, "pixels", true};
// Animations: frames per second, and how many times the last frame is repeated.
inline constexpr NumberRange kFps{0.1, 60, "frames per second"};
inline constexpr NumberRange kHoldFrames{0, 1000, "frames", true};

}  // namespace mirador::limits
