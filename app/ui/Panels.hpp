#pragma once
// The window's panels, one function each (see the .cpp files of the same names).
#include "mirador/geo/Boundaries.hpp"
#include "mirador/geo/PlaceSearch.hpp"
#include "ui/UiState.hpp"

namespace mirador {

class MapScene;
struct IncidentLayer;
class HotspotLayer;

// Starts a fly-to that frames `box` (display CRS).
void fly_to(UiState& ui, const geo::BBox& box);
// Runs a search and selects/flies to the hit `index` of the results.
void select_search_hit(UiState& ui, const geo::Boundaries& b, const geo::PlaceHit& hit);

void draw_search_panel(UiState& ui, const geo::Boundaries& b, const geo::PlaceSearch& search);
void draw_layers_panel(UiState& ui, MapScene& scene, bool have_incidents);
void draw_details_panel(UiState& ui, const geo::Boundaries& b);
void draw_hover_tooltip(const UiState& ui, const geo::Boundaries& b);
void draw_status_bar(const UiState& ui, const geo::Boundaries& b);
float status_bar_height();  // pixels
// A full-width bar whose lower edge is `bottom` pixels above the window's; returns
// ImGui::Begin's answer (call ImGui::End either way).
bool begin_bottom_bar(const char* name, float bottom, float height, float bg_alpha);

// Incident panels; `scene` is told when filters or the choropleth change.
void draw_incident_filters_panel(UiState& ui, IncidentLayer& incidents, MapScene& scene, const geo::Boundaries& b,
                                 const geo::PopulationTable* population);
void draw_ranking_panel(UiState& ui, const IncidentLayer& incidents, const geo::Boundaries& b);
void draw_incident_tooltip(const UiState& ui, const IncidentLayer& incidents, const geo::Boundaries& b);
void draw_incident_details(UiState& ui, const IncidentLayer& incidents, const geo::Boundaries& b);

// The Hotspots panel and, for the selected municipality, its hot spot facts in the details panel.
void draw_hotspots_panel(UiState& ui, HotspotLayer& layer, MapScene& scene);
void draw_hotspot_details(const UiState& ui, const HotspotLayer& layer);

// The time slider along the bottom, above the status bar: the incidents over time as bars,
// the window's position, play/step/loop/speed, and the window's unit and mode.
void draw_time_slider(UiState& ui, const IncidentLayer& incidents);
float time_slider_height();  // pixels, for what must sit above it
// Gives the layer (counts, choropleth, ranking) the slider's window when it has changed.
void apply_time_window(const UiState& ui, IncidentLayer& incidents, MapScene& scene, const geo::Boundaries& b,
                       const geo::PopulationTable* population);

}  // namespace mirador
