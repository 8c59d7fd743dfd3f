#include "scene/LegendText.hpp"

#include <imgui.h>

#include <cmath>

#include "mirador/geo/Classification.hpp"
#include "mirador/geo/IncidentCategory.hpp"
#include "render/Renderer.hpp"
#include "scene/IncidentLayer.hpp"
#include "scene/Choropleth.hpp"
#include "style/HotspotPalette.hpp"
#include "style/Palette.hpp"

namespace mirador {

std::uint32_t legend_color(std::uint32_t rgba) {
    std::uint8_t c[4];
    unpack_rgba(rgba, c);
    return IM_COL32(c[0], c[1], c[2], c[3]);
}

namespace {

ImU32 to_imgui(std::uint32_t rgba) { return legend_color(rgba); }

ImU32 to_imgui(const Rgba& c) {
    return IM_COL32(int(c.r * 255 + 0.5f), int(c.g * 255 + 0.5f), int(c.b * 255 + 0.5f), 255);
}

}  // namespace

const LegendBox& LegendText::choropleth(const ChoroplethLegend& l, std::uint64_t version) {
    if (version == choropleth_version_ && version != 0) return choropleth_;
    choropleth_version_ = version;
    choropleth_.title = l.title;
    choropleth_.rows.clear();
    const auto& br = l.classes.breaks;
    for (std::size_t c = 0; c + 1 < br.size() && c < l.colors.size(); ++c) {
        // Counts read as whole numbers ("2 – 3", not "1.5 – 3.5"); one value as itself ("9").
        choropleth_.rows.push_back({to_imgui(l.colors[c]), false, 0, geo::class_label(l.classes, int(c))});
    }
    choropleth_.rows.push_back({to_imgui(l.zero_color), false, 0, l.zero_label});
    if (l.has_no_data) choropleth_.rows.push_back({to_imgui(l.no_data_color), false, 0, "no population data"});
    if (l.has_not_reported) choropleth_.rows.push_back({to_imgui(l.not_reported_color), false, 0, "not reported (NA)"});
    return choropleth_;
}

const LegendBox& LegendText::swatches(const SwatchLegend& l, std::uint64_t version) {
    if (version == swatches_version_ && version != 0) return swatches_;
    swatches_version_ = version;
    swatches_.title = l.title;
    swatches_.rows.clear();
    for (const auto& [color, label] : l.rows) swatches_.rows.push_back({to_imgui(color), false, 0, label});
    return swatches_;
}

const LegendBox& LegendText::incidents(const IncidentLayer& layer, const PointsShown& shown, const FrameParams& frame) {
    const IncidentKey key{layer.visible_count,
                          shown.categories,
                          layer.store.size(),
                          shown.rings,
                          shown.stacks && frame.stack_min_px > 0,
                          shown.aggregated,
                          shown.aggregated ? shown.max_count : 0.0f,
                          shown.aggregated ? shown.cell_px : 0.0f,
                          frame.point_base_px,
                          frame.point_growth_px,
                          frame.pixel_scale};
    if (incidents_made_ && key == incident_key_) return incidents_;
    incidents_made_ = true;
    incident_key_ = key;
    LegendBox& box = incidents_;
    box.rows.clear();
    box.title = std::to_string(layer.visible_count) + " of " + std::to_string(layer.store.size()) + " incidents";
    if (shown.aggregated) {
        // As bins.vert draws them: radius and colour from the count on a log scale.
        const float cell = shown.cell_px / std::max(frame.pixel_scale, 1e-3f);
        const auto max_count = static_cast<unsigned long>(std::lround(shown.max_count));
        box.title += " (too many to draw one by one)";
        box.rows.push_back({to_imgui(frame.bins_low), true, cell * 0.3f, "1 in a " + std::to_string(int(std::lround(cell))) +
                                                                             " px cell"});
        box.rows.push_back({to_imgui(frame.bins_high), true, cell * 0.72f, std::to_string(max_count) + " in a cell"});
        box.rows.push_back({IM_COL32(110, 110, 110, 255), false, 0, "zoom in for single incidents"});
        return box;
    }
    if (frame.point_growth_px > 0) box.title += " (size: fatalities)";
    float colors[9][4];
    category_colors(colors);
    // Only the categories drawn in this view (not all of the time window's): a legend of nine
    // colours for the one category on screen explains nothing and covers the map.
    for (int c = 0; c < geo::kIncidentCategoryCount; ++c)
        if (shown.categories >> c & 1u)
            box.rows.push_back({IM_COL32(int(colors[c][0] * 255), int(colors[c][1] * 255), int(colors[c][2] * 255), 255), true,
                            frame.point_base_px, std::string(geo::category_name(static_cast<geo::IncidentCategory>(c)))});
    const ImU32 grey = IM_COL32(110, 110, 110, 255);
    if (shown.rings) box.rows.push_back({grey, true, 7, "place known only to its area", true});
    // Under a heatmap a stack is a dot like the others, without its count (MapScene::draw_layers).
    if (shown.stacks && frame.stack_min_px > 0) box.rows.push_back({grey, true, 8, "incidents at one point", false, "12"});
    return box;
}

}  // namespace mirador
