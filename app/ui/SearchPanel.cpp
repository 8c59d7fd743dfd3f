#include <imgui.h>

#include <algorithm>
#include <cstring>
#include <string>

#include "ui/Panels.hpp"

namespace mirador {

void draw_search_box(UiState& ui, const PanelData& data) {
    if (ui.focus_search) {
        ImGui::SetKeyboardFocusHere();
        ui.focus_search = false;
    }
    ImGui::SetNextItemWidth(-1);
    // Enter ends the edit and reports it (EnterReturnsTrue); typing is noticed by comparing the
    // text, since with that flag InputText no longer reports each change.
    const std::string before = ui.search_text;
    const bool enter = ImGui::InputTextWithHint("##search", "Search a state or municipality (Ctrl+F)", ui.search_text,
                                                sizeof ui.search_text, ImGuiInputTextFlags_EnterReturnsTrue);
    const bool active = ImGui::IsItemActive();
    const bool changed = before != ui.search_text;
    if (changed) {
        ui.search_hits = data.search.find(ui.search_text, 10);
        ui.search_cursor = 0;
    }
    if (ui.search_text[0] && !ui.search_hits.empty()) {
        if (active && ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_DownArrow)))
            ui.search_cursor = std::min<int>(ui.search_cursor + 1, static_cast<int>(ui.search_hits.size()) - 1);
        if (active && ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_UpArrow)))
            ui.search_cursor = std::max(ui.search_cursor - 1, 0);
        for (int i = 0; i < static_cast<int>(ui.search_hits.size()); ++i) {
            const auto& h = ui.search_hits[static_cast<std::size_t>(i)];
            const std::string label = h.label + (h.kind == geo::PlaceHit::Kind::State ? "  (state)" : "  " + h.code);
            // Enter flies to the highlighted match (the first, unless the arrows moved it).
            if (ImGui::Selectable(label.c_str(), i == ui.search_cursor) || (enter && i == ui.search_cursor)) {
                select_search_hit(ui, data.boundaries, h);
                ui.search_hits.clear();
                break;
            }
        }
    } else if (ui.search_text[0] && (changed || enter)) {
        ImGui::TextDisabled("No state or municipality matches");
    }
}

}  // namespace mirador
