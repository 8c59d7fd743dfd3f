#pragma once
// `mirador export-slides`'s files made a step at a time into a HeadlessMap the caller owns: the
// command line runs the steps in a row, the window (File > Export all slides) one a window frame
// (a step is a tile of a slide at most). One code path, so the same project gives the same files
// (names and bytes) from either.
#include <cstddef>
#include <memory>
#include <string>
#include <vector>

#include "commands/ExportSlides.hpp"
#include "commands/Snapshot.hpp"
#include "scene/ExportJob.hpp"

namespace mirador {

class SlidesRun {
public:
    // Errors: a project without slides; a folder that cannot be made. The document, boundaries
    // and map must outlive the run.
    [[nodiscard]] static geo::Result<SlidesRun> start(const doc::MapDocument& document, const ExportSlidesOptions& options,
                                                     const geo::Boundaries& boundaries, HeadlessMap& map);
    // One bounded piece of the next slide: its export started (the file opened, the overlay
    // laid out), or one tile of it drawn and its rows written (ExportJob::step). Returns the
    // path once the slide's file is complete and in place (written atomically: a failure leaves
    // the file as it was), else "". The window takes one step a frame, the command line loops
    // them; slides are drawn in tiles of at most ExportTiling::kSteppedTileSide (or the
    // options' tile size) either way, so both write the same files.
    [[nodiscard]] geo::Result<std::string> step();
    bool done() const { return next_ >= document_->slides.size(); }
    std::size_t slides() const { return document_->slides.size(); }
    std::size_t written() const { return written_.size(); }
    const std::vector<std::string>& paths() const { return written_; }
    // Slides written over slides, 0..1, counting the tiles of the slide being drawn.
    double progress() const;
    // Tiles drawn so far (ExportJob steps), over every slide: a step draws at most one.
    std::size_t tiles_drawn() const { return tiles_drawn_; }
    // Removes the files this run wrote (a slide half drawn leaves none), and the folder when
    // start() made it and it is left empty (a cancelled export leaves no part of a set behind).
    void discard();
    // The furniture the last slide asked for and did not get (a scale bar ...), "" when none.
    const std::string& problem() const { return problem_; }

private:
    SlidesRun() = default;
    const doc::MapDocument* document_ = nullptr;
    ExportSlidesOptions options_;
    const geo::Boundaries* boundaries_ = nullptr;
    HeadlessMap* map_ = nullptr;
    bool made_folder_ = false;
    std::size_t next_ = 0;
    std::vector<std::string> written_;
    std::string problem_;
    // The slide being drawn, a tile a step, into the file at path_.
    std::unique_ptr<ExportJob> job_;
    std::string path_;
    std::size_t tiles_drawn_ = 0;
};

}  // namespace mirador
