#include <imgui.h>

#include <algorithm>

#include "ui/Panels.hpp"

namespace mirador {

void fly_to(UiState& ui, const geo::BBox& box) {
    ui.fly.active = true;
    ui.fly.t = 0;
    ui.fly.from = ui.view;
    ui.fly.to = ui.view;
    ui.fly.to.fit(box, 0.15);
}

void select_search_hit(UiState& ui, const geo::Boundaries& b, const geo::PlaceHit& hit) {
    if (hit.kind == geo::PlaceHit::Kind::Municipality) {
        ui.selected = static_cast<long>(hit.index);
        fly_to(ui, b.municipalities.feature_bbox[hit.index]);
    } else {
        ui.selected = -1;
        fly_to(ui, b.states[hit.index].bbox);
    }
    ui.show_details = true;
}

void draw_search_panel(UiState& ui, const geo::Boundaries& b, const geo::PlaceSearch& search) {
    const float pad = 10.0f;
    ImGui::SetNextWindowPos(ImVec2(pad, pad), ImGuiCond_Always);
    ImGui::SetNextWindowSize(ImVec2(340, 0), ImGuiCond_Always);
    ImGui::SetNextWindowBgAlpha(0.92f);
    const ImGuiWindowFlags flags = ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoMove |
                                   ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoSavedSettings;
    if (!ImGui::Begin("Search", nullptr, flags)) {
        ImGui::End();
        return;
    }
    if (ui.focus_search) {
        ImGui::SetKeyboardFocusHere();
        ui.focus_search = false;
    }
    ImGui::SetNextItemWidth(-1);
    const bool changed = ImGui::InputTextWithHint("##search", "Search a state or municipality (Ctrl+F)", ui.search_text,
                                                  sizeof ui.search_text);
    const bool active = ImGui::IsItemActive();
    if (changed) {
        ui.search_hits = search.find(ui.search_text, 10);
        ui.search_cursor = 0;
    }
    if (ui.search_text[0] && !ui.search_hits.empty()) {
        if (active && ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_DownArrow)))
            ui.search_cursor = std::min<int>(ui.search_cursor + 1, static_cast<int>(ui.search_hits.size()) - 1);
        if (active && ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_UpArrow)))
            ui.search_cursor = std::max(ui.search_cursor - 1, 0);
        const bool enter = active && ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Enter));
        for (int i = 0; i < static_cast<int>(ui.search_hits.size()); ++i) {
            const auto& h = ui.search_hits[static_cast<std::size_t>(i)];
            const std::string label = h.label + (h.kind == geo::PlaceHit::Kind::State ? "  (state)" : "  " + h.code);
            if (ImGui::Selectable(label.c_str(), i == ui.search_cursor) || (enter && i == ui.search_cursor)) {
                select_search_hit(ui, b, h);
                ui.search_hits.clear();
                break;
            }
        }
    } else if (ui.search_text[0] && changed) {
        ImGui::TextDisabled("No state or municipality matches");
    }
    ImGui::End();
}

}  // namespace mirador
