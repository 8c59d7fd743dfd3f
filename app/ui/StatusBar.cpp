#include <imgui.h>

#include <cmath>
#include <cstdio>

#include "ui/Panels.hpp"
#include "ui/Style.hpp"

namespace mirador {

float status_bar_height() { return ImGui::GetFrameHeight() + 6; }

bool begin_bottom_bar(const char* name, float bottom, float height, float bg_alpha) {
    const ImGuiIO& io = ImGui::GetIO();
    ImGui::SetNextWindowPos(ImVec2(0, io.DisplaySize.y - bottom - height), ImGuiCond_Always);
    ImGui::SetNextWindowSize(ImVec2(io.DisplaySize.x, height), ImGuiCond_Always);
    ImGui::SetNextWindowBgAlpha(bg_alpha);
    // Part of the window's frame, not a panel: it never takes focus or comes to the front.
    const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                   ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoFocusOnAppearing |
                                   ImGuiWindowFlags_NoBringToFrontOnFocus;
    return ImGui::Begin(name, nullptr, flags);
}

void draw_status_bar(const UiState& ui, const geo::Boundaries& b) {
    const ImGuiIO& io = ImGui::GetIO();
    if (!begin_bottom_bar("##status", 0, status_bar_height(), 0.85f)) {
        ImGui::End();
        return;
    }
    if (ui.cursor_on_map && std::isfinite(ui.cursor_lonlat.x)) {
        const double lon = ui.cursor_lonlat.x, lat = ui.cursor_lonlat.y;
        ImGui::Text("%.5f°%c  %.5f°%c", std::abs(lat), lat >= 0 ? 'N' : 'S', std::abs(lon), lon >= 0 ? 'E' : 'W');
    } else {
        ImGui::TextDisabled("cursor off the map");
    }
    ImGui::SameLine(260);
    if (ui.hovered >= 0) {
        const auto f = static_cast<std::size_t>(ui.hovered);
        const geo::StateInfo* s = b.state_of(f);
        ImGui::Text("%s, %s (%s)", b.municipalities.attributes[f].name.c_str(), s ? s->name.c_str() : "",
                    b.municipalities.attributes[f].code.c_str());
    } else if (!ui.status_note.empty()) {
        if (ui.status_note_is_error) ImGui::TextColored(kErrorInk, "%s", ui.status_note.c_str());
        else ImGui::TextUnformatted(ui.status_note.c_str());
    }
    char right[160];
    std::snprintf(right, sizeof right, "1 px = %.0f m  |  EPSG:%d  |  level %d  |  %.1f ms", ui.view.metres_per_pixel,
                  geo::epsg_code(b.municipalities.crs), ui.draw_stats.level, ui.frame_ms);
    ImGui::SameLine(io.DisplaySize.x - ImGui::CalcTextSize(right).x - 12);
    ImGui::TextDisabled("%s", right);
    ImGui::End();
}

}  // namespace mirador
