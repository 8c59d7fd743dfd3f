#pragma once
// A slide of a document as a document of its own: what `snapshot --slide N` and `export-slides`
// render. (The window's presentation mode applies slides too; the two should share this.)
#include <cstddef>

#include "document/MapDocument.hpp"
#include "mirador/geo/Result.hpp"

namespace mirador::doc {

// `document` showing slide `index` (0-based): its view, layers (when it lists any), filters, time
// window and title (in the title block, shown). The sources and the furniture's placement stay
// the document's.
MapDocument document_for_slide(const MapDocument& document, std::size_t index);

// The slide a 1-based number names, checked: an error names the number and how many there are.
[[nodiscard]] geo::Result<std::size_t> slide_index(const MapDocument& document, int number);

}  // namespace mirador::doc
