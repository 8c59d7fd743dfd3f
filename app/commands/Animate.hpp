#pragma once
// `mirador animate`: the time slider's windows over a range rendered headless, one frame each,
// into an MP4 (H.264, yuv420p), a GIF or a numbered PNG sequence in a folder, with one colour
// scale across the frames (the heatmap's fixed scale over the series' windows; the choropleth's
// classes from every frame's values together) and the window's label on every frame.
#include <string>

#include "commands/Snapshot.hpp"
#include "document/MapDocument.hpp"

namespace mirador {

struct AnimateOptions {
    std::string out;          // .mp4, .gif, or a folder (a PNG sequence: frame-00001.png ...)
    std::string step = "month";  // day, week, month, quarter or year
    double fps = 4;
    bool skip_empty = false;  // leave out windows with no incident shown
    int hold_last = 0;        // the last frame repeated this many more times
    SnapshotOptions frame;    // the size, DPI and tiles of every frame (frame.out unused)
    std::string h264_encoder; // empty: FFmpeg's libx264, else libopenh264 ($MIRADOR_H264_ENCODER for tests)
};

// The frames' windows: the step's calendar windows over the document's time window (from..to),
// or over the incidents' dates when it is "all time".
int run_animate_command(const doc::MapDocument& document, const AnimateOptions& options);

}  // namespace mirador
