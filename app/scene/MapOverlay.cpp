#include "scene/MapOverlay.hpp"

#include <imgui.h>

#include <algorithm>
#include <numeric>
#include <string>

#include "scene/IncidentLayer.hpp"

namespace mirador {

namespace {

bool overlaps(const LabelBox& a, const LabelBox& b) {
    return a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;
}

void halo_text(ImDrawList* list, ImFont* font, float size, ImVec2 pos, ImU32 fg, ImU32 halo, const char* text) {
    const float d = std::max(1.0f, size / 14.0f);
    for (int dx = -1; dx <= 1; ++dx)
        for (int dy = -1; dy <= 1; ++dy)
            if (dx || dy) list->AddText(font, size, ImVec2(pos.x + dx * d, pos.y + dy * d), halo, text);
    list->AddText(font, size, pos, fg, text);
}

}  // namespace

std::vector<LabelBox> draw_map_overlay(ImDrawList* list, const FontSet& fonts, const geo::Boundaries& b,
                                       const MapView& view, const OverlayParams& params,
                                       const std::vector<LabelBox>& keep_clear) {
    std::vector<LabelBox> placed;
    const float pad = 3.0f * params.pixel_scale;
    auto try_place = [&](ImFont* font, const std::string& text, geo::Vec2 anchor, ImU32 fg, ImU32 halo) {
        const float size = font->FontSize;
        const ImVec2 ts = font->CalcTextSizeA(size, 1e9f, 0.0f, text.c_str());
        const geo::Vec2 s = view.map_to_screen(anchor);
        LabelBox box{float(s.x) - ts.x * 0.5f - pad, float(s.y) - ts.y * 0.5f - pad, float(s.x) + ts.x * 0.5f + pad,
                     float(s.y) + ts.y * 0.5f + pad};
        // Only labels wholly inside the map area (not under the window's panels): a name cut at
        // the edge reads as a different name.
        if (box.x0 < params.inset_left || box.y0 < params.inset_top || box.x1 > view.width - params.inset_right ||
            box.y1 > view.height - params.inset_bottom)
            return;
        for (const auto& p : placed)
            if (overlaps(p, box)) return;
        for (const auto& k : keep_clear)
            if (overlaps(k, box)) return;
        placed.push_back(box);
        halo_text(list, font, size, ImVec2(box.x0 + pad, box.y0 + pad), fg, halo, text.c_str());
    };

    // Larger states first: when labels collide, the big state keeps its name.
    if (params.state_labels) {
        std::vector<std::size_t> order(b.states.size());
        std::iota(order.begin(), order.end(), 0);
        std::sort(order.begin(), order.end(), [&](auto x, auto y) { return b.states[x].area_m2 > b.states[y].area_m2; });
        for (std::size_t i : order)
            try_place(fonts.label, b.states[i].short_name, b.states[i].label_anchor, IM_COL32(25, 25, 30, 255),
                      IM_COL32(255, 255, 255, 200));
    }
    // Municipal names only where a municipality is wide enough on screen to carry one.
    if (params.municipality_labels && view.metres_per_pixel < 600.0) {
        const geo::BBox vis = view.visible();
        const auto& m = b.municipalities;
        std::vector<std::size_t> order;
        for (std::size_t f = 0; f < m.feature_count(); ++f) {
            const auto& bb = m.feature_bbox[f];
            if (!bb.intersects(vis)) continue;
            if (bb.width() / view.metres_per_pixel < 70.0 * params.pixel_scale) continue;
            order.push_back(f);
        }
        std::sort(order.begin(), order.end(), [&](auto x, auto y) { return m.feature_bbox[x].width() > m.feature_bbox[y].width(); });
        for (std::size_t f : order)
            try_place(fonts.small_label, m.attributes[f].name, b.municipality_anchor[f], IM_COL32(50, 50, 60, 255),
                      IM_COL32(255, 255, 255, 170));
    }
    return placed;
}

std::vector<LabelBox> draw_stack_counts(ImDrawList* list, const FontSet& fonts, const MapView& view,
                                        const IncidentLayer& incidents) {
    std::vector<const StackMarker*> order;
    for (const StackMarker& k : incidents.stack_markers)
        if (k.count >= 2) order.push_back(&k);
    std::sort(order.begin(), order.end(), [](const StackMarker* a, const StackMarker* b) {
        return a->count != b->count ? a->count > b->count : a->first < b->first;
    });
    std::vector<LabelBox> placed;
    // Bold and a little smaller than a state's name: a number that fits a marker's disc.
    ImFont* font = fonts.label;
    const float size = font->FontSize * 0.85f;
    for (const StackMarker* k : order) {
        const std::string text = std::to_string(k->count);
        const ImVec2 ts = font->CalcTextSizeA(size, 1e9f, 0.0f, text.c_str());
        const geo::Vec2 s = view.map_to_screen(incidents.display_xy[k->first]);
        const LabelBox box{float(s.x) - ts.x * 0.5f, float(s.y) - ts.y * 0.5f, float(s.x) + ts.x * 0.5f,
                           float(s.y) + ts.y * 0.5f};
        if (box.x1 < 0 || box.y1 < 0 || box.x0 > view.width || box.y0 > view.height) continue;
        if (std::any_of(placed.begin(), placed.end(), [&](const LabelBox& p) { return overlaps(p, box); })) continue;
        placed.push_back(box);
        // White on a dark halo: legible on the disc's colour, on a ring and on the map.
        halo_text(list, font, size, ImVec2(box.x0, box.y0), IM_COL32(255, 255, 255, 255), IM_COL32(20, 20, 20, 230),
                  text.c_str());
    }
    return placed;
}

}  // namespace mirador
