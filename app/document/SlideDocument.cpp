#include "document/SlideDocument.hpp"

#include "document/Slides.hpp"

#include <string>

namespace mirador::doc {

MapDocument document_for_slide(const MapDocument& document, std::size_t index) {
    return apply_slide(document, document.slides.at(index));
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
