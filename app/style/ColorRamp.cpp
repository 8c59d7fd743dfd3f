#include "style/ColorRamp.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <string>
#include <vector>

#include "style/Palette.hpp"

namespace mirador {

namespace {

// Anchors, evenly spaced from 0 to 1: the ramps' published colours at those stops
// (viridis/inferno/magma at ninths, cividis at quarters; YlOrRd is ColorBrewer's 9-class
// scheme, Cynthia Brewer, Pennsylvania State University).
struct RampDef {
    const char* name;
    std::vector<std::uint32_t> hex;  // 0xRRGGBB
};

const RampDef& def(RampId r) {
    static const RampDef defs[kRampCount] = {
        {"viridis", {0x440154, 0x472D7B, 0x3B528B, 0x2C728E, 0x21908C, 0x27AD81, 0x5DC863, 0xAADC32, 0xFDE725}},
        {"inferno", {0x000004, 0x1B0C42, 0x4B0C6B, 0x781C6D, 0xA52C60, 0xCF4446, 0xED6925, 0xFB9A06, 0xFCFFA4}},
        {"magma", {0x000004, 0x180F3E, 0x451077, 0x721F81, 0x9F2F7F, 0xCD4071, 0xF1605D, 0xFD9567, 0xFCFDBF}},
        {"cividis", {0x00204D, 0x414D6B, 0x7C7B78, 0xBCAF6F, 0xFFEA46}},
        {"ylorrd", {0xFFFFCC, 0xFFEDA0, 0xFED976, 0xFEB24C, 0xFD8D3C, 0xFC4E2A, 0xE31A1C, 0xBD0026, 0x800026}},
    };
    return defs[static_cast<int>(r)];
}

double srgb_to_linear(double c) { return c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4); }
double linear_to_srgb(double c) {
    c = std::clamp(c, 0.0, 1.0);
    return c <= 0.0031308 ? 12.92 * c : 1.055 * std::pow(c, 1.0 / 2.4) - 0.055;
}

// Björn Ottosson's OKLab (2020), from its published matrices.
OkLab linear_to_oklab(double r, double g, double b) {
    const double l = std::cbrt(0.4122214708 * r + 0.5363325363 * g + 0.0514459929 * b);
    const double m = std::cbrt(0.2119034982 * r + 0.6806995451 * g + 0.1073969566 * b);
    const double s = std::cbrt(0.0883024619 * r + 0.2817188376 * g + 0.6299787005 * b);
    return {0.2104542553 * l + 0.7936177850 * m - 0.0040720468 * s,
            1.9779984951 * l - 2.4285922050 * m + 0.4505937099 * s,
            0.0259040371 * l + 0.7827717662 * m - 0.8086757660 * s};
}

void oklab_to_linear(const OkLab& c, double& r, double& g, double& b) {
    const double l = std::pow(c.L + 0.3963377774 * c.a + 0.2158037573 * c.b, 3);
    const double m = std::pow(c.L - 0.1055613458 * c.a - 0.0638541728 * c.b, 3);
    const double s = std::pow(c.L - 0.0894841775 * c.a - 1.2914855480 * c.b, 3);
    r = 4.0767416621 * l - 3.3077115913 * m + 0.2309699292 * s;
    g = -1.2684380046 * l + 2.6097574011 * m - 0.3413193965 * s;
    b = -0.0041960863 * l - 0.7034186147 * m + 1.7076146740 * s;
}

OkLab hex_to_oklab(std::uint32_t hex) {
    return linear_to_oklab(srgb_to_linear(((hex >> 16) & 0xFF) / 255.0), srgb_to_linear(((hex >> 8) & 0xFF) / 255.0),
                           srgb_to_linear((hex & 0xFF) / 255.0));
}

}  // namespace

const char* to_string(RampId r) { return def(r).name; }

std::optional<RampId> parse_ramp(std::string_view text) {
    std::string t(text);
    for (auto& ch : t) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    for (int i = 0; i < kRampCount; ++i)
        if (t == def(static_cast<RampId>(i)).name) return static_cast<RampId>(i);
    return std::nullopt;
}

OkLab srgb_to_oklab(std::uint32_t rgba) {
    std::uint8_t c[4];
    unpack_rgba(rgba, c);
    return linear_to_oklab(srgb_to_linear(c[0] / 255.0), srgb_to_linear(c[1] / 255.0), srgb_to_linear(c[2] / 255.0));
}

RampTable ramp_table(RampId id) {
    const auto& hex = def(id).hex;
    std::vector<OkLab> lab;
    for (auto h : hex) lab.push_back(hex_to_oklab(h));
    // Sampled at equal distances along the OKLab path through the anchors, not at equal
    // parameter steps: anchors are not perceptually equidistant (magma's dark end), and equal
    // arc length is what makes equal value steps look equal.
    std::vector<double> along{0.0};
    for (std::size_t k = 1; k < lab.size(); ++k)
        along.push_back(along.back() + std::sqrt(std::pow(lab[k].L - lab[k - 1].L, 2) + std::pow(lab[k].a - lab[k - 1].a, 2) +
                                                 std::pow(lab[k].b - lab[k - 1].b, 2)));
    RampTable t{};
    std::size_t k = 0;
    for (int i = 0; i < 256; ++i) {
        const double d = along.back() * i / 255.0;
        while (k + 2 < lab.size() && along[k + 1] < d) ++k;
        const double len = along[k + 1] - along[k];
        const double f = len > 0 ? std::clamp((d - along[k]) / len, 0.0, 1.0) : 0.0;
        const OkLab c{lab[k].L + f * (lab[k + 1].L - lab[k].L), lab[k].a + f * (lab[k + 1].a - lab[k].a),
                      lab[k].b + f * (lab[k + 1].b - lab[k].b)};
        double r, g, b;
        oklab_to_linear(c, r, g, b);
        t[static_cast<std::size_t>(i)] =
            pack_rgba(float(linear_to_srgb(r)), float(linear_to_srgb(g)), float(linear_to_srgb(b)), 1.0f);
    }
    return t;
}

}  // namespace mirador
