#pragma once
// What the window knows beyond the map document: where it looks and what is pointed at, the
// search box, the time slider's running state, the layout of its panels, frame timing. None of
// it is saved in a project; the map itself (layers, styles, filters, time window) is the
// document's, which the panels edit (see ui/Panels.hpp).
#include <string>
#include <vector>

#include "mirador/geo/PlaceSearch.hpp"
#include "render/Renderer.hpp"
#include "document/TimePlayback.hpp"

namespace mirador {

// A smooth camera move (search results fly there).
struct FlyTo {
    bool active = false;
    MapView from, to;
    double t = 0;          // 0..1
    double seconds = 0.8;
};

// Where the map shows through the panels, in framebuffer pixels.
struct MapArea {
    float left = 0, top = 0, right = 0, bottom = 0;  // insets from the window's edges
};

// The left sidebar's sections that are open. With the sidebars' state, this is the layout kept
// between runs (gui/LayoutFile.hpp).
struct SidebarSections {
    bool layers = true, filters = true, choropleth = false, heatmap = false, hotspots = false, furniture = false,
         slides = false;
};

// The map's right-click menu: where it was opened (asked for by the click, opened by the panel).
struct MapMenu {
    bool open_requested = false;
    geo::Vec2 map{};     // display CRS
    geo::Vec2 lonlat{};
    long municipality = -1;  // under the click; -1: none
    bool shown = false;      // on screen this frame
    bool copied = false;     // "Copy coordinates" was chosen (scripted runs read the clipboard back)
};

struct UiState {
    MapView view;
    long hovered = -1;       // municipality under the cursor
    long selected = -1;      // clicked or searched
    bool cursor_on_map = false;
    geo::Vec2 cursor_lonlat{};
    MapArea area;            // set by the layout each frame
    geo::BBox legends_box;   // where the scene drew its legends last frame, pixels (empty: none)
    geo::BBox title_box;     // and its title block (empty: none)
    geo::BBox home_box;      // what "reset view" shows: all of the boundaries

    // Search box
    char search_text[128] = {};
    std::vector<geo::PlaceHit> search_hits;
    int search_cursor = 0;
    bool focus_search = false;

    // Incidents
    long hovered_incident = -1, selected_incident = -1;
    TimePlayback time;

    // Panels
    bool left_sidebar = true;   // false: collapsed to a strip
    bool right_sidebar = true;
    SidebarSections sections;
    bool show_help = false;

    // Slides
    int selected_slide = -1;   // in the Slides section; -1: none
    int present_request = -1;  // the Slides section asks to present from this slide; -1: no request

    MapMenu map_menu;
    FlyTo fly;
    bool fullscreen = false;

    // The status bar's note: what the last export did ("Exported ..." or why it failed).
    std::string status_note;
    bool status_note_is_error = false;

    // Frame timing for the status bar.
    double frame_ms = 0;
    DrawStats draw_stats;
};

}  // namespace mirador
