#include "commands/ExportSlides.hpp"

#include <cstdio>
#include <filesystem>

#include "document/SlideDocument.hpp"
#include "mirador/geo/Text.hpp"
#include "platform/GlContext.hpp"  // HeadlessMap::create's default context is destroyed here
#include "platform/Report.hpp"
#include "scene/ExportJob.hpp"

namespace mirador {

namespace {
constexpr const char* kCommand = "mirador export-slides";
}

std::string slide_file_name(std::size_t index, const doc::Slide& slide, const std::string& format) {
    char number[16];
    std::snprintf(number, sizeof number, "%02zu", index + 1);
    // Accents and case folded first (Culiacán -> culiacan), then anything else becomes a dash: a
    // name any file system, shell and web server takes as it is.
    const std::string folded = geo::fold_for_search(slide.name.empty() ? slide.title : slide.name);
    std::string slug;
    for (const char c : folded) {
        const bool keep = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
        if (keep) slug.push_back(c);
        else if (!slug.empty() && slug.back() != '-') slug.push_back('-');
        if (slug.size() >= 48) break;
    }
    while (!slug.empty() && slug.back() == '-') slug.pop_back();
    return std::string(number) + (slug.empty() ? "" : "-" + slug) + "." + format;
}

int run_export_slides_command(const doc::MapDocument& document, const ExportSlidesOptions& o) {
    if (document.slides.empty()) {
        eprint("%s: the project has no slides (make them in the window: Slides panel)\n", kCommand);
        return 2;
    }
    std::error_code ec;
    std::filesystem::create_directories(o.out_dir, ec);
    if (ec) {
        eprint("%s: cannot make the folder %s: %s\n", kCommand, o.out_dir.c_str(), ec.message().c_str());
        return 1;
    }
    SnapshotData data;
    if (const int code = load_snapshot_data(document, o.frame, kCommand, data)) return code;
    auto map = HeadlessMap::create(data.boundaries(), data.incidents.get(), data.population(), data.table.get());
    if (!map) {
        eprint("%s: %s\n", kCommand, map.error().c_str());
        return 1;
    }
    for (std::size_t i = 0; i < document.slides.size(); ++i) {
        const doc::MapDocument d = doc::document_for_slide(document, i);
        const std::string path = (std::filesystem::path(o.out_dir) / slide_file_name(i, document.slides[i], o.format)).string();
        const MapView whole = view_for_document(d.view, data.boundaries(), o.frame.width, o.frame.height);
        auto sink = open_export_file(path, whole, d.view.crs, o.frame.dpi);
        if (!sink) {
            eprint("%s: %s\n", kCommand, sink.error().c_str());
            return 1;
        }
        auto drawn = (*map)->render(d, o.frame, std::move(sink).value());
        if (!drawn) {
            eprint("%s: slide %zu: %s\n", kCommand, i + 1, drawn.error().c_str());
            return 1;
        }
        if (!drawn->furniture.problem.empty()) eprint("%s: slide %zu: %s\n", kCommand, i + 1, drawn->furniture.problem.c_str());
        eprint("%s: slide %zu -> %s\n", kCommand, i + 1, path.c_str());
    }
    return 0;
}

}  // namespace mirador
