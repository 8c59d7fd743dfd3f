// The Hotspots panel (statistic, value, neighbours, permutations, p-value rule, correction,
// alpha) and the selected municipality's hot spot facts in the details panel.
#include <imgui.h>

#include <cmath>
#include <cstdio>

#include "scene/HotspotLayer.hpp"
#include "scene/MapScene.hpp"
#include "ui/Panels.hpp"

namespace mirador {

namespace {

template <typename E>
bool combo(const char* label, E& value, std::initializer_list<const char*> names) {
    int v = static_cast<int>(value);
    const std::vector<const char*> items(names);
    if (!ImGui::Combo(label, &v, items.data(), static_cast<int>(items.size()))) return false;
    value = static_cast<E>(v);
    return true;
}

}  // namespace

void draw_hotspots_panel(UiState& ui, HotspotLayer& layer, MapScene& scene) {
    const ImGuiIO& io = ImGui::GetIO();
    ImGui::SetNextWindowPos(ImVec2(io.DisplaySize.x - 10, io.DisplaySize.y * 0.45f), ImGuiCond_FirstUseEver, ImVec2(1, 0));
    ImGui::SetNextWindowSize(ImVec2(330, 0), ImGuiCond_FirstUseEver);
    ImGui::SetNextWindowCollapsed(true, ImGuiCond_FirstUseEver);
    ImGui::SetNextWindowBgAlpha(0.94f);
    if (!ImGui::Begin("Hotspots", nullptr, ImGuiWindowFlags_NoSavedSettings)) {
        ImGui::End();
        return;
    }
    HotspotSettings& s = ui.hotspots;
    const bool was_shown = s.show;
    ImGui::Checkbox("Show hot spots (fill)", &s.show);
    if (was_shown && !s.show) scene.set_hotspots(nullptr);
    ImGui::PushItemWidth(170);
    combo("Map", s.map, {"Gi* hot/cold spots", "LISA clusters", "Emerging hot spots"});
    if (s.map != HotspotMapKind::Emerging)
        combo("Value", s.value, {"count", "fatalities", "rate per 100,000", "EB rate per 100,000"});
    ImGui::Combo("Neighbours", &s.neighbours, "queen\0rook\0k nearest\0");
    if (s.neighbours == 2) ImGui::SliderInt("k", &s.knn_k, 1, 30);
    if (s.map == HotspotMapKind::Emerging) {
        ImGui::Combo("Period", &s.step, "month\0quarter\0year\0");
        ImGui::SliderInt("Time lags", &s.time_lags, 0, 6);
    } else {
        ImGui::SliderInt("Permutations", &s.permutations, 99, 9999, "%d", ImGuiSliderFlags_Logarithmic);
        combo("p-value", s.p_rule, {"folded (GeoDa, PySAL)", "two-sided"});
        combo("Correction", s.correction, {"none", "Bonferroni", "FDR (Benjamini-Hochberg)"});
    }
    ImGui::SliderFloat("alpha", &s.alpha, 0.001f, 0.1f, "%.3f", ImGuiSliderFlags_Logarithmic);
    ImGui::PopItemWidth();
    ImGui::Separator();
    if (layer.busy()) ImGui::TextDisabled("computing...");
    if (const HotspotOutcome* o = layer.outcome(); o && s.show) {
        if (!o->error.empty()) ImGui::TextWrapped("%s", o->error.c_str());
        else ImGui::TextWrapped("%s", o->summary.c_str());
        ImGui::TextDisabled("Incidents passing the filters%s; click a municipality for its values.",
                            s.map == HotspotMapKind::Emerging ? ", all time" : ", in the time window");
    }
    ImGui::End();
}

void draw_hotspot_details(const UiState& ui, const HotspotLayer& layer) {
    const HotspotOutcome* o = layer.outcome();
    if (ui.selected < 0 || !ui.show_details || !ui.hotspots.show || !o || !o->error.empty()) return;
    const auto i = static_cast<std::size_t>(ui.selected);
    // Appends to the details panel ("Municipality", drawn earlier this frame).
    if (!ImGui::Begin("Municipality")) {
        ImGui::End();
        return;
    }
    ImGui::Separator();
    if (o->settings.map == HotspotMapKind::Emerging) {
        if (i >= o->emerging.units.size()) return ImGui::End();
        const auto& u = o->emerging.units[i];
        ImGui::Text("Emerging: %s", stats::emerging_category_name(u.category));
        ImGui::TextDisabled("hot %u, cold %u of %zu periods; trend tau %.3f (p %.3g)", u.hot_periods, u.cold_periods,
                            o->period_labels.size(), u.trend.tau, u.trend.p);
        std::vector<float> z;
        const std::size_t n = o->emerging.units.size();
        for (std::size_t t = 0; t < o->period_labels.size(); ++t) z.push_back(static_cast<float>(o->emerging.z[t * n + i]));
        const std::string caption = "Gi* z, " + o->period_labels.front() + " to " + o->period_labels.back();
        ImGui::PlotLines("##z", z.data(), static_cast<int>(z.size()), 0, caption.c_str(), -4.0f, 8.0f, ImVec2(290, 80));
        ImGui::End();
        return;
    }
    const auto& r = o->result;
    if (i >= r.value.size()) return ImGui::End();
    ImGui::Text("%s: %.4g", stats::hotspot_value_name(o->settings.value), r.value[i]);
    ImGui::Text("Gi* z %.3f, p %.4f, p_sim %.4f", r.gistar_z[i], r.gistar_p[i], r.gistar_p_sim[i]);
    ImGui::Text("Class: %s", stats::hotspot_class_name(r.gistar_class[i]).c_str());
    ImGui::Text("Local Moran I %.4f, z %.3f, p_sim %.4f", r.lisa_Ii[i], r.lisa_z[i], r.lisa_p_sim[i]);
    ImGui::Text("Cluster: %s", stats::lisa_cluster_name(r.lisa_cluster[i]));
    ImGui::TextDisabled("%u neighbours (outlined in blue)", r.n_neighbours[i]);
    ImGui::End();
}

}  // namespace mirador
