#pragma once
// TIFF's floating-point predictor (PREDICTOR=3, Adobe's TIFF Technical Note 3) for one row of a
// Float32 tile, as libtiff applies it before compressing: the samples' bytes regrouped most
// significant first (every sample's first byte, then every second byte ...), then each byte less
// the one before it. Smooth surfaces turn into long runs of zero bytes in the high planes.
#include <cstdint>

namespace mirador::geo {

// `row` holds `width` samples; `scratch` and `out` 4 * width bytes each.
void predict_float_row(const float* row, int width, std::uint8_t* scratch, std::uint8_t* out);

}  // namespace mirador::geo
