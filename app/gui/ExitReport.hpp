#pragma once
// What a scripted run of the window (--frames) ended with, printed for the tests (and for anyone
// scripting the window) to read: the time window, the incidents, the selection, the map menu,
// the clipboard after Copy coordinates, the view and the map area.
#include "document/MapDocument.hpp"
#include "mirador/geo/Boundaries.hpp"
#include "mirador/geo/Projector.hpp"
#include "ui/UiState.hpp"

namespace mirador {

struct IncidentLayer;
struct CountLayer;

// `incidents` may be null (none loaded).
void print_exit_report(const UiState& ui, const doc::MapDocument& document, const IncidentLayer* incidents,
                       const CountLayer* table, const geo::Boundaries& b, const geo::Projector& to_lonlat);

}  // namespace mirador
