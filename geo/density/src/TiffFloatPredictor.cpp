#include "mirador/geo/TiffFloatPredictor.hpp"

#include <cstring>

namespace mirador::geo {

// Two plain loops rather than libtiff's one pass: the compiler vectorises both.
void predict_float_row(const float* row, int width, std::uint8_t* scratch, std::uint8_t* out) {
    for (int c = 0; c < width; ++c) {
        std::uint32_t bits;
        std::memcpy(&bits, row + c, sizeof bits);
        scratch[c] = static_cast<std::uint8_t>(bits >> 24);
        scratch[width + c] = static_cast<std::uint8_t>(bits >> 16);
        scratch[2 * width + c] = static_cast<std::uint8_t>(bits >> 8);
        scratch[3 * width + c] = static_cast<std::uint8_t>(bits);
    }
    const int bytes = 4 * width;
    if (bytes > 0) out[0] = scratch[0];
    for (int i = 1; i < bytes; ++i) out[i] = static_cast<std::uint8_t>(scratch[i] - scratch[i - 1]);
}

}  // namespace mirador::geo
