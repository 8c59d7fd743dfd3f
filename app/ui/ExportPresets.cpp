#include "ui/ExportPresets.hpp"

#include <cmath>
#include <cstdio>
#include <utility>

namespace mirador {

namespace {

// ISO 216 (A4, A3) and ANSI (Letter), millimetres, short side first.
struct Sheet {
    double short_mm, long_mm;
};
constexpr Sheet kA4{210, 297}, kA3{297, 420}, kLetter{8.5 * 25.4, 11 * 25.4};

int pixels(double mm, int dpi) { return static_cast<int>(std::lround(mm / 25.4 * dpi)); }

ExportSize paper(const Sheet& s, PaperOrientation o, int dpi) {
    const int a = pixels(s.long_mm, dpi), b = pixels(s.short_mm, dpi);
    return o == PaperOrientation::Landscape ? ExportSize{a, b, double(dpi)} : ExportSize{b, a, double(dpi)};
}

}  // namespace

const char* to_string(ExportPreset p) {
    switch (p) {
        case ExportPreset::Window: return "The window's map";
        case ExportPreset::Hd1080: return "1080p (1920 x 1080)";
        case ExportPreset::Uhd4K: return "4K (3840 x 2160)";
        case ExportPreset::Uhd8K: return "8K (7680 x 4320)";
        case ExportPreset::A4: return "A4 (210 x 297 mm)";
        case ExportPreset::A3: return "A3 (297 x 420 mm)";
        case ExportPreset::Letter: return "Letter (8.5 x 11 in)";
        case ExportPreset::Custom: return "Custom";
    }
    return "?";
}

bool is_paper(ExportPreset p) { return p == ExportPreset::A4 || p == ExportPreset::A3 || p == ExportPreset::Letter; }

ExportSize export_size(const ExportChoice& c) {
    switch (c.preset) {
        case ExportPreset::Window: return {c.window_width, c.window_height, 0};
        case ExportPreset::Hd1080: return {1920, 1080, 0};
        case ExportPreset::Uhd4K: return {3840, 2160, 0};
        case ExportPreset::Uhd8K: return {7680, 4320, 0};
        case ExportPreset::A4: return paper(kA4, c.orientation, c.paper_dpi);
        case ExportPreset::A3: return paper(kA3, c.orientation, c.paper_dpi);
        case ExportPreset::Letter: return paper(kLetter, c.orientation, c.paper_dpi);
        case ExportPreset::Custom: return {c.custom_width, c.custom_height, c.custom_dpi};
    }
    return {};
}

ExportChoice choice_for_size(const ExportSize& size) {
    ExportChoice c;
    for (const ExportPreset p : {ExportPreset::Hd1080, ExportPreset::Uhd4K, ExportPreset::Uhd8K}) {
        c.preset = p;
        if (export_size(c) == size) return c;
    }
    c.preset = ExportPreset::Custom;
    c.custom_width = size.width;
    c.custom_height = size.height;
    c.custom_dpi = size.dpi;
    return c;
}

geo::Result<ExportSize> checked_export_size(const ExportChoice& c, int max_side) {
    const ExportSize s = export_size(c);
    char why[160];
    if (s.width < 1 || s.height < 1 || s.width > max_side || s.height > max_side) {
        std::snprintf(why, sizeof why, "%d x %d pixels cannot be exported: each side must be 1 to %d pixels", s.width,
                      s.height, max_side);
        return geo::make_error(why);
    }
    if (!(s.dpi >= 0 && s.dpi <= 10000)) {
        std::snprintf(why, sizeof why, "%g dpi cannot be stored: the resolution must be 0 (none) to 10000 dpi", s.dpi);
        return geo::make_error(why);
    }
    return s;
}

std::string describe(const ExportSize& s) {
    char text[64];
    if (s.dpi > 0) std::snprintf(text, sizeof text, "%d x %d px, %g dpi", s.width, s.height, s.dpi);
    else std::snprintf(text, sizeof text, "%d x %d px", s.width, s.height);
    return text;
}

}  // namespace mirador
