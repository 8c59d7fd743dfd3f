#pragma once
// File > Export animation (Ctrl+Shift+E): the time slider's windows over a range as an MP4, a
// GIF or a folder of numbered PNGs. It asks for what `mirador animate` takes (the output, whose
// extension is the format; the step; from and to; frames per second; the size; skip empty
// windows; hold the last frame) and hands back those same options, which the window runs through
// the command's own code (commands/AnimationRun.hpp). A modal popup drawn by the window each frame.
#include <optional>
#include <string>

#include "document/DateRange.hpp"
#include "commands/Animate.hpp"
#include "mirador/geo/TimeWindow.hpp"
#include "ui/ExportDialogFrame.hpp"
#include "ui/ExportPresets.hpp"
#include "ui/FileBrowser.hpp"

namespace mirador {

struct AnimationExportRequest {
    AnimateOptions options;  // out, step, fps, skip_empty, hold_last, frame size and DPI
    DateRangeFlags dates;    // --from, --to
};

class AnimationDialog {
public:
    // Shows the dialog from the next draw(). `path`: the output proposed; `range`: the data's
    // days, the default from..to; `map_width`, `map_height`: the window's map area, pixels.
    void open(std::string path, geo::DayRange range, int map_width, int map_height);
    // The animation asked for, once (the dialog then closes). `max_side`: the largest frame side.
    std::optional<AnimationExportRequest> draw(int max_side);
    bool is_open() const { return state_.open; }

private:
    AnimationExportRequest request_;
    ExportChoice choice_ = choice_for_size({SnapshotOptions{}.width, SnapshotOptions{}.height, SnapshotOptions{}.dpi});
    FileBrowser browser_;
    ExportDialogState state_;
};

// "2019-10-17": the day as --from and --to take it.
std::string iso_day(std::int32_t day);

// The output named for a format (0 MP4, 1 GIF, 2 a PNG folder): the extension replaced, or
// removed for a folder.
std::string animation_path_for(const std::string& path, int format);
// The format of an output: 0 MP4, 1 GIF, 2 a PNG folder (anything else).
int animation_format_of(const std::string& path);

}  // namespace mirador
