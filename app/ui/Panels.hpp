#pragma once
// The window's panels, one function each (see the .cpp files of the same names). Panels that
// change the map edit the document; the viewer applies the document to the scene once a frame
// (scene/DocumentFrame.hpp), so no panel reaches into a layer, the incidents or the renderer.
#include <string>
#include <vector>

#include "document/MapDocument.hpp"
#include "mirador/geo/Boundaries.hpp"
#include "mirador/geo/Geocoder.hpp"
#include "mirador/geo/PlaceSearch.hpp"
#include "ui/MapAreaView.hpp"
#include "ui/UiState.hpp"

namespace mirador {

class MapScene;
struct IncidentLayer;
struct CountLayer;
struct UnitTotals;
class HotspotLayer;

// What the panels read (never change): the data the map is made of, and the results the scene
// computed from the document.
struct PanelData {
    const geo::Boundaries& boundaries;
    const geo::PlaceSearch& search;
    const IncidentLayer* incidents = nullptr;  // null: no incidents loaded
    const CountLayer* table = nullptr;         // null: no count table loaded
    const UnitTotals* totals = nullptr;        // what is counted: the incidents, or the table (null: neither)
    const MapScene* scene = nullptr;
    const HotspotLayer* hotspots = nullptr;
    const geo::PopulationTable* population = nullptr;
    const std::vector<std::string>* ranking_name_keys = nullptr;  // ranking_name_keys(boundaries)
    // The slides' thumbnails (OpenGL texture names, 0: not made yet), in slide order; null: none.
    const std::vector<unsigned>* slide_thumbnails = nullptr;
};

// Selects/flies to a search hit.
void select_search_hit(UiState& ui, const geo::Boundaries& b, const geo::PlaceHit& hit);

// The window's frame: the sidebars, the time bar and the status bar. Each draws its panels and
// reports the space it takes in ui.area.
void draw_left_sidebar(doc::MapDocument& document, UiState& ui, const PanelData& data);
void draw_right_sidebar(doc::MapDocument& document, UiState& ui, const PanelData& data);
float left_sidebar_width();
float right_sidebar_width();

// Sections of the left sidebar.
void draw_search_box(UiState& ui, const PanelData& data);
void draw_layers_section(doc::MapDocument& document, const PanelData& data);
void draw_filters_section(doc::MapDocument& document, const PanelData& data);
// A count table's filters (its category columns) and what the analyst must know about it:
// units never in the table, codes counted for their state only, codes the boundaries lack.
void draw_table_section(doc::MapDocument& document, const PanelData& data);
void draw_fill_section(doc::MapDocument& document, const PanelData& data);
void draw_heatmap_section(doc::MapDocument& document, const PanelData& data);
void draw_hotspots_section(doc::MapDocument& document, const PanelData& data);
// Title block, legends, scale bar, north arrow, credits, export date: shown or not, and where.
void draw_furniture_section(doc::MapDocument& document);
// The slides: add one from the map as it is, list, select, show, edit, reorder, present from.
void draw_slides_section(doc::MapDocument& document, UiState& ui, const PanelData& data);

// Sections of the right sidebar.
void draw_municipality_details(UiState& ui, const PanelData& data);
void draw_incident_details(UiState& ui, const PanelData& data);
void draw_hotspot_details(const doc::MapDocument& document, const UiState& ui, const PanelData& data);
void draw_ranking(UiState& ui, const PanelData& data);

// The map's right-click menu (ui.map_menu; see ui/MapMenu.hpp).
void draw_map_menu(UiState& ui, const PanelData& data);
// "Loading X: stage" and a bar at the bottom of the map area while an incident file loads.
void draw_load_progress(const UiState& ui, const std::string& label, float fraction, const char* stage);

// Tooltips over the map.
void draw_hover_tooltip(const UiState& ui, const geo::Boundaries& b);
void draw_incident_tooltip(const UiState& ui, const PanelData& data);

// The status bar along the bottom, and the time bar above it (histogram, slider, play/step,
// the window's unit and mode).
void draw_status_bar(const UiState& ui, const geo::Boundaries& b);
float status_bar_height();  // pixels
// `totals`: the bars; `shown`: the line at its right ("312 of 18,957 incidents on the map").
void draw_time_bar(doc::TimeSettings& time, UiState& ui, const UnitTotals& totals, const char* shown);
float time_bar_height();  // pixels
// A full-width bar whose lower edge is `bottom` pixels above the window's; returns
// ImGui::Begin's answer (call ImGui::End either way).
bool begin_bottom_bar(const char* name, float bottom, float height, float bg_alpha);

}  // namespace mirador
