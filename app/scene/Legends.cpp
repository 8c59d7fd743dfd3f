#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <utility>
#include <vector>

#include "scene/HeatmapLayer.hpp"
#include "scene/MapScene.hpp"
#include "scene/LegendText.hpp"

namespace mirador {

namespace {

geo::BBox box_of(ImVec2 a, ImVec2 b) {
    geo::BBox box;
    box.add(geo::Vec2{a.x, a.y});
    box.add(geo::Vec2{b.x, b.y});
    return box;
}

// After the other legends: title (units), the ramp as a bar with its values, where transparency starts,
// and how the scale was chosen, so a reader of a snapshot knows what a colour means.
// The heatmap legend's width, box included.
float heatmap_legend_width(ImFont* font, float s, const HeatmapLegend& h) {
    float w = 220 * s;
    for (const std::string* t : {&h.title, &h.scale_note, &h.kernel_note})
        w = std::max(w, font->CalcTextSizeA(font->FontSize, 1e9f, 0, t->c_str()).x);
    return w + 2 * 8 * s;
}

// Its height: title, bar, tick values, two notes.
float heatmap_legend_height(ImFont* font, float s) { return 2 * 8 * s + (font->FontSize + 4 * s) * 4 + 12 * s + 4 * s; }

geo::BBox draw_heatmap_legend(ImDrawList* list, ImFont* font, float s, float left, float bottom, const HeatmapLegend& h) {
    const float fs = font->FontSize, pad = 8 * s, line = fs + 4 * s;
    const float bar_w = 220 * s, bar_h = 12 * s;
    const float w = heatmap_legend_width(font, s, h) - 2 * pad;
    const float height = heatmap_legend_height(font, s);
    const ImVec2 a(left, bottom - height), b(left + w + 2 * pad, bottom);
    list->AddRectFilled(a, b, IM_COL32(255, 255, 255, 225), 4 * s);
    list->AddRect(a, b, IM_COL32(90, 90, 90, 200), 4 * s);
    float y = a.y + pad;
    const ImU32 ink = IM_COL32(20, 20, 20, 255);
    list->AddText(font, fs, ImVec2(a.x + pad, y), ink, h.title.c_str());
    y += line;
    const float x0 = a.x + pad;
    const int steps = std::max(64, int(bar_w / 2));  // no band visible, at a print's scale too
    // The ramp's own alpha (its low end fades in, as on the map) over the box's background.
    // Steps share their edges exactly: an overlap would blend a translucent step twice.
    for (int i = 0; i < steps; ++i) {
        const std::size_t k = static_cast<std::size_t>(i * 255 / (steps - 1));
        list->AddRectFilled(ImVec2(x0 + bar_w * i / steps, y), ImVec2(x0 + bar_w * (i + 1) / steps, y + bar_h),
                            legend_color(h.ramp[k]));
    }
    list->AddRect(ImVec2(x0, y), ImVec2(x0 + bar_w, y + bar_h), IM_COL32(90, 90, 90, 255));
    if (h.hi > h.lo && h.threshold > h.lo) {
        // Below this mark the surface is not drawn.
        const float tx = x0 + bar_w * float(std::min(1.0, (h.threshold - h.lo) / (h.hi - h.lo)));
        list->AddRectFilled(ImVec2(x0, y), ImVec2(tx, y + bar_h), IM_COL32(255, 255, 255, 170));
        list->AddLine(ImVec2(tx, y - 2 * s), ImVec2(tx, y + bar_h + 2 * s), ink, 1.5f * s);
    }
    y += bar_h + 2 * s;
    const char *lo = h.lo_text.c_str(), *mid = h.mid_text.c_str(), *hi = h.hi_text.c_str();
    list->AddText(font, fs, ImVec2(x0, y), ink, lo);
    const float mw = font->CalcTextSizeA(fs, 1e9f, 0, mid).x, hw = font->CalcTextSizeA(fs, 1e9f, 0, hi).x;
    list->AddText(font, fs, ImVec2(x0 + bar_w / 2 - mw / 2, y), ink, mid);
    list->AddText(font, fs, ImVec2(x0 + bar_w - hw, y), ink, hi);
    y += line;
    list->AddText(font, fs, ImVec2(x0, y), IM_COL32(40, 40, 40, 255), h.scale_note.c_str());
    y += line;
    list->AddText(font, fs, ImVec2(x0, y), IM_COL32(40, 40, 40, 255), h.kernel_note.c_str());
    return box_of(a, b);
}

}  // namespace

geo::BBox draw_legends(ImDrawList* list, const FontSet& fonts, const SceneParams& p, const LegendBox* choropleth,
                       const LegendBox* incidents, const HeatmapLegend* heat, const LegendBox* swatches,
                       const std::vector<ScreenRect>& keep_clear, std::vector<ScreenRect>* boxes) {
    const float s = p.overlay.pixel_scale;
    ImFont* font = fonts.ui;
    const float fs = font->FontSize;
    const float pad = 8 * s, sw = 14 * s, line = fs + 4 * s;
    geo::BBox drawn;
    auto text_width = [&](const LegendBox& legend) {
        float w = font->CalcTextSizeA(fs, 1e9f, 0, legend.title.c_str()).x;
        for (const auto& r : legend.rows) w = std::max(w, sw + 6 * s + font->CalcTextSizeA(fs, 1e9f, 0, r.text.c_str()).x);
        return w;
    };
    auto box = [&](float x, float bottom, const LegendBox& legend) {
        const float w = text_width(legend);
        const float h = line * float(legend.rows.size() + 1) + 2 * pad;
        const ImVec2 a(x, bottom - h), b(x + w + 2 * pad, bottom);
        list->AddRectFilled(a, b, IM_COL32(255, 255, 255, 225), 4 * s);
        list->AddRect(a, b, IM_COL32(90, 90, 90, 200), 4 * s);
        float y = a.y + pad;
        list->AddText(font, fs, ImVec2(a.x + pad, y), IM_COL32(20, 20, 20, 255), legend.title.c_str());
        for (const auto& r : legend.rows) {
            y += line;
            const ImVec2 c(a.x + pad + sw / 2, y + fs / 2);
            const float radius = r.radius * s;
            if (r.disc && r.hollow) {
                // As points.frag draws it: dark rim, coloured ring, the map through the middle.
                const float ring = std::max(2.0f * s, 0.3f * radius);
                list->AddCircle(c, radius - 1.2f * s - ring / 2, r.color, 20, ring);
                list->AddCircle(c, radius, IM_COL32(20, 20, 20, 255), 20, 1.2f * s);
            } else if (r.disc) {
                list->AddCircleFilled(c, radius, r.color, 20);
                list->AddCircle(c, radius, IM_COL32(20, 20, 20, 255), 20, 1.2f * s);
            } else if (r.color) {
                list->AddRectFilled(ImVec2(c.x - sw / 2, y), ImVec2(c.x + sw / 2, y + fs), r.color);
                list->AddRect(ImVec2(c.x - sw / 2, y), ImVec2(c.x + sw / 2, y + fs), IM_COL32(90, 90, 90, 255));
            }
            if (!r.count.empty()) {
                const ImVec2 ts = font->CalcTextSizeA(fs * 0.8f, 1e9f, 0, r.count.c_str());
                list->AddText(font, fs * 0.8f, ImVec2(c.x - ts.x / 2, c.y - ts.y / 2), IM_COL32(255, 255, 255, 255),
                              r.count.c_str());
            }
            list->AddText(font, fs, ImVec2(a.x + pad + sw + 6 * s, y), IM_COL32(30, 30, 30, 255), r.text.c_str());
        }
        return box_of(a, b);
    };
    // Side by side from the left; a legend that would run past the right edge (a narrow image,
    // or text drawn large for a print's DPI) or onto the furniture kept clear of (the credits in
    // their corner) starts a new row above the others instead (flow_legends). In the bottom-left
    // corner they start at its offsets, so place_legends has nothing to move.
    const doc::Placement& at = p.overlay.furniture.legends.placement;
    const bool bottom_left = at.corner == doc::Corner::BottomLeft;
    const float left = p.overlay.inset_left + (bottom_left ? at.offset_x : 10) * s;
    const float right = float(p.frame.view.width) - p.overlay.inset_right - 10 * s;
    const float bottom = float(p.frame.view.height) - p.overlay.inset_bottom - (bottom_left ? at.offset_y : 10) * s;
    std::vector<const LegendBox*> listed;
    std::vector<std::pair<float, float>> sizes;
    for (const LegendBox* b : {choropleth, swatches, incidents})
        if (b) {
            listed.push_back(b);
            sizes.emplace_back(text_width(*b) + 2 * pad, line * float(b->rows.size() + 1) + 2 * pad);
        }
    if (heat) sizes.emplace_back(heatmap_legend_width(font, s, *heat), heatmap_legend_height(font, s));
    const std::vector<ScreenRect> at_rects = flow_legends(sizes, left, right, bottom, 8 * s, keep_clear);
    for (std::size_t i = 0; i < at_rects.size(); ++i) {
        const ScreenRect& r = at_rects[i];
        drawn.add(i < listed.size() ? box(r.x0, r.y1, *listed[i]) : draw_heatmap_legend(list, font, s, r.x0, r.y1, *heat));
    }
    if (boxes) *boxes = at_rects;
    return drawn;
}

}  // namespace mirador
