#include <imgui.h>

#include <cstdio>

#include "ui/Panels.hpp"

namespace mirador {

void draw_details_panel(UiState& ui, const geo::Boundaries& b) {
    if (ui.selected < 0 || !ui.show_details) return;
    const auto f = static_cast<std::size_t>(ui.selected);
    const auto& a = b.municipalities.attributes[f];
    const geo::StateInfo* s = b.state_of(f);
    const ImGuiIO& io = ImGui::GetIO();
    ImGui::SetNextWindowPos(ImVec2(io.DisplaySize.x - 10, 10), ImGuiCond_Always, ImVec2(1, 0));
    ImGui::SetNextWindowSize(ImVec2(320, 0), ImGuiCond_Always);
    ImGui::SetNextWindowBgAlpha(0.94f);
    if (!ImGui::Begin("Municipality", &ui.show_details, ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoResize)) {
        ImGui::End();
        return;
    }
    ImGui::TextWrapped("%s", a.name.c_str());
    ImGui::TextDisabled("%s", s ? s->name.c_str() : "");
    ImGui::Separator();
    if (ImGui::BeginTable("facts", 2, ImGuiTableFlags_SizingStretchProp)) {
        auto row = [](const char* k, const std::string& v) {
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::TextDisabled("%s", k);
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(v.c_str());
        };
        row("CVEGEO", a.code);
        row("CVE_ENT", a.state_code);
        row("CVE_MUN", a.local_code);
        char buf[64];
        std::snprintf(buf, sizeof buf, "%.1f km²", b.municipalities.feature_area(f) / 1e6);
        row("Area", buf);
        std::snprintf(buf, sizeof buf, "%u", b.municipalities.feature_first_polygon[f + 1] - b.municipalities.feature_first_polygon[f]);
        row("Parts", buf);
        ImGui::EndTable();
    }
    if (ImGui::Button("Zoom to")) fly_to(ui, b.municipalities.feature_bbox[f]);
    ImGui::SameLine();
    if (ImGui::Button("Clear selection")) ui.selected = -1;
    ImGui::End();
}

void draw_hover_tooltip(const UiState& ui, const geo::Boundaries& b) {
    if (ui.hovered < 0 || ImGui::GetIO().WantCaptureMouse) return;
    const auto f = static_cast<std::size_t>(ui.hovered);
    const geo::StateInfo* s = b.state_of(f);
    ImGui::BeginTooltip();
    ImGui::TextUnformatted(b.municipalities.attributes[f].name.c_str());
    ImGui::TextDisabled("%s  ·  %s", s ? s->name.c_str() : "", b.municipalities.attributes[f].code.c_str());
    ImGui::EndTooltip();
}

}  // namespace mirador
