#pragma once
// The legends' boxes as text and swatches, made when what they say changes (new classes, a
// different number of incidents shown, screen bins on or off), not on every frame: an idle
// frame only draws them.
#include <cstdint>
#include <string>
#include <vector>

#include "render/PointsPass.hpp"

namespace mirador {

struct ChoroplethLegend;
struct SwatchLegend;
struct IncidentLayer;
struct FrameParams;

// A packed RGBA8 colour (Palette.hpp) as ImGui's ImU32.
std::uint32_t legend_color(std::uint32_t rgba);

struct LegendRow {
    std::uint32_t color = 0;   // ImU32 (IM_COL32)
    bool disc = false;         // a disc (incidents) or a square swatch (fills)
    float radius = 0;          // the disc's, in pixels before the output's scale
    std::string text;
    bool hollow = false;       // a ring: a stand-in position
    std::string count = {};    // written on the disc: a stack
};

struct LegendBox {
    std::string title;
    std::vector<LegendRow> rows;
};

class LegendText {
public:
    // `version` changes whenever the legend behind it does (MapScene counts its recolours).
    const LegendBox& choropleth(const ChoroplethLegend& l, std::uint64_t version);
    const LegendBox& swatches(const SwatchLegend& l, std::uint64_t version);
    // The categories and what a disc's size means; with screen bins, what a bin's size and
    // colour mean instead.
    const LegendBox& incidents(const IncidentLayer& layer, const PointsShown& shown, const FrameParams& frame);

private:
    LegendBox choropleth_, swatches_, incidents_;
    std::uint64_t choropleth_version_ = 0, swatches_version_ = 0;
    struct IncidentKey {
        std::size_t visible = 0;
        std::uint32_t categories = 0;
        std::size_t total = 0;
        bool stand_ins = false, stacks = false, aggregated = false;
        float max_count = 0, cell_px = 0, base_px = 0, growth_px = 0, pixel_scale = 0;
        bool operator==(const IncidentKey&) const = default;
    };
    IncidentKey incident_key_;
    bool incidents_made_ = false;
};

}  // namespace mirador
