#include <imgui.h>

#include <cmath>
#include <cstdio>
#include <string>

#include "scene/CountLayer.hpp"
#include "scene/IncidentLayer.hpp"
#include "ui/MunicipalityNumbers.hpp"
#include "ui/Panels.hpp"

namespace mirador {

namespace {

void fact(const char* key, const std::string& value) {
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::TextDisabled("%s", key);
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(value.c_str());
}

std::string thousands(std::uint64_t n) {
    std::string s = std::to_string(n);
    for (int i = static_cast<int>(s.size()) - 3; i > 0; i -= 3) s.insert(static_cast<std::size_t>(i), ",");
    return s;
}

}  // namespace

void draw_municipality_details(UiState& ui, const PanelData& data) {
    if (ui.selected < 0) return;
    const geo::Boundaries& b = data.boundaries;
    const auto f = static_cast<std::size_t>(ui.selected);
    const auto& a = b.municipalities.attributes[f];
    const geo::StateInfo* s = b.state_of(f);
    ImGui::TextWrapped("%s", a.name.c_str());
    ImGui::TextDisabled("%s", s ? s->name.c_str() : "");
    if (ImGui::BeginTable("facts", 2, ImGuiTableFlags_SizingStretchProp)) {
        fact("CVEGEO", a.code);
        char buf[96];
        std::snprintf(buf, sizeof buf, "%.1f km²", b.municipalities.feature_area(f) / 1e6);
        fact("Area", buf);
        const MunicipalityNumbers n = municipality_numbers(f, b, data.totals, data.population);
        fact("Population 2020", n.population ? thousands(static_cast<std::uint64_t>(*n.population)) : "not in the table");
        if (const IncidentLayer* inc = data.incidents) {
            // The same counts as the choropleth, the ranking and `mirador stats` for these filters
            // and this time window.
            const std::string when = inc->time_window ? " (window)" : "";
            fact(("Incidents" + when).c_str(), thousands(n.incidents));
            fact(("Fatalities" + when).c_str(), thousands(n.fatalities));
            if (n.rate_per_100k) std::snprintf(buf, sizeof buf, "%.2f", *n.rate_per_100k);
            fact("Incidents per 100k", n.rate_per_100k ? buf : "no population");
        } else if (const CountLayer* t = data.table; t && !t->by_state_only()) {
            // The table's count for its filters and this time window; NA months are missing,
            // not zero, and said apart.
            const std::string when = t->time_window ? " (window)" : "";
            fact(("Count" + when).c_str(), thousands(n.incidents));
            if (n.rate_per_100k) std::snprintf(buf, sizeof buf, "%.2f", *n.rate_per_100k);
            fact("Per 100k", n.rate_per_100k ? buf : "no population");
            if (n.missing_months) fact("Not reported (NA)", std::to_string(n.missing_months) + " months");
            const auto& never = t->never_in_table;
            const std::string key = "(" + a.code + ")";
            for (const std::string& u : never)
                if (u.size() >= key.size() && u.compare(u.size() - key.size(), key.size(), key) == 0) {
                    fact("In the table", "never (0 by its convention)");
                    break;
                }
        }
        ImGui::EndTable();
    }
    if (ImGui::Button("Zoom to")) fly_to(ui, b.municipalities.feature_bbox[f]);
    ImGui::SameLine();
    if (ImGui::Button("Clear selection")) ui.selected = -1;
    ImGui::Separator();
}

void draw_hover_tooltip(const UiState& ui, const geo::Boundaries& b) {
    if (ui.hovered < 0 || ImGui::GetIO().WantCaptureMouse) return;
    const auto f = static_cast<std::size_t>(ui.hovered);
    const geo::StateInfo* s = b.state_of(f);
    ImGui::BeginTooltip();
    ImGui::TextUnformatted(b.municipalities.attributes[f].name.c_str());
    ImGui::TextDisabled("%s  ·  %s", s ? s->name.c_str() : "", b.municipalities.attributes[f].code.c_str());
    ImGui::EndTooltip();
}

}  // namespace mirador
