#pragma once
// Where the map furniture goes and the shapes it is drawn with, as plain numbers (no ImGui, no
// fonts): the drawing code (scene/Furniture.cpp) measures each item's text, asks these functions
// for its box and shapes, and draws exactly those, so tests can check the layout and the
// geometry without reading pixels.
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "document/MapDocument.hpp"
#include "mirador/geo/MapFurniture.hpp"

namespace mirador {

struct ScreenRect {
    float x0 = 0, y0 = 0, x1 = 0, y1 = 0;
    float width() const { return x1 - x0; }
    float height() const { return y1 - y0; }
    bool overlaps(const ScreenRect& o) const { return x0 < o.x1 && o.x0 < x1 && y0 < o.y1 && o.y0 < y1; }
};

// One item to place: its size and where the document asks for it (offsets in 96-dpi pixels).
struct FurnitureRequest {
    float width = 0, height = 0;
    doc::Placement placement;
};

// Boxes for `items`, in order, inside `area` (the part of the image the map is seen through).
// Each goes at its corner and offset (times `scale`); one that would overlap an obstacle or an
// item placed before it is moved away from its corner's top or bottom edge, past what it hit,
// with `gap` pixels between: items in one corner stack instead of covering each other. An item
// never starts left of or above the area, and never ends right of or below it when it fits.
std::vector<ScreenRect> place_furniture(const std::vector<FurnitureRequest>& items, const ScreenRect& area, float scale,
                                       std::vector<ScreenRect> obstacles, float gap);

// The legends' boxes (`sizes`: width, height), side by side from `left` with their bottoms on
// `bottom`, `gap` apart. One that would run past `right`, or onto a box in `keep_clear` (the
// furniture in its corner: credits, scale bar), starts a new row above the others; a row's first
// that still meets such a box goes above it. So the furniture keeps its corner and the legends
// wrap around it, instead of the furniture being pushed up over the map by the legends' width.
std::vector<ScreenRect> flow_legends(const std::vector<std::pair<float, float>>& sizes, float left, float right,
                                     float bottom, float gap, const std::vector<ScreenRect>& keep_clear);

// The scale bar inside its box: a bar from x0 to x1 (its length the geometry's pixels) on the line
// y, ticks at both ends and the middle rising `tick` pixels.
struct ScaleBarShape {
    float x0 = 0, x1 = 0, y = 0, tick = 0;
    double km = 0;
    std::string label;  // "200 km", centred above the bar
};
// The box a bar of `bar` needs with its label `label_w` x `label_h` (pixels).
void scale_bar_size(const geo::ScaleBar& bar, float label_w, float label_h, float scale, float* width, float* height);
ScaleBarShape scale_bar_shape(const ScreenRect& box, const geo::ScaleBar& bar, float label_h, float scale);

// The north arrow inside its box: a slim arrowhead from `tail` to `tip` with wings `left` and
// `right`, turned `angle_deg` clockwise from the image's up, and the N's centre beyond the tip.
struct ArrowShape {
    geo::Vec2 tip, tail, left, right, label;
    double angle_deg = 0;
};
void north_arrow_size(float scale, float* width, float* height);
ArrowShape north_arrow_shape(const ScreenRect& box, double angle_deg, float scale);
// The drawn direction of an arrow, clockwise from up, in degrees (screen y grows down).
double drawn_angle_deg(const ArrowShape& arrow);

// The automatic credits and the document's own: "Boundaries: INEGI · Incidents: acled.csv · text".
// Boundaries are INEGI's unless the document names another file (then that file's name). A kind
// the document's own text already credits ("Incidents: ...") is not credited again by file name.
std::string credits_text(const doc::MapDocument& document, bool with_incidents, bool with_table);
// "Exported 2026-11-30": today, local time.
std::string export_date_text();

}  // namespace mirador
