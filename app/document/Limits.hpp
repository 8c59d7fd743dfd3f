#pragma once
// The valid range of every number a user can set, in one place: the command line's flags check
// against these, and the window's controls clamp typed values to them (a slider may show a
// narrower span for comfort; typing accepts the full range). A value outside is refused with a
// message that quotes the range, never silently clamped on the command line.
namespace mirador::limits {

struct NumberRange {
    double lo, hi;
    const char* unit;  // for messages: "km", "pixels", "" for plain numbers
    bool integer = false;
};

// Image and window sizes. GL's renderbuffer limit (16384 on llvmpipe) caps a single frame.
inline constexpr NumberRange kImageSide{16, 16384, "pixels", true};
inline constexpr NumberRange kWindowSide{200, 16384, "pixels", true};
// The resolution an exported image declares (PNG pHYs, JPEG JFIF, TIFF tags): from a coarse
// screen to well past any printer; it changes no pixel.
inline constexpr NumberRange kDpi{1, 9600, "dots per inch"};
// Scripted viewer runs; 0 runs until the window is closed.
inline constexpr NumberRange kFrames{0, 1e9, "frames", true};
inline constexpr NumberRange kAutosaveSeconds{0.01, 86400, "seconds"};

// Heatmap and density. Below 0.1 km a kernel is smaller than the positional error of any
// incident catalogue; above 2000 km it spans all of Mexico.
inline constexpr NumberRange kRadiusKm{0.1, 2000, "km"};
inline constexpr NumberRange kCellKm{0.01, 1000, "km"};
inline constexpr NumberRange kOpacity{0, 1, ""};
inline constexpr NumberRange kThreshold{0, 1, "of the scale"};
inline constexpr NumberRange kDensityPerKm2{0, 1e12, "per km²"};
inline constexpr NumberRange kThreads{0, 256, "threads", true};

// Hot spots: conditional permutations (0: analytic p only), significance levels, the periods
// back in time that count as neighbours in an emerging hot spot cube.
inline constexpr NumberRange kPermutations{0, 99999, "permutations", true};
inline constexpr NumberRange kSignificance{1e-9, 0.5, ""};
inline constexpr NumberRange kTimeLags{0, 120, "periods", true};
inline constexpr NumberRange kNeighbours{1, 100, "neighbours", true};  // k nearest

// Choropleth classes.
inline constexpr NumberRange kClasses{1, 9, "classes", true};

// Points, layers, filters, time.
inline constexpr NumberRange kPointSizePx{0.5, 100, "pixels"};
inline constexpr NumberRange kSourceIndex{0, 1000, "", true};
inline constexpr NumberRange kFatalities{0, 1e9, "fatalities", true};
inline constexpr NumberRange kCustomDays{1, 36600, "days", true};
inline constexpr NumberRange kPlaybackSpeed{0.25, 30, "windows per second"};

// Map furniture: offsets from a corner of the map, in pixels at 96 dpi.
inline constexpr NumberRange kOffsetPx{0, 10000, "pixels"};

// Coordinates.
inline constexpr NumberRange kLongitude{-180, 180, "degrees"};
inline constexpr NumberRange kLatitude{-90, 90, "degrees"};
inline constexpr NumberRange kProjectedMetres{-1e8, 1e8, "metres"};
inline constexpr NumberRange kExtentMetres{1, 1e8, "metres"};

// A density grid beyond this many cells would need more than 2 GB for its FFT buffers.
inline constexpr double kMaxGridCells = double(1u << 28);

}  // namespace mirador::limits
