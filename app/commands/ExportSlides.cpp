#include "commands/ExportSlides.hpp"

#include <cstdio>

#include "mirador/geo/Text.hpp"
#include "platform/GlContext.hpp"  // HeadlessMap::create's default context is destroyed here
#include "platform/Report.hpp"
#include "commands/SlidesRun.hpp"

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
    SnapshotData data;
    if (const int code = load_snapshot_data(document, o.frame, kCommand, data)) return code;
    auto map = HeadlessMap::create(data.boundaries(), data.incidents.get(), data.population(), data.table.get());
    if (!map) {
        eprint("%s: %s\n", kCommand, map.error().c_str());
        return 1;
    }
    auto run = SlidesRun::start(document, o, data.boundaries(), **map);
    if (!run) {
        eprint("%s: %s\n", kCommand, run.error().c_str());
        return 1;
    }
    while (!run->done()) {
        auto path = run->step();
        if (!path) {
            eprint("%s: %s\n", kCommand, path.error().c_str());
            return 1;
        }
        if (path->empty()) continue;  // a piece of the slide: its export started, or a tile drawn
        const std::size_t n = run->written();
        if (!run->problem().empty()) eprint("%s: slide %zu: %s\n", kCommand, n, run->problem().c_str());
        eprint("%s: slide %zu -> %s\n", kCommand, n, path->c_str());
    }
    return 0;
}

}  // namespace mirador
