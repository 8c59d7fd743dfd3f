#include <imgui.h>

#include "scene/MapScene.hpp"
#include "ui/Panels.hpp"

namespace mirador {

void draw_layers_panel(UiState& ui, MapScene& scene, bool have_incidents) {
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
    if (have_incidents) {
        ImGui::Separator();
        ImGui::Checkbox("Incident points", &ui.show_points);
        bool changed = false;
        static const char* measures[] = {"Fill by state (no choropleth)", "Incidents", "Fatalities",
                                         "Incidents per 100,000"};
        int m = static_cast<int>(ui.choropleth.measure);
        ImGui::SetNextItemWidth(220);
        changed |= ImGui::Combo("Choropleth", &m, measures, 4);
        ui.choropleth.measure = static_cast<ChoroplethMeasure>(m);
        if (ui.choropleth.measure != ChoroplethMeasure::None) {
            static const char* methods[] = {"Quantiles", "Equal interval", "Natural breaks"};
            int k = static_cast<int>(ui.choropleth.method);
            ImGui::SetNextItemWidth(220);
            changed |= ImGui::Combo("Classes by", &k, methods, 3);
            ui.choropleth.method = static_cast<geo::ClassMethod>(k);
            ImGui::SetNextItemWidth(220);
            changed |= ImGui::SliderInt("Classes", &ui.choropleth.classes, 2, 9);
            changed |= ImGui::Checkbox("Per state", &ui.choropleth.by_state);
        }
        if (changed) scene.set_choropleth(ui.choropleth);
        ImGui::Checkbox("Ranking table", &ui.show_ranking);
    }
    ImGui::End();
}

}  // namespace mirador
