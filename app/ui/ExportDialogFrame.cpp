#include "ui/ExportDialogFrame.hpp"

#include <imgui.h>
#include <imgui_stdlib.h>

#include "ui/ExportSizeControls.hpp"
#include "ui/Style.hpp"

namespace mirador {

bool begin_export_dialog(const char* id, ExportDialogState& s) {
    if (!s.open) return false;
    if (!s.popup_opened) {
        ImGui::OpenPopup(id);
        s.popup_opened = true;
    }
    const ImGuiIO& io = ImGui::GetIO();
    ImGui::SetNextWindowPos(ImVec2(io.DisplaySize.x * 0.5f, io.DisplaySize.y * 0.5f), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    return ImGui::BeginPopupModal(id, &s.open, ImGuiWindowFlags_AlwaysAutoResize);
}

bool export_path_box(const char* id, std::string& path, ExportDialogState& s, int& preset) {
    if (s.focus_path) {
        ImGui::SetKeyboardFocusHere();
        s.focus_path = false;
    }
    ImGui::SetNextItemWidth(em(26));
    const bool enter = ImGui::InputText(id, &path, ImGuiInputTextFlags_EnterReturnsTrue);
    step_preset_with_arrows(preset);
    return enter;
}

bool export_buttons(ExportDialogState& s, bool ready, bool enter, bool escape_taken) {
    ImGui::Spacing();
    ImGui::BeginDisabled(!ready);
    const bool go = (ImGui::Button("Export") || enter) && ready;
    ImGui::EndDisabled();
    ImGui::SameLine();
    if (ImGui::Button("Cancel") || (!escape_taken && ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape)))) s.open = false;
    if (go) s.open = false;
    if (!s.open) ImGui::CloseCurrentPopup();
    return go;
}

void dialog_error(const std::string& text) { ImGui::TextColored(kErrorInk, "%s", text.c_str()); }

void dialog_warning(const std::string& text) { ImGui::TextColored(kWarningInk, "%s", text.c_str()); }

}  // namespace mirador
