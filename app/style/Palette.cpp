#include "style/Palette.hpp"

#include <algorithm>
#include <cmath>

namespace mirador {

std::uint32_t pack_rgba(float r, float g, float b, float a) {
    auto q = [](float v) { return static_cast<std::uint32_t>(std::lround(std::clamp(v, 0.0f, 1.0f) * 255.0f)); };
    return q(r) | (q(g) << 8) | (q(b) << 16) | (q(a) << 24);
}

void unpack_rgba(std::uint32_t c, std::uint8_t out[4]) {
    for (int i = 0; i < 4; ++i) out[i] = static_cast<std::uint8_t>((c >> (8 * i)) & 0xFF);
}

namespace {

std::uint32_t hsl(float h, float s, float l) {
    auto f = [&](float n) {
        const float k = std::fmod(n + h * 12.0f, 12.0f);
        const float a = s * std::min(l, 1 - l);
        return l - a * std::max(-1.0f, std::min({k - 3, 9 - k, 1.0f}));
    };
    return pack_rgba(f(0), f(8), f(4));
}

// Golden-ratio steps around the hue circle: states with neighbouring codes (and often
// neighbouring territory) get hues far apart; lightness cycles in three steps on top.
float state_hue(int s) { return std::fmod(0.08f + 0.618034f * static_cast<float>(s), 1.0f); }
float state_lightness(int s) { return (s % 3 == 0) ? 0.80f : (s % 3 == 1 ? 0.74f : 0.77f); }
constexpr float kSaturation = 0.42f;

}  // namespace

std::uint32_t state_fill_color(int state_index) {
    return hsl(state_hue(state_index), kSaturation, state_lightness(state_index));
}

std::vector<std::uint32_t> default_municipality_colors(const geo::Boundaries& b) {
    std::vector<std::uint32_t> out(b.municipalities.feature_count());
    for (std::size_t f = 0; f < out.size(); ++f) {
        const int s = std::max(b.municipality_state[f], 0);
        // A small hash of the municipal code: a +-3 % lightness step.
        unsigned hcode = 0;
        for (char c : b.municipalities.attributes[f].code) hcode = hcode * 31u + static_cast<unsigned char>(c);
        const float l = state_lightness(s) + 0.03f * (static_cast<float>(hcode % 3) - 1.0f);
        out[f] = hsl(state_hue(s), kSaturation, l);
    }
    return out;
}

void category_colors(float out[9][4]) {
    static const float k[9][3] = {
        {0.84f, 0.37f, 0.00f},  // armed clash: vermillion
        {0.80f, 0.47f, 0.65f},  // ambush: reddish purple
        {0.55f, 0.00f, 0.10f},  // massacre: dark red
        {0.00f, 0.45f, 0.70f},  // arrest / capture: blue
        {0.90f, 0.62f, 0.00f},  // attack on civilians: orange
        {0.34f, 0.71f, 0.91f},  // prison escape: sky blue
        {0.40f, 0.20f, 0.60f},  // disappearance: purple
        {0.00f, 0.62f, 0.45f},  // military operation: bluish green
        {0.45f, 0.45f, 0.45f},  // other: grey
    };
    for (int i = 0; i < 9; ++i) {
        for (int c = 0; c < 3; ++c) out[i][c] = k[i][c];
        out[i][3] = 1.0f;
    }
}

}  // namespace mirador
