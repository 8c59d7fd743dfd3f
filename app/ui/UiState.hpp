#pragma once
// Everything the window's panels read and write, as plain data. The renderer gets a
// FrameParams built from it each frame; it never holds on to this.
#include <string>
#include <vector>

#include "mirador/geo/PlaceSearch.hpp"
#include "render/Renderer.hpp"
#include "scene/HeatmapLayer.hpp"
#include "scene/HotspotLayer.hpp"
#include "scene/MapOverlay.hpp"
#include "style/Choropleth.hpp"
#include "ui/TimePlayback.hpp"

namespace mirador {

// A smooth camera move (search results fly there).
struct FlyTo {
    bool active = false;
    MapView from, to;
    double t = 0;          // 0..1
    double seconds = 0.8;
};

struct UiState {
    MapView view;
    MapView home;            // reset target: all of Mexico
    long hovered = -1;       // municipality under the cursor
    long selected = -1;      // clicked or searched
    bool cursor_on_map = false;
    geo::Vec2 cursor_lonlat{};

    // Search box
    char search_text[128] = {};
    std::vector<geo::PlaceHit> search_hits;
    int search_cursor = 0;
    bool focus_search = false;

    // Layers
    bool show_fill = true, show_municipal_borders = true, show_state_borders = true;
    bool show_state_labels = true, show_municipality_labels = true;
    float fill_opacity = 1.0f;
    float borders_opacity = 1.0f;
    float points_opacity = 0.9f;
    // Bottom to top; the layers panel lists them top first.
    std::array<MapLayer, kMapLayerCount> layer_order{MapLayer::Fill, MapLayer::Heatmap, MapLayer::Borders,
                                                     MapLayer::Points};
    HeatmapSettings heatmap;
    float layers_panel_bottom = 320;  // where the Filters panel starts, below the Layers panel

    // Incidents
    long hovered_incident = -1, selected_incident = -1;
    bool show_points = true;
    int filter_category = -1;     // -1: all, else geo::IncidentCategory
    char filter_actor[64] = {};
    char filter_text[64] = {};
    int filter_min_fatalities = 0;
    ChoroplethStyle choropleth;
    bool show_ranking = true;
    TimePlayback time;
    HotspotSettings hotspots;

    FlyTo fly;
    bool fullscreen = false;
    bool show_details = true;

    // Frame timing for the status bar.
    double frame_ms = 0;
    DrawStats draw_stats;
};

}  // namespace mirador
