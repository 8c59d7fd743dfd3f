#pragma once
// The sizes File > Export offers: the window's own size, screen sizes (1080p, 4K, 8K), paper
// (A4, A3, US Letter at 150 or 300 dpi, either way round) and a custom width x height at a DPI.
// Pure arithmetic, kept apart from the dialog so that it is tested on its own.
#include <string>

#include "mirador/geo/Result.hpp"

namespace mirador {

enum class ExportPreset { Window, Hd1080, Uhd4K, Uhd8K, A4, A3, Letter, Custom };
inline constexpr int kExportPresetCount = 8;

enum class PaperOrientation { Landscape, Portrait };

// What the analyst picked in the dialog.
struct ExportChoice {
    ExportPreset preset = ExportPreset::Window;
    PaperOrientation orientation = PaperOrientation::Landscape;  // paper only
    int paper_dpi = 300;                                         // paper only: 150 or 300
    int custom_width = 1920, custom_height = 1080;
    double custom_dpi = 0;                                       // 0: none stored
    int window_width = 0, window_height = 0;                     // the map area, pixels
};

// The image to make. dpi 0: none stored in the file (screen sizes).
struct ExportSize {
    int width = 0, height = 0;
    double dpi = 0;
    bool operator==(const ExportSize&) const = default;
};

const char* to_string(ExportPreset preset);  // "A4", "4K (3840 x 2160)" ...
bool is_paper(ExportPreset preset);

// The size of a choice: a sheet's millimetres times the DPI, rounded to the nearest pixel
// (A4 at 300 dpi: 3508 x 2480 landscape). Not checked against any limit.
ExportSize export_size(const ExportChoice& choice);

// The choice that makes `size`: the screen preset of that size (1080p for 1920 x 1080), else a
// custom size. The animation and slides dialogs start from the command line's default size so
// that, left as they are, they make the same files as `mirador animate` and `export-slides`.
ExportChoice choice_for_size(const ExportSize& size);

// A size that cannot be made, said with the limit it breaks: a side under 1 pixel or over
// `max_side` (the largest export), a DPI below zero or beyond 10000.
[[nodiscard]] geo::Result<ExportSize> checked_export_size(const ExportChoice& choice, int max_side);

// "3508 x 2480 px, 300 dpi" (no dpi part when none is stored).
std::string describe(const ExportSize& size);

}  // namespace mirador
