// The Hot spots section (statistic, value, neighbours, permutations, p-value rule, correction,
// alpha: the hot spot layer's style in the document) and the selected municipality's hot spot
// facts in the details.
#include <imgui.h>

#include <cmath>
#include <cstdio>

#include "scene/CountLayer.hpp"
#include "scene/HotspotLayer.hpp"
#include "scene/MapScene.hpp"
#include "ui/NumberControls.hpp"
#include "ui/Panels.hpp"
#include "ui/Style.hpp"

namespace mirador {

namespace {

template <typename E>
void combo(const char* label, E& value, std::initializer_list<const char*> names) {
    int v = static_cast<int>(value);
    const std::vector<const char*> items(names);
    ImGui::SetNextItemWidth(control_width());
    if (ImGui::Combo(label, &v, items.data(), static_cast<int>(items.size()))) value = static_cast<E>(v);
}

}  // namespace

void draw_hotspots_section(doc::MapDocument& d, const PanelData& data) {
    doc::Layer* layer = d.find(doc::LayerKind::Hotspots);
    if (!layer) return;
    doc::HotspotStyle& s = d.style_of<doc::HotspotStyle>();
    if (data.table && data.table->by_state_only()) {
        ImGui::TextWrapped("The window's hot spots are per municipality; this table counts states. "
                           "From the command line: mirador hotspots --by state --counts %s", data.table->source.c_str());
        return;
    }
    ImGui::Checkbox("Show hot spots (as the fill)", &layer->visible);
    combo("Map", s.map, {"Gi* hot/cold spots", "LISA clusters", "Emerging hot spots"});
    if (s.map != doc::HotspotMapKind::Emerging)
        combo("Value", s.value, {"count", "fatalities", "rate per 100,000", "EB rate per 100,000"});
    combo("Neighbours", s.neighbours, {"queen", "rook", "k nearest"});
    if (s.neighbours == doc::NeighbourRule::Knn) number_slider("k", s.knn_k, limits::kNeighbours, 1, 30);
    if (s.map == doc::HotspotMapKind::Emerging) {
        combo("Period", s.period, {"month", "quarter", "year"});
        number_slider("Time lags", s.time_lags, limits::kTimeLags, 0, 6);
    } else {
        number_slider("Permutations", s.permutations, limits::kPermutations, 99, 9999, "%d", ImGuiSliderFlags_Logarithmic);
        combo("p-value", s.p_rule, {"folded (GeoDa, PySAL)", "two-sided"});
        combo("Correction", s.correction, {"none", "Bonferroni", "FDR (Benjamini-Hochberg)"});
    }
    number_slider("alpha", s.alpha, limits::kSignificance, 0.001, 0.1, "%.3f", ImGuiSliderFlags_Logarithmic);
    if (!data.hotspots) return;
    if (data.hotspots->busy()) ImGui::TextDisabled("computing...");
    if (const HotspotOutcome* o = data.hotspots->outcome(); o && layer->visible) {
        if (!o->error.empty()) ImGui::TextWrapped("%s", o->error.c_str());
        else ImGui::TextWrapped("%s", o->summary.c_str());
        ImGui::TextDisabled("%s passing the filters%s; click a municipality for its values.",
                            data.table ? "The table's counts" : "Incidents",
                            s.map == doc::HotspotMapKind::Emerging ? ", all time" : ", in the time window");
    }
}

void draw_hotspot_details(const doc::MapDocument& d, const UiState& ui, const PanelData& data) {
    const doc::Layer* layer = d.find(doc::LayerKind::Hotspots);
    const HotspotOutcome* o = data.hotspots ? data.hotspots->outcome() : nullptr;
    if (ui.selected < 0 || !layer || !layer->visible || !o || !o->error.empty()) return;
    const auto i = static_cast<std::size_t>(ui.selected);
    ImGui::TextDisabled("Hot spots");
    if (o->settings.map == doc::HotspotMapKind::Emerging) {
        if (i >= o->emerging.units.size()) return;
        const auto& u = o->emerging.units[i];
        ImGui::Text("Emerging: %s", stats::emerging_category_name(u.category));
        ImGui::TextDisabled("hot %u, cold %u of %zu periods; trend tau %.3f (p %.3g)", u.hot_periods, u.cold_periods,
                            o->period_labels.size(), u.trend.tau, u.trend.p);
        std::vector<float> z;
        const std::size_t n = o->emerging.units.size();
        for (std::size_t t = 0; t < o->period_labels.size(); ++t) z.push_back(static_cast<float>(o->emerging.z[t * n + i]));
        const std::string caption = "Gi* z, " + o->period_labels.front() + " to " + o->period_labels.back();
        ImGui::PlotLines("##z", z.data(), static_cast<int>(z.size()), 0, caption.c_str(), -4.0f, 8.0f, ImVec2(-1, em(5)));
        return;
    }
    const auto& r = o->result;
    if (i >= r.value.size()) return;
    ImGui::Text("%s: %.4g", stats::hotspot_value_name(o->settings.value), r.value[i]);
    ImGui::Text("Gi* z %.3f, p %.4f, p_sim %.4f", r.gistar_z[i], r.gistar_p[i], r.gistar_p_sim[i]);
    ImGui::Text("Class: %s", stats::hotspot_class_name(r.gistar_class[i]).c_str());
    ImGui::Text("Local Moran I %.4f, z %.3f, p_sim %.4f", r.lisa_Ii[i], r.lisa_z[i], r.lisa_p_sim[i]);
    ImGui::Text("Cluster: %s", stats::lisa_cluster_name(r.lisa_cluster[i]));
    ImGui::TextDisabled("%u neighbours (outlined in blue)", r.n_neighbours[i]);
    ImGui::Separator();
}

}  // namespace mirador
