#pragma once
// What is drawn on top of the map in both the window and snapshots: state names (and
// municipal names when zoomed in), placed so that no two labels overlap, and the time window
// the map shows.
#include <string>
#include <vector>

#include "mirador/geo/Boundaries.hpp"
#include "render/MapView.hpp"
#include "scene/Fonts.hpp"
#include "scene/FurnitureLayout.hpp"

struct ImDrawList;

namespace mirador {

struct OverlayParams {
    bool state_labels = true;
    bool municipality_labels = true;
    float pixel_scale = 1.0f;
    // The time window, e.g. "October 2019"; empty: all time, no box. A picture of a month must
    // say which month, so it sits in the top-left of every window and snapshot (as the title
    // block's subtitle when that is shown).
    std::string time_label;
    // The part of the image the map is seen through, as insets from its edges in pixels (the
    // window's sidebars and bars cover the rest; a snapshot has none): the time label, legends
    // and furniture stay inside it.
    float inset_left = 0, inset_top = 0, inset_right = 0, inset_bottom = 0;
    // The map furniture as the document describes it (scene/Furniture.hpp draws it), with the
    // text made for it: the credits line and "Exported 2026-11-30".
    doc::Furniture furniture;
    std::string credits, export_date;
};

struct LabelBox {
    float x0, y0, x1, y1;
};

// Draws into `list`; returns the boxes of the labels it placed (used by tests to check
// that none overlap). No label goes where it would meet a box of `keep_clear` (the legends and
// the furniture, drawn over the labels: a name half under a legend reads as another name).
std::vector<LabelBox> draw_map_overlay(ImDrawList* list, const FontSet& fonts, const geo::Boundaries& b,
                                       const MapView& view, const OverlayParams& params,
                                       const std::vector<LabelBox>& keep_clear = {});

struct SceneParams;
struct IncidentLayer;
struct HeatmapLegend;
struct LegendBox;

// The number of incidents on each stack's marker (IncidentLayer::stack_markers) that holds two
// or more and is on screen, largest stacks first, none over another. Returns their boxes.
std::vector<LabelBox> draw_stack_counts(ImDrawList* list, const FontSet& fonts, const MapView& view,
                                        const IncidentLayer& incidents);

// Legends, left to right: the choropleth's classes (with the zero and no-data
// swatches), a hot spot map's classes, the incidents (categories and what a disc's size means,
// or what a screen bin's does), and the heatmap's ramp with values, units and how its scale
// was chosen. Any may be null. The boxes' text comes made (LegendText.hpp). They are drawn in the
// bottom-left corner, wrapping clear of `keep_clear` (flow_legends); place_legends (Furniture.hpp)
// moves them to their placement. Returns where they are, in pixels (empty: none drawn), and
// each box in `boxes` when given.
geo::BBox draw_legends(ImDrawList* list, const FontSet& fonts, const SceneParams& params, const LegendBox* choropleth,
                       const LegendBox* incidents, const HeatmapLegend* heatmap = nullptr,
                       const LegendBox* swatches = nullptr, const std::vector<ScreenRect>& keep_clear = {},
                       std::vector<ScreenRect>* boxes = nullptr);

}  // namespace mirador
