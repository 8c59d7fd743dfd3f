#pragma once
// What a slide does to a map document, as pure functions (no window, no GL), so that the
// Slides panel, presentation mode and the tests share one set of rules: a slide is captured from
// the document as it is, and showing it makes the document the slide's (its view, layers,
// filters, time window and title) on top of the map it was presented from.
#include <cstddef>
#include <string>

#include "document/MapDocument.hpp"

namespace mirador::doc {

// The document's current state as a slide: `view` is what the window shows (the document's own
// view is only brought up to date when saving); its layers, filters and time window; the title
// block's title; no playback. Named `name`.
Slide capture_slide(const MapDocument& document, const View& view, std::string name);

// A name for the next slide that none of the document's slides has yet ("Slide 4").
std::string next_slide_name(const MapDocument& document);

// `base` showing `slide`: the slide's extent (kept in the base's display CRS: the window's
// geometry is projected once), filters, time window, and layers (an empty list keeps the base's,
// as a slide written by hand with only a view and a time asks); its title, when it has one, shown
// in the title block. Sources, furniture placement and the slides themselves stay the base's.
MapDocument apply_slide(const MapDocument& base, const Slide& slide);

// The list operations of the Slides panel. Each returns false (and changes nothing) for an
// index out of range or a move past either end.
bool move_slide(MapDocument& document, std::size_t index, int delta);  // delta -1: up, +1: down
bool duplicate_slide(MapDocument& document, std::size_t index);        // the copy right after it, "NAME (copy)"
bool delete_slide(MapDocument& document, std::size_t index);

}  // namespace mirador::doc
