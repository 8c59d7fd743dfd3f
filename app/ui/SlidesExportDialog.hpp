#pragma once
// File > Export all slides (Ctrl+Alt+E): every slide of the project into its own file in a folder,
// named and drawn as `mirador export-slides --out-dir D` names and draws them (the window runs
// the command's own code: commands/SlidesRun.hpp). It asks for the folder, the format and the
// size (by default the command's: 1920 x 1080, so the files are the same). A modal popup drawn
// by the window each frame.
#include <optional>
#include <string>

#include "commands/ExportSlides.hpp"
#include "ui/ExportDialogFrame.hpp"
#include "ui/ExportPresets.hpp"

namespace mirador {

class SlidesExportDialog {
public:
    // Shows the dialog from the next draw(). `folder`: the folder proposed; `slides`: the
    // project's, whose file names it lists.
    void open(std::string folder, std::vector<doc::Slide> slides, int map_width, int map_height);
    std::optional<ExportSlidesOptions> draw(int max_side);
    bool is_open() const { return state_.open; }

private:
    ExportSlidesOptions options_;
    std::vector<doc::Slide> slides_;
    ExportChoice choice_ = choice_for_size({SnapshotOptions{}.width, SnapshotOptions{}.height, SnapshotOptions{}.dpi});
    ExportDialogState state_;
};

}  // namespace mirador
