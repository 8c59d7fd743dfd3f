#pragma once
// File > Export animation and File > Export all slides, run from the window a bounded piece per
// step (one step a window frame, after the frame is shown: a tile of a frame or a slide at most,
// never a wait for the video encoder), so the window keeps drawing and answering: the progress
// moves and Cancel works. Both run the command line's own code
// (commands/AnimationRun.hpp, commands/SlidesRun.hpp) through a HeadlessMap that draws in the
// window's GL context, so they make the files `mirador animate` and `mirador export-slides` make
// from the same document and options.
//
// Cancel, or a failure, leaves no partial output: a video is put in place only after its last
// frame (an existing file stays as it was), and PNG frames or slide files written by the run are
// removed.
#include <chrono>
#include <memory>
#include <optional>
#include <string>

#include "commands/AnimationRun.hpp"
#include "commands/SlidesRun.hpp"
#include "gui/WindowExport.hpp"
#include "ui/AnimationDialog.hpp"

namespace mirador {

class WindowSeriesExport {
public:
    WindowSeriesExport();
    ~WindowSeriesExport();
    // `document`: what the window shows (its view set to the window's); the dates are applied
    // to it as --from and --to are.
    void start_animation(const AnimationExportRequest& request, doc::MapDocument document, ExportSources sources);
    void start_slides(const ExportSlidesOptions& options, doc::MapDocument document, ExportSources sources);
    bool busy() const { return stage_ != Stage::Idle; }
    // One step, with the window's GL context current, outside ImGui's frame; the outcome once
    // the export has ended.
    std::optional<WindowExportResult> step();
    WindowExportResult cancel();
    float fraction() const;
    std::string stage_text() const;
    const std::string& path() const { return out_; }
    double seconds() const;

private:
    enum class Stage { Idle, Prepare, Run };
    WindowExportResult finish(bool ok, std::string message);
    geo::Result<bool> prepare();
    Stage stage_ = Stage::Idle;
    bool animation_ = false;
    std::string out_;
    AnimationExportRequest animation_request_;
    ExportSlidesOptions slides_options_;
    doc::MapDocument document_;
    ExportSources sources_;
    std::unique_ptr<HeadlessMap> map_;
    std::unique_ptr<AnimationRun> animation_run_;
    std::optional<SlidesRun> slides_run_;
    std::chrono::steady_clock::time_point started_;
};

// The file an animation proposes: the last one, else the project's name as an MP4 beside it,
// else animation.mp4 in the current folder.
std::string proposed_animation_path(const std::string& last, const std::string& project);
// The folder the slides go to: the last one, else "NAME-slides" beside the project.
std::string proposed_slides_folder(const std::string& last, const std::string& project);

}  // namespace mirador
