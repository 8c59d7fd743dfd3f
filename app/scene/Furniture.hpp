#pragma once
// The map furniture the document asks for, drawn over the map in the window and in snapshots:
// the title block (or, without it, the time window's label), the scale bar, the north arrow, the
// credits and the export date, each at its corner and offset, stacked where they share a corner
// and clear of the legends. The legends themselves are moved to their corner here too.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "mirador/geo/BBox.hpp"
#include "render/MapView.hpp"
#include "scene/Fonts.hpp"
#include "scene/FurnitureLayout.hpp"

struct ImDrawList;

namespace mirador {

struct OverlayParams;

enum class FurnitureKind : std::uint8_t { Title, TimeLabel, ScaleBar, NorthArrow, Attribution, ExportDate };

struct FurnitureBox {
    FurnitureKind kind;
    ScreenRect box;
    std::vector<std::string> lines;  // the text drawn in it, top to bottom
};

// What draw_furniture drew, for tests and for the snapshot's report.
struct DrawnFurniture {
    std::vector<FurnitureBox> boxes;
    std::optional<ScaleBarShape> scale_bar;
    std::optional<ArrowShape> north_arrow;
    std::string problem;  // why an item that was asked for is missing (empty: none is)
    std::vector<ScreenRect> legends;  // the legends' boxes it kept clear of
    const FurnitureBox* find(FurnitureKind kind) const;
};

// The scale bar and north arrow measured at the map's centre (MapFurnitureGeometry); absent
// when they are hidden or could not be measured (`problem` then says why).
struct FurnitureMeasures {
    std::optional<geo::ScaleBar> scale_bar;
    std::optional<double> north_deg;
    std::string problem;
};

// The part of the image the map is seen through (the image less the window's panels).
ScreenRect map_area(const MapView& view, const OverlayParams& params);
// The widest a scale bar may be, in pixels.
float scale_bar_max_pixels(float pixel_scale);

// Moves what draw_legends drew (the list's vertices from `first_vertex` on, inside `drawn`) to the
// legends' placement; returns where they are now.
geo::BBox place_legends(ImDrawList* list, int first_vertex, const geo::BBox& drawn, const MapView& view,
                        const OverlayParams& params);

// Where the furniture of the bottom corners (credits, a scale bar ...) goes with nothing in its
// way: its corners, which legends in the bottom-left corner flow around (draw_legends).
std::vector<ScreenRect> bottom_furniture_boxes(const FontSet& fonts, const MapView& view, const OverlayParams& params,
                                               const FurnitureMeasures& measures);

DrawnFurniture draw_furniture(ImDrawList* list, const FontSet& fonts, const MapView& view, const OverlayParams& params,
                              const FurnitureMeasures& measures, const std::vector<ScreenRect>& legends);

}  // namespace mirador
