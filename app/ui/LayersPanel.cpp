#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <utility>

#include "scene/MapScene.hpp"
#include "ui/Panels.hpp"

namespace mirador {

namespace {

// One row per layer, top of the map first (as layer lists read): visibility, opacity and
// arrows that move the layer up or down the drawing order.
void draw_layer_rows(UiState& ui, bool have_incidents) {
    auto& order = ui.layer_order;
    for (int row = kMapLayerCount - 1; row >= 0; --row) {
        const MapLayer layer = order[static_cast<std::size_t>(row)];
        if (!have_incidents && (layer == MapLayer::Heatmap || layer == MapLayer::Points)) continue;
        ImGui::PushID(row);
        bool* visible = nullptr;
        float* opacity = nullptr;
        const char* name = "";
        bool borders = ui.show_municipal_borders || ui.show_state_borders;
        switch (layer) {
            case MapLayer::Fill: visible = &ui.show_fill, opacity = &ui.fill_opacity, name = "Fill / choropleth"; break;
            case MapLayer::Heatmap: visible = &ui.heatmap.show, opacity = &ui.heatmap.opacity, name = "Heatmap"; break;
            case MapLayer::Borders: visible = &borders, opacity = &ui.borders_opacity, name = "Boundaries"; break;
            case MapLayer::Points: visible = &ui.show_points, opacity = &ui.points_opacity, name = "Incident points"; break;
        }
        if (ImGui::ArrowButton("up", ImGuiDir_Up) && row + 1 < kMapLayerCount)
            std::swap(order[static_cast<std::size_t>(row)], order[static_cast<std::size_t>(row + 1)]);
        ImGui::SameLine();
        if (ImGui::ArrowButton("down", ImGuiDir_Down) && row > 0)
            std::swap(order[static_cast<std::size_t>(row)], order[static_cast<std::size_t>(row - 1)]);
        ImGui::SameLine();
        if (ImGui::Checkbox(name, visible) && layer == MapLayer::Borders)
            ui.show_municipal_borders = ui.show_state_borders = borders;
        ImGui::SameLine(230);
        ImGui::SetNextItemWidth(110);
        ImGui::SliderFloat("##opacity", opacity, 0.0f, 1.0f, "opacity %.2f");
        ImGui::PopID();
    }
}

void draw_heatmap_settings(UiState& ui, const MapScene& scene) {
    HeatmapSettings& h = ui.heatmap;
    static const char* kernels[] = {"Quartic", "Epanechnikov", "Gaussian"};
    int k = static_cast<int>(h.kernel.shape);
    ImGui::SetNextItemWidth(160);
    if (ImGui::Combo("Kernel", &k, kernels, 3)) h.kernel.shape = static_cast<geo::KernelShape>(k);
    // Applied on release, not while dragging: a new radius means a new grid and a new fixed scale.
    static float editing_km = 0;
    static bool dragging = false;
    if (!dragging) editing_km = float(h.kernel.radius_m / 1000.0);
    ImGui::SetNextItemWidth(160);
    ImGui::SliderFloat("Radius (km)", &editing_km, 1.0f, 200.0f, "%.0f km", ImGuiSliderFlags_Logarithmic);
    dragging = ImGui::IsItemActive();
    if (ImGui::IsItemDeactivatedAfterEdit()) h.kernel.radius_m = std::round(editing_km) * 1000.0;
    static const char* weights[] = {"Count", "Fatalities"};
    int w = static_cast<int>(h.weight);
    ImGui::SetNextItemWidth(160);
    if (ImGui::Combo("Weight", &w, weights, 2)) h.weight = static_cast<geo::DensityWeight>(w);
    static const char* modes[] = {"Fixed (all windows)", "Domain (set below)", "Relative (this window)"};
    int m = static_cast<int>(h.normalize);
    ImGui::SetNextItemWidth(160);
    if (ImGui::Combo("Scale", &m, modes, 3)) h.normalize = static_cast<geo::NormalizeMode>(m);
    if (h.normalize == geo::NormalizeMode::Domain) {
        double v[2] = {h.domain_lo, h.domain_hi};
        ImGui::SetNextItemWidth(160);
        if (ImGui::InputScalarN("Min, max /km²", ImGuiDataType_Double, v, 2, nullptr, nullptr, "%.4g") && v[1] > v[0] &&
            v[0] >= 0)
            h.domain_lo = v[0], h.domain_hi = v[1];
    }
    static const char* ramps[] = {"viridis", "inferno", "magma", "cividis", "YlOrRd"};
    int r = static_cast<int>(h.ramp);
    ImGui::SetNextItemWidth(160);
    if (ImGui::Combo("Colours", &r, ramps, kRampCount)) h.ramp = static_cast<RampId>(r);
    ImGui::SetNextItemWidth(160);
    ImGui::SliderFloat("Transparent below", &h.threshold, 0.0f, 0.5f, "%.2f of scale");
    ImGui::Checkbox("Compute on the GPU", &h.gpu);
    const auto& t = scene.heatmap().timing();
    ImGui::TextDisabled("last update %.1f ms (%zu incidents re-binned)", t.move_ms, t.points_touched);
}

}  // namespace

void draw_layers_panel(UiState& ui, MapScene& scene, bool have_incidents) {
    ImGui::SetNextWindowPos(ImVec2(10, 70), ImGuiCond_FirstUseEver);
    ImGui::SetNextWindowBgAlpha(0.92f);
    if (!ImGui::Begin("Layers", nullptr, ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoSavedSettings)) {
        ImGui::End();
        return;
    }
    draw_layer_rows(ui, have_incidents);
    ImGui::Separator();
    ImGui::Checkbox("Municipal borders", &ui.show_municipal_borders);
    ImGui::SameLine();
    ImGui::Checkbox("State borders", &ui.show_state_borders);
    ImGui::Checkbox("State names", &ui.show_state_labels);
    ImGui::SameLine();
    ImGui::Checkbox("Municipal names (zoomed in)", &ui.show_municipality_labels);
    if (have_incidents) {
        if (ImGui::CollapsingHeader("Choropleth")) {
            bool changed = false;
            static const char* measures[] = {"Fill by state (no choropleth)", "Incidents", "Fatalities",
                                             "Incidents per 100,000"};
            int m = static_cast<int>(ui.choropleth.measure);
            ImGui::SetNextItemWidth(220);
            changed |= ImGui::Combo("Measure", &m, measures, 4);
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
        }
        if (ImGui::CollapsingHeader("Heatmap settings")) draw_heatmap_settings(ui, scene);
        ImGui::Checkbox("Ranking table", &ui.show_ranking);
    }
    ui.layers_panel_bottom = ImGui::GetWindowPos().y + ImGui::GetWindowSize().y;
    ImGui::End();
}

}  // namespace mirador
