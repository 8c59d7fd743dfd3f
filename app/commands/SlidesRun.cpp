#include "commands/SlidesRun.hpp"

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
    run.made_folder_ = made;
    return run;
}

geo::Result<std::string> SlidesRun::step() {
    const std::size_t i = next_++;
    const doc::MapDocument d = doc::document_for_slide(*document_, i);
    const SnapshotOptions& f = options_.frame;
    const std::string path =
        (std::filesystem::path(options_.out_dir) / slide_file_name(i, document_->slides[i], options_.format)).string();
    const MapView whole = view_for_document(d.view, *boundaries_, f.width, f.height);
    auto sink = open_export_file(path, whole, d.view.crs, f.dpi);
    if (!sink) return geo::make_error(sink.error());
    auto drawn = map_->render(d, f, std::move(sink).value());
    if (!drawn) return geo::make_error("slide " + std::to_string(i + 1) + ": " + drawn.error());
    problem_ = drawn->furniture.problem;
    written_.push_back(path);
    return path;
}

void SlidesRun::discard() {
    std::error_code ec;
    for (const std::string& p : written_) std::filesystem::remove(p, ec);
    written_.clear();
    if (made_folder_ && std::filesystem::is_empty(options_.out_dir, ec)) std::filesystem::remove(options_.out_dir, ec);
}

}  // namespace mirador
