#include "document/SlideDocument.hpp"

#include <string>

namespace mirador::doc {

MapDocument document_for_slide(const MapDocument& document, std::size_t index) {
    MapDocument d = document;
    const Slide& s = document.slides.at(index);
    d.view = s.view;
    // A slide saved without its layers keeps the document's (older projects).
    if (!s.layers.empty()) d.layers = s.layers;
    d.filters = s.filters;
    d.time = s.time;
    if (!s.title.empty()) {
        d.furniture.title.visible = true;
        d.furniture.title.title = s.title;
    }
    return d;
}

geo::Result<std::size_t> slide_index(const MapDocument& document, int number) {
    const std::size_t n = document.slides.size();
    if (n == 0) return geo::make_error("the project has no slides");
    if (number < 1 || static_cast<std::size_t>(number) > n)
        return geo::make_error("--slide " + std::to_string(number) + ": the project has " + std::to_string(n) +
                               (n == 1 ? " slide (1)" : " slides (1 to " + std::to_string(n) + ")"));
    return static_cast<std::size_t>(number - 1);
}

}  // namespace mirador::doc
