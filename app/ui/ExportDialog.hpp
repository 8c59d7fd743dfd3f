#pragma once
// File > Export (Ctrl+E): the size (ui/ExportPresets.hpp), the file (its extension says the
// format: PNG, JPEG or GeoTIFF; Browse opens the file browser), and Export. Then, while the
// export runs, its progress with Cancel. Both are modal popups drawn by the window each frame;
// the export itself is the window's (gui/WindowExport.hpp), a step per frame.
#include <optional>
#include <string>

#include "ui/ExportDialogFrame.hpp"
#include "ui/ExportPresets.hpp"
#include "ui/FileBrowser.hpp"

namespace mirador {

struct ExportRequest {
    std::string path;
    ExportSize size;
};

class ExportDialog {
public:
    // Shows the dialog from the next draw(). `path`: the file proposed (the last export's, or a
    // name beside the project); `map_width`, `map_height`: the window's map area, pixels.
    void open(std::string path, int map_width, int map_height);
    // The export asked for, once (the dialog then closes). `max_side`: the largest side that can
    // be exported.
    std::optional<ExportRequest> draw(int max_side);
    bool is_open() const { return state_.open; }

private:
    ExportChoice choice_;
    std::string path_;
    FileBrowser browser_;
    ExportDialogState state_;
};

// The running export's progress, with Cancel (or Esc). True when the analyst cancels. Called
// each frame: with `shown` false it closes (the export ended, or has not run for a second yet).
bool draw_export_progress(bool shown, const std::string& path, float fraction, const std::string& stage);

}  // namespace mirador
