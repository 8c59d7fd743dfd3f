#include "ui/ExportSizeControls.hpp"

#include <imgui.h>

#include <algorithm>

#include "ui/Style.hpp"

namespace mirador {

geo::Result<ExportSize> draw_export_size(ExportChoice& choice, int& preset, int max_side) {
    ImGui::TextUnformatted("Size");
    ImGui::SetNextItemWidth(em(16));
    if (ImGui::BeginCombo("##preset", to_string(choice.preset))) {
        for (int k = 0; k < kExportPresetCount; ++k)
            if (ImGui::Selectable(to_string(static_cast<ExportPreset>(k)), k == preset)) preset = k;
        ImGui::EndCombo();
    }
    if (is_paper(choice.preset)) {
        int dpi = choice.paper_dpi, o = static_cast<int>(choice.orientation);
        ImGui::RadioButton("150 dpi", &dpi, 150);
        ImGui::SameLine();
        ImGui::RadioButton("300 dpi", &dpi, 300);
        ImGui::SameLine(0, em(1.5f));
        ImGui::RadioButton("Landscape", &o, static_cast<int>(PaperOrientation::Landscape));
        ImGui::SameLine();
        ImGui::RadioButton("Portrait", &o, static_cast<int>(PaperOrientation::Portrait));
        choice.paper_dpi = dpi;
        choice.orientation = static_cast<PaperOrientation>(o);
    }
    if (choice.preset == ExportPreset::Custom) {
        ImGui::SetNextItemWidth(em(5));
        ImGui::InputInt("x##w", &choice.custom_width, 0);
        ImGui::SameLine();
        ImGui::SetNextItemWidth(em(5));
        ImGui::InputInt("px at##h", &choice.custom_height, 0);
        ImGui::SameLine();
        ImGui::SetNextItemWidth(em(4));
        ImGui::InputDouble("dpi (0: none stored)", &choice.custom_dpi, 0, 0, "%g");
    }
    auto size = checked_export_size(choice, max_side);
    if (size) ImGui::TextDisabled("%s; the view's extent, fitted to this shape", describe(*size).c_str());
    else ImGui::TextColored(kErrorInk, "%s", size.error().c_str());
    return size;
}

void step_preset_with_arrows(int& preset) {
    if (!ImGui::IsItemActive()) return;
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_DownArrow))) preset = std::min(preset + 1, kExportPresetCount - 1);
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_UpArrow))) preset = std::max(preset - 1, 0);
}

}  // namespace mirador
