#include <imgui.h>

#include "ui/Panels.hpp"

namespace mirador {

void draw_layers_panel(UiState& ui) {
    ImGui::SetNextWindowPos(ImVec2(10, 70), ImGuiCond_FirstUseEver);
    ImGui::SetNextWindowBgAlpha(0.92f);
    if (!ImGui::Begin("Layers", nullptr, ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoSavedSettings)) {
        ImGui::End();
        return;
    }
    ImGui::Checkbox("Municipal fill", &ui.show_fill);
    if (ui.show_fill) {
        ImGui::SameLine();
        ImGui::SetNextItemWidth(110);
        ImGui::SliderFloat("##opacity", &ui.fill_opacity, 0.0f, 1.0f, "opacity %.2f");
    }
    ImGui::Checkbox("Municipal borders", &ui.show_municipal_borders);
    ImGui::Checkbox("State borders", &ui.show_state_borders);
    ImGui::Checkbox("State names", &ui.show_state_labels);
    ImGui::Checkbox("Municipal names (zoomed in)", &ui.show_municipality_labels);
    ImGui::End();
}

}  // namespace mirador
