#include "commands/SlidesRun.hpp"

#include <algorithm>
#include <filesystem>

#include "document/SlideDocument.hpp"
#include "scene/ExportJob.hpp"

namespace mirador {

geo::Result<SlidesRun> SlidesRun::start(const doc::MapDocument& document, const ExportSlidesOptions& o,
                                        const geo::Boundaries& b, HeadlessMap& map) {
    if (document.slides.empty()) return geo::make_error("the project has no slides (make them in the window: Slides panel)");
    std::error_code ec;
    const bool made = std::filesystem::create_directories(o.out_dir, ec);
    if (ec) return geo::make_error("cannot make the folder " + o.out_dir + ": " + ec.message());
    SlidesRun run;
    run.document_ = &document;
    run.options_ = o;
    run.boundaries_ = &b;
    run.map_ = &map;
    // The window steps a tile a frame: the command line draws the same tiles, so the same pixels.
    if (run.options_.frame.tile_size <= 0) run.options_.frame.tile_size = ExportTiling::kSteppedTileSide;
    run.made_folder_ = made;
    return run;
}

geo::Result<std::string> SlidesRun::step() {
    const std::size_t i = next_;
    if (done()) return geo::make_error("every slide is written");
    if (!job_) {
        const doc::MapDocument d = doc::document_for_slide(*document_, i);
        const SnapshotOptions& f = options_.frame;
        path_ = (std::filesystem::path(options_.out_dir) / slide_file_name(i, document_->slides[i], options_.format)).string();
        const MapView whole = view_for_document(d.view, *boundaries_, f.width, f.height);
        auto sink = open_export_file(path_, whole, d.view.crs, f.dpi);
        if (!sink) return geo::make_error(sink.error());
        auto job = map_->start(d, f, std::move(sink).value());
        if (!job) return geo::make_error("slide " + std::to_string(i + 1) + ": " + job.error());
        job_ = std::move(job).value();
        problem_ = job_->furniture().problem;
        return std::string();
    }
    auto drawn = job_->step();
    ++tiles_drawn_;
    if (!drawn) {
        job_.reset();  // its temporary file goes
        return geo::make_error("slide " + std::to_string(i + 1) + ": " + drawn.error());
    }
    if (!*drawn) return std::string();
    job_.reset();
    ++next_;
    written_.push_back(path_);
    return path_;
}

double SlidesRun::progress() const {
    const std::size_t n = slides();
    if (n == 0) return 1.0;
    return std::min(1.0, (double(written_.size()) + (job_ ? job_->progress() : 0.0)) / double(n));
}

void SlidesRun::discard() {
    job_.reset();  // a slide half drawn: its temporary file goes, the target stays as it was
    std::error_code ec;
    for (const std::string& p : written_) std::filesystem::remove(p, ec);
    written_.clear();
    if (made_folder_ && std::filesystem::is_empty(options_.out_dir, ec)) std::filesystem::remove(options_.out_dir, ec);
}

}  // namespace mirador
