// While an incident file loads off the UI thread, a bar at the bottom of the map area says what
// is loading and how far it has come; the map and the panels above it keep working.
#include <imgui.h>

#include <algorithm>
#include <filesystem>
#include <string>

#include "ui/Panels.hpp"
#include "ui/Style.hpp"

namespace mirador {

void draw_load_progress(const UiState& ui, const std::string& label, float fraction, const char* stage) {
    // In the map area's bottom right corner: the sea south of Chiapas in the view of all of
    // Mexico, and clear of the legends, which start at the bottom left.
    const ImGuiIO& io = ImGui::GetIO();
    const float map_width = io.DisplaySize.x - ui.area.left - ui.area.right;
    ImGui::SetNextWindowPos(ImVec2(io.DisplaySize.x - ui.area.right - em(0.5f), io.DisplaySize.y - ui.area.bottom - em(0.5f)),
                            ImGuiCond_Always, ImVec2(1.0f, 1.0f));
    ImGui::SetNextWindowSize(ImVec2(std::min(em(18), map_width - em(1)), 0), ImGuiCond_Always);
    ImGui::SetNextWindowBgAlpha(0.95f);
    ImGui::Begin("##loading", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                     ImGuiWindowFlags_NoFocusOnAppearing | ImGuiWindowFlags_AlwaysAutoResize |
                     ImGuiWindowFlags_NoInputs);
    const std::string name = std::filesystem::path(label).filename().string();
    ImGui::Text("Loading %s…", name.c_str());
    ImGui::ProgressBar(fraction, ImVec2(-1, 0), stage);
    ImGui::End();
}

}  // namespace mirador
