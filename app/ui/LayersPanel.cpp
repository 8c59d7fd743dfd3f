// The Layers section (every layer of the document, top of the map first, with visibility,
// opacity and up/down arrows for the drawing order), and the fill's and the heatmap's styles.
#include <imgui.h>

#include "scene/CountLayer.hpp"

#include <algorithm>
#include <cmath>
#include <utility>

#include "document/EnumNames.hpp"
#include "scene/MapScene.hpp"
#include "ui/NumberControls.hpp"
#include "ui/Panels.hpp"
#include "ui/Style.hpp"

namespace mirador {

namespace {

const char* layer_title(doc::LayerKind k) {
    switch (k) {
        case doc::LayerKind::Fill: return "Fill / choropleth";
        case doc::LayerKind::Hotspots: return "Hot spots";
        case doc::LayerKind::Heatmap: return "Heatmap";
        case doc::LayerKind::Borders: return "Boundaries";
        case doc::LayerKind::Points: return "Incident points";
        case doc::LayerKind::Labels: return "Names";
    }
    return "?";
}

bool needs_incidents(doc::LayerKind k) {
    return k == doc::LayerKind::Hotspots || k == doc::LayerKind::Heatmap || k == doc::LayerKind::Points;
}

template <typename E>
void enum_combo(const char* label, E& value, std::initializer_list<const char*> names) {
    int v = static_cast<int>(value);
    const std::vector<const char*> items(names);
    ImGui::SetNextItemWidth(control_width());
    if (ImGui::Combo(label, &v, items.data(), static_cast<int>(items.size()))) value = static_cast<E>(v);
}

}  // namespace

void draw_layers_section(doc::MapDocument& d, const PanelData& data) {
    auto& layers = d.layers;
    for (int row = static_cast<int>(layers.size()) - 1; row >= 0; --row) {
        doc::Layer& l = layers[static_cast<std::size_t>(row)];
        // A count table has no positions: hot spots, but no points or heatmap.
        if (!data.incidents && needs_incidents(l.kind()) && !(data.table && l.kind() == doc::LayerKind::Hotspots)) continue;
        ImGui::PushID(row);
        if (ImGui::ArrowButton("up", ImGuiDir_Up) && row + 1 < static_cast<int>(layers.size())) {
            std::swap(layers[static_cast<std::size_t>(row)], layers[static_cast<std::size_t>(row + 1)]);
            ImGui::PopID();
            break;  // the rows moved: drawn again next frame
        }
        ImGui::SameLine();
        if (ImGui::ArrowButton("down", ImGuiDir_Down) && row > 0) {
            std::swap(layers[static_cast<std::size_t>(row)], layers[static_cast<std::size_t>(row - 1)]);
            ImGui::PopID();
            break;
        }
        ImGui::SameLine();
        ImGui::Checkbox(layer_title(l.kind()), &l.visible);
        ImGui::SameLine(em(12.5f));
        ImGui::SetNextItemWidth(-1);
        number_slider("##opacity", l.opacity, limits::kOpacity, 0, 1, "opacity %.2f");
        ImGui::PopID();
    }
    auto& borders = d.style_of<doc::BorderStyle>();
    ImGui::Checkbox("Municipal borders", &borders.municipalities);
    ImGui::SameLine();
    ImGui::Checkbox("State borders", &borders.states);
    auto& labels = d.style_of<doc::LabelStyle>();
    ImGui::Checkbox("State names", &labels.states);
    ImGui::SameLine();
    ImGui::Checkbox("Municipal names", &labels.municipalities);
    if (data.incidents) number_slider("Point size", d.style_of<doc::PointStyle>().size_px, limits::kPointSizePx, 1, 10, "%.1f px");
}

void draw_fill_section(doc::MapDocument& d, const PanelData& data) {
    doc::FillStyle& f = d.style_of<doc::FillStyle>();
    if (data.table)  // a table's one number is its count (its "fatalities" are the same count)
        enum_combo("Measure", f.measure, {"none (states' colours)", "count", "count (victims, deaths)", "count per 100,000"});
    else
        enum_combo("Measure", f.measure, {"none (states' colours)", "incidents", "fatalities", "incidents per 100,000"});
    if (f.measure == doc::ChoroplethMeasure::None) return;
    enum_combo("Classes by", f.method, {"quantiles", "equal interval", "natural breaks"});
    number_slider("Classes", f.classes, limits::kClasses, 2, 9);
    if (data.table && data.table->by_state_only()) ImGui::TextDisabled("Per state (the table counts states)");
    else ImGui::Checkbox("Per state", &f.by_state);
}

void draw_heatmap_section(doc::MapDocument& d, const PanelData& data) {
    doc::HeatmapStyle& h = d.style_of<doc::HeatmapStyle>();
    enum_combo("Kernel", h.kernel, {"quartic", "Epanechnikov", "Gaussian"});
    // Ctrl+click types any radius of the whole range; the slider shows the usual ones. A new
    // radius is a new grid and a new fixed scale: it is applied when the edit ends.
    number_slider("Radius", h.radius_km, limits::kRadiusKm, 1, 200, "%.0f km", ImGuiSliderFlags_Logarithmic,
                  /*on_release=*/true);
    enum_combo("Weight", h.weight, {"count", "fatalities"});
    enum_combo("Scale", h.normalize, {"fixed (all windows)", "domain (set below)", "relative (this window)"});
    if (h.normalize == geo::NormalizeMode::Domain) {
        number_input("Min /km²", h.domain_min, limits::kDensityPerKm2);
        number_input("Max /km²", h.domain_max, limits::kDensityPerKm2);
        if (!(h.domain_max > h.domain_min)) ImGui::TextColored(kErrorInk, "max must be above min");
    }
    enum_combo("Colours", h.ramp, {"viridis", "inferno", "magma", "cividis", "YlOrRd"});
    number_slider("Transparent below", h.threshold, limits::kThreshold, 0, 0.5f, "%.2f of scale");
    enum_combo("Engine", h.engine, {"auto", "CPU (FFT)", "GPU"});
    if (data.scene) {
        const auto& t = data.scene->heatmap().timing();
        ImGui::TextDisabled("last update %.1f ms (%zu incidents re-binned)", t.move_ms, t.points_touched);
    }
}

}  // namespace mirador
