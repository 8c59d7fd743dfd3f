#pragma once
// `mirador animate`'s frames made a step at a time into a HeadlessMap the caller owns: the command
// line runs the steps in a row in a headless context, the window (File > Export animation) one a
// window frame in its own GL context (a step is a tile of a frame at most, so a 4K frame does not
// freeze the window). One code path from the options to the file, so the same document and
// options give the same frames from either.
#include <memory>
#include <string>

#include "commands/Animate.hpp"
#include "commands/Snapshot.hpp"
#include "scene/AnimationSequence.hpp"
#include "scene/ExportJob.hpp"

namespace mirador {

// $MIRADOR_H264_ENCODER, the H.264 encoder asked for (tests pin libopenh264 with it), or "".
std::string h264_encoder_from_environment();

class AnimationRun {
public:
    // The frames planned (AnimationSequence::plan) and the map's fixed colour classes set.
    // Errors: a step that is not day, week, month, quarter or year; no window to animate. The
    // document, incidents, boundaries and map must outlive the run.
    [[nodiscard]] static geo::Result<std::unique_ptr<AnimationRun>> plan(const doc::MapDocument& document,
                                                                       const AnimateOptions& options,
                                                                       IncidentLayer& incidents,
                                                                       const geo::Boundaries& boundaries,
                                                                       const geo::PopulationTable* population,
                                                                       HeadlessMap& map);
    // Opens the output. Errors: an encoder FFmpeg lacks (named), a file or folder that cannot be made.
    [[nodiscard]] geo::Result<bool> open() { return sequence_->open(); }
    // One bounded piece of the work (AnimationSequence::step): a frame's export started, one
    // tile of it drawn (ExportJob::step), a frame handed to the writer's thread, a held frame,
    // the file put in place; true when all is done. The window takes one a frame
    // (`wait_for_writer` false: it never waits for the encoder); the command line loops them
    // (true). Frames are drawn in tiles of at most ExportTiling::kSteppedTileSide (or the
    // options' tile size) either way, so both make the same pixels. A failure discards what
    // this run wrote, as cancel() does.
    [[nodiscard]] geo::Result<bool> step(bool wait_for_writer = false);
    // Stops: no video file put in place (an existing one stays as it was), no PNG frame left.
    void cancel();

    const AnimationSequence& sequence() const { return *sequence_; }
    // Frames made over frames planned, 0..1, counting the tiles of the frame being drawn.
    double progress() const;
    // Tiles drawn so far (ExportJob steps), over every frame: a step draws at most one.
    std::size_t tiles_drawn() const { return tiles_drawn_; }
    // "frame 3 of 12 (October 2019)"
    std::string stage_text() const;
    // "wrote OUT (12 frames of 800x600: 12 month windows January 2019 to December 2019; 3.1 s, 250 ms a frame)"
    std::string summary(double seconds) const;

private:
    AnimationRun() = default;
    AnimateOptions options_;
    std::unique_ptr<AnimationSequence> sequence_;
    IncidentLayer* incidents_ = nullptr;
    HeadlessMap* map_ = nullptr;
    AnimationDrawer drawer_;
    std::unique_ptr<ExportJob> job_;  // the frame being drawn, a tile a step
    std::size_t tiles_drawn_ = 0;
};

}  // namespace mirador
