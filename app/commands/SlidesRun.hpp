#pragma once
// `mirador export-slides`'s files made a slide at a time into a HeadlessMap the caller owns: the
// command line writes them all in a row, the window (File > Export all slides) one a frame. One
// code path, so the same project gives the same files (names and pixels) from either.
#include <cstddef>
#include <string>
#include <vector>

#include "commands/ExportSlides.hpp"
#include "commands/Snapshot.hpp"

namespace mirador {

class SlidesRun {
public:
    // Errors: a project without slides; a folder that cannot be made. The document, boundaries
    // and map must outlive the run.
    [[nodiscard]] static geo::Result<SlidesRun> start(const doc::MapDocument& document, const ExportSlidesOptions& options,
                                                     const geo::Boundaries& boundaries, HeadlessMap& map);
    // The next slide rendered into its file (written atomically: a failure leaves the file as
    // it was). Returns the path written.
    [[nodiscard]] geo::Result<std::string> step();
    bool done() const { return next_ >= document_->slides.size(); }
    std::size_t slides() const { return document_->slides.size(); }
    std::size_t written() const { return written_.size(); }
    const std::vector<std::string>& paths() const { return written_; }
    // Removes the files this run wrote, and the folder when start() made it and it is left
    // empty (a cancelled export leaves no part of a set behind).
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
};

}  // namespace mirador
