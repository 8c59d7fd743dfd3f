#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>

#include "mirador/geo/IncidentCategory.hpp"
#include "scene/HeatmapLayer.hpp"
#include "scene/MapScene.hpp"
#include "style/HotspotPalette.hpp"
#include "style/Palette.hpp"

namespace mirador {

namespace {

ImU32 to_imgui(std::uint32_t rgba) {
    std::uint8_t c[4];
    unpack_rgba(rgba, c);
    return IM_COL32(c[0], c[1], c[2], c[3]);
}

std::string tick(double v) {
    char buf[32];
    if (v == 0) return "0";
    const double a = std::fabs(v);
    if (a >= 100) std::snprintf(buf, sizeof buf, "%.0f", v);
    else std::snprintf(buf, sizeof buf, "%.3g", v);  // 0.000533 reads better than 5.33e-04
    return buf;
}

// After the other legends: title (units), the ramp as a bar with its values, where transparency starts,
// and how the scale was chosen, so a reader of a snapshot knows what a colour means.
void draw_heatmap_legend(ImDrawList* list, ImFont* font, float s, float left, float bottom, const HeatmapLegend& h) {
    const float fs = font->FontSize, pad = 8 * s, line = fs + 4 * s;
    const float bar_w = 220 * s, bar_h = 12 * s;
    float w = bar_w;
    for (const std::string* t : {&h.title, &h.scale_note, &h.kernel_note})
        w = std::max(w, font->CalcTextSizeA(fs, 1e9f, 0, t->c_str()).x);
    const float height = pad * 2 + line * 4 + bar_h + 4 * s;
    const ImVec2 a(left, bottom - height), b(left + w + 2 * pad, bottom);
    list->AddRectFilled(a, b, IM_COL32(255, 255, 255, 225), 4 * s);
    list->AddRect(a, b, IM_COL32(90, 90, 90, 200), 4 * s);
    float y = a.y + pad;
    const ImU32 ink = IM_COL32(20, 20, 20, 255);
    list->AddText(font, fs, ImVec2(a.x + pad, y), ink, h.title.c_str());
    y += line;
    const float x0 = a.x + pad;
    const int steps = 64;
    for (int i = 0; i < steps; ++i) {
        const std::size_t k = static_cast<std::size_t>(i * 255 / (steps - 1));
        list->AddRectFilled(ImVec2(x0 + bar_w * i / steps, y), ImVec2(x0 + bar_w * (i + 1) / steps + 0.5f, y + bar_h),
                            to_imgui(h.ramp[k]));
    }
    list->AddRect(ImVec2(x0, y), ImVec2(x0 + bar_w, y + bar_h), IM_COL32(90, 90, 90, 255));
    if (h.hi > h.lo && h.threshold > h.lo) {
        // Below this mark the surface is not drawn.
        const float tx = x0 + bar_w * float(std::min(1.0, (h.threshold - h.lo) / (h.hi - h.lo)));
        list->AddRectFilled(ImVec2(x0, y), ImVec2(tx, y + bar_h), IM_COL32(255, 255, 255, 170));
        list->AddLine(ImVec2(tx, y - 2 * s), ImVec2(tx, y + bar_h + 2 * s), ink, 1.5f * s);
    }
    y += bar_h + 2 * s;
    const std::string lo = tick(h.lo), mid = tick((h.lo + h.hi) / 2), hi = tick(h.hi);
    list->AddText(font, fs, ImVec2(x0, y), ink, lo.c_str());
    const float mw = font->CalcTextSizeA(fs, 1e9f, 0, mid.c_str()).x, hw = font->CalcTextSizeA(fs, 1e9f, 0, hi.c_str()).x;
    list->AddText(font, fs, ImVec2(x0 + bar_w / 2 - mw / 2, y), ink, mid.c_str());
    list->AddText(font, fs, ImVec2(x0 + bar_w - hw, y), ink, hi.c_str());
    y += line;
    list->AddText(font, fs, ImVec2(x0, y), IM_COL32(40, 40, 40, 255), h.scale_note.c_str());
    y += line;
    list->AddText(font, fs, ImVec2(x0, y), IM_COL32(40, 40, 40, 255), h.kernel_note.c_str());
}

}  // namespace

void draw_legends(ImDrawList* list, const FontSet& fonts, const SceneParams& p, const ChoroplethLegend* choro,
                  const IncidentLayer* incidents, const HeatmapLegend* heat, const SwatchLegend* swatches) {
    const float s = p.overlay.pixel_scale;
    ImFont* font = fonts.ui;
    const float fs = font->FontSize;
    const float pad = 8 * s, sw = 14 * s, line = fs + 4 * s;
    struct Row {
        ImU32 color;
        bool disc;
        float radius;
        std::string text;
        bool hollow = false;      // a ring: a stand-in position
        std::string count = {};   // written on the disc: a stack
    };
    auto box = [&](float x, float bottom, const std::string& title, const std::vector<Row>& rows) {
        float w = font->CalcTextSizeA(fs, 1e9f, 0, title.c_str()).x;
        for (const auto& r : rows) w = std::max(w, sw + 6 * s + font->CalcTextSizeA(fs, 1e9f, 0, r.text.c_str()).x);
        const float h = line * float(rows.size() + 1) + 2 * pad;
        const ImVec2 a(x, bottom - h), b(x + w + 2 * pad, bottom);
        list->AddRectFilled(a, b, IM_COL32(255, 255, 255, 225), 4 * s);
        list->AddRect(a, b, IM_COL32(90, 90, 90, 200), 4 * s);
        float y = a.y + pad;
        list->AddText(font, fs, ImVec2(a.x + pad, y), IM_COL32(20, 20, 20, 255), title.c_str());
        for (const auto& r : rows) {
            y += line;
            const ImVec2 c(a.x + pad + sw / 2, y + fs / 2);
            if (r.disc && r.hollow) {
                // As points.frag draws it: dark rim, coloured ring, the map through the middle.
                const float ring = std::max(2.0f * s, 0.3f * r.radius);
                list->AddCircle(c, r.radius - 1.2f * s - ring / 2, r.color, 20, ring);
                list->AddCircle(c, r.radius, IM_COL32(20, 20, 20, 255), 20, 1.2f * s);
            } else if (r.disc) {
                list->AddCircleFilled(c, r.radius, r.color, 20);
                list->AddCircle(c, r.radius, IM_COL32(20, 20, 20, 255), 20, 1.2f * s);
            } else {
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
        return b.x;
    };
    float x = p.overlay.inset_left + 10 * s;
    const float bottom = float(p.frame.view.height) - p.overlay.inset_bottom - 10 * s;
    if (choro) {
        std::vector<Row> rows;
        const auto& br = choro->classes.breaks;
        for (std::size_t c = 0; c + 1 < br.size() && c < choro->colors.size(); ++c)
            rows.push_back({to_imgui(choro->colors[c]), false, 0,
                            geo::format_break(br[c]) + " \xE2\x80\x93 " + geo::format_break(br[c + 1])});
        rows.push_back({to_imgui(choro->zero_color), false, 0, "no incident"});
        if (choro->has_no_data) rows.push_back({to_imgui(choro->no_data_color), false, 0, "no population data"});
        x = box(x, bottom, choro->title, rows) + 8 * s;
    }
    if (swatches) {
        std::vector<Row> rows;
        for (const auto& [color, label] : swatches->rows) rows.push_back({to_imgui(color), false, 0, label});
        x = box(x, bottom, swatches->title, rows) + 8 * s;
    }
    if (incidents) {
        std::vector<Row> rows;
        float colors[9][4];
        category_colors(colors);
        for (int c = 0; c < geo::kIncidentCategoryCount; ++c)
            rows.push_back({IM_COL32(int(colors[c][0] * 255), int(colors[c][1] * 255), int(colors[c][2] * 255), 255), true,
                            p.frame.point_base_px * s, std::string(geo::category_name(static_cast<geo::IncidentCategory>(c)))});
        const ImU32 grey = IM_COL32(110, 110, 110, 255);
        if (incidents->has_stand_ins)
            rows.push_back({grey, true, 7 * s, "place known only to its area", true});
        if (incidents->stacks.size())
            rows.push_back({grey, true, 8 * s, "incidents at one point", false, "12"});
        const std::string title = std::to_string(incidents->visible_count) + " of " + std::to_string(incidents->store.size()) +
                                  " incidents (size: fatalities)";
        x = box(x, bottom, title, rows) + 8 * s;
    }
    if (heat) draw_heatmap_legend(list, font, s, x, bottom, *heat);
}

}  // namespace mirador
