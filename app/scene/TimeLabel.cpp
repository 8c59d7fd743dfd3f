#include <imgui.h>

#include "scene/MapOverlay.hpp"

namespace mirador {

void draw_time_label(ImDrawList* list, const FontSet& fonts, const OverlayParams& p) {
    if (p.time_label.empty()) return;
    const float s = p.pixel_scale;
    // Bold and a third larger than the legends: it is the first thing to read on the map.
    ImFont* font = fonts.label;
    const float fs = font->FontSize * 1.35f;
    const float pad_x = 10 * s, pad_y = 6 * s;
    const ImVec2 ts = font->CalcTextSizeA(fs, 1e9f, 0, p.time_label.c_str());
    const ImVec2 a(p.inset_left + 10 * s, p.inset_top + 10 * s), b(a.x + ts.x + 2 * pad_x, a.y + ts.y + 2 * pad_y);
    list->AddRectFilled(a, b, IM_COL32(255, 255, 255, 235), 4 * s);
    list->AddRect(a, b, IM_COL32(60, 60, 60, 220), 4 * s, 0, 1.2f * s);
    list->AddText(font, fs, ImVec2(a.x + pad_x, a.y + pad_y), IM_COL32(15, 15, 20, 255), p.time_label.c_str());
}

}  // namespace mirador
