#include <imgui.h>

#include <cmath>
#include <cstdio>
#include <string>

#include "mirador/geo/IncidentDate.hpp"
#include "mirador/geo/Text.hpp"
#include "scene/MapScene.hpp"
#include "ui/Panels.hpp"

namespace mirador {

void draw_incident_filters_panel(UiState& ui, IncidentLayer& inc, MapScene& scene, const geo::Boundaries& b,
                                 const geo::PopulationTable* population) {
    // Below the Layers panel, whose height is known once it has been laid out (a frame or two).
    ImGui::SetNextWindowPos(ImVec2(10, ui.layers_panel_bottom + 8),
                            ImGui::GetFrameCount() < 3 ? ImGuiCond_Always : ImGuiCond_FirstUseEver);
    ImGui::SetNextWindowBgAlpha(0.92f);
    if (!ImGui::Begin("Filters", nullptr, ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoSavedSettings)) {
        ImGui::End();
        return;
    }
    bool changed = false;
    std::string current = ui.filter_category < 0 ? "All categories"
                                                 : std::string(geo::category_name(static_cast<geo::IncidentCategory>(ui.filter_category)));
    ImGui::SetNextItemWidth(220);
    if (ImGui::BeginCombo("Category", current.c_str())) {
        if (ImGui::Selectable("All categories", ui.filter_category < 0)) ui.filter_category = -1, changed = true;
        for (int c = 0; c < geo::kIncidentCategoryCount; ++c) {
            const std::string name(geo::category_name(static_cast<geo::IncidentCategory>(c)));
            if (ImGui::Selectable(name.c_str(), ui.filter_category == c)) ui.filter_category = c, changed = true;
        }
        ImGui::EndCombo();
    }
    ImGui::SetNextItemWidth(220);
    changed |= ImGui::InputTextWithHint("Actor", "e.g. Sinaloa Cartel", ui.filter_actor, sizeof ui.filter_actor);
    ImGui::SetNextItemWidth(220);
    changed |= ImGui::SliderInt("Min. fatalities", &ui.filter_min_fatalities, 0, 50);
    ImGui::SetNextItemWidth(220);
    changed |= ImGui::InputTextWithHint("Text", "place, notes, source ...", ui.filter_text, sizeof ui.filter_text);
    if (changed) {
        auto& f = inc.filters;
        f.filter.category = ui.filter_category < 0 ? std::nullopt
                                                   : std::optional(static_cast<geo::IncidentCategory>(ui.filter_category));
        f.filter.actor = geo::fold_for_search(ui.filter_actor);
        f.filter.min_fatalities = static_cast<std::uint32_t>(std::max(0, ui.filter_min_fatalities));
        f.text = geo::fold_for_search(ui.filter_text);
        inc.apply_filters(b, population);
        scene.incidents_changed();
        if (ui.selected_incident >= 0 && !inc.shown(static_cast<std::size_t>(ui.selected_incident))) ui.selected_incident = -1;
    }
    ImGui::Text("%zu of %zu incidents shown%s", inc.visible_count, inc.store.size(),
                inc.time_window ? " in the time window" : "");
    ImGui::End();
}

void draw_ranking_panel(UiState& ui, const IncidentLayer& inc, const geo::Boundaries& b) {
    if (!ui.show_ranking) return;
    const ImGuiIO& io = ImGui::GetIO();
    ImGui::SetNextWindowPos(ImVec2(io.DisplaySize.x - 10, io.DisplaySize.y - 40 - time_slider_height()),
                            ImGuiCond_FirstUseEver, ImVec2(1, 1));
    ImGui::SetNextWindowSize(ImVec2(430, 260), ImGuiCond_FirstUseEver);
    ImGui::SetNextWindowBgAlpha(0.94f);
    if (!ImGui::Begin("Ranking", &ui.show_ranking, ImGuiWindowFlags_NoSavedSettings)) {
        ImGui::End();
        return;
    }
    // Municipalities ranked, with the incidents known only to a state (or to Mexico) in rows of
    // their own among them: in greys, unranked, never credited to the municipality that holds
    // their stand-in point.
    const auto rows = geo::aggregation_rows(inc.by_municipality);
    if (ImGui::BeginTable("rank", 5, ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY | ImGuiTableFlags_SizingStretchProp)) {
        ImGui::TableSetupScrollFreeze(0, 1);
        ImGui::TableSetupColumn("#");
        ImGui::TableSetupColumn("Municipality");
        ImGui::TableSetupColumn("Incidents");
        ImGui::TableSetupColumn("Deaths");
        ImGui::TableSetupColumn("per 100k");
        ImGui::TableHeadersRow();
        std::size_t rank = 0;
        for (std::size_t r = 0; r < rows.size() && r < 500; ++r) {
            const auto& u = *rows[r].count;
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            if (rows[r].kind != geo::AggregationRow::Kind::Unit) {
                ImGui::TextDisabled("-");
                ImGui::TableNextColumn();
                if (rows[r].kind == geo::AggregationRow::Kind::StateLevel)
                    ImGui::TextDisabled("%s: state-level, not placed", b.states[u.unit].short_name.c_str());
                else
                    ImGui::TextDisabled("Mexico: country-level, not placed");
                ImGui::TableNextColumn();
                ImGui::TextDisabled("%llu", static_cast<unsigned long long>(u.incidents));
                ImGui::TableNextColumn();
                ImGui::TextDisabled("%llu", static_cast<unsigned long long>(u.fatalities));
                ImGui::TableNextColumn();
                ImGui::TextDisabled("-");
                continue;
            }
            const auto& a = b.municipalities.attributes[u.unit];
            const geo::StateInfo* s = b.state_of(u.unit);
            ImGui::Text("%zu", ++rank);
            ImGui::TableNextColumn();
            const std::string label = a.name + ", " + (s ? s->short_name : "") + "##" + a.code;
            if (ImGui::Selectable(label.c_str(), ui.selected == static_cast<long>(u.unit), ImGuiSelectableFlags_SpanAllColumns)) {
                ui.selected = static_cast<long>(u.unit);
                ui.show_details = true;
                fly_to(ui, b.municipalities.feature_bbox[u.unit]);
            }
            ImGui::TableNextColumn();
            ImGui::Text("%llu", static_cast<unsigned long long>(u.incidents));
            ImGui::TableNextColumn();
            ImGui::Text("%llu", static_cast<unsigned long long>(u.fatalities));
            ImGui::TableNextColumn();
            if (u.rate_per_100k) ImGui::Text("%.2f", *u.rate_per_100k);
            else ImGui::TextDisabled("-");
        }
        ImGui::EndTable();
    }
    ImGui::End();
}

namespace {

void incident_lines(const IncidentLayer& inc, std::size_t i, const geo::Boundaries& b) {
    const auto& s = inc.store;
    ImGui::Text("%s  %s", geo::format_incident_date(s.date(i)).c_str(), std::string(s.place(i)).c_str());
    if (const std::string note = inc.stand_in_note(i, b); !note.empty()) ImGui::TextDisabled("%s", note.c_str());
    ImGui::TextDisabled("%s", std::string(geo::category_name(s.category()[i])).c_str());
    const auto f = s.fatalities(i), inj = s.injured(i);
    ImGui::Text("Fatalities: %s   Injured: %s", f ? std::to_string(*f).c_str() : "not given",
                inj ? std::to_string(*inj).c_str() : "not given");
    const std::string source(s.source(i));
    if (!source.empty()) ImGui::TextWrapped("Source: %s", source.c_str());
}

}  // namespace

void draw_incident_tooltip(const UiState& ui, const IncidentLayer& inc, const geo::Boundaries& b) {
    if (ui.hovered_incident < 0 || ImGui::GetIO().WantCaptureMouse) return;
    ImGui::SetNextWindowSizeConstraints(ImVec2(0, 0), ImVec2(420, 520));
    ImGui::BeginTooltip();
    ImGui::PushTextWrapPos(400);
    const auto here = inc.shown_at(static_cast<std::size_t>(ui.hovered_incident));
    if (here.size() <= 1) {
        incident_lines(inc, static_cast<std::size_t>(ui.hovered_incident), b);
    } else {
        // A stack: how many, what the position stands for, then the first few.
        std::uint64_t deaths = 0;
        for (const std::uint32_t k : here) deaths += inc.store.fatalities(k).value_or(0);
        ImGui::Text("%zu incidents at this point, %llu fatalities", here.size(), static_cast<unsigned long long>(deaths));
        if (const std::string note = inc.stand_in_note(here.front(), b); !note.empty()) ImGui::TextDisabled("%s", note.c_str());
        constexpr std::size_t kListed = 8;
        for (std::size_t n = 0; n < here.size() && n < kListed; ++n) {
            const std::size_t k = here[n];
            const auto f = inc.store.fatalities(k);
            ImGui::BulletText("%s  %s  %s", geo::format_incident_date(inc.store.date(k)).c_str(),
                              std::string(geo::category_name(inc.store.category()[k])).c_str(),
                              f ? (std::to_string(*f) + " dead").c_str() : "deaths not given");
        }
        if (here.size() > kListed) ImGui::TextDisabled("... and %zu more (click for the first)", here.size() - kListed);
    }
    ImGui::PopTextWrapPos();
    ImGui::EndTooltip();
}

void draw_incident_details(UiState& ui, const IncidentLayer& inc, const geo::Boundaries& b) {
    if (ui.selected_incident < 0) return;
    const auto i = static_cast<std::size_t>(ui.selected_incident);
    const ImGuiIO& io = ImGui::GetIO();
    ImGui::SetNextWindowPos(ImVec2(io.DisplaySize.x - 340, 260), ImGuiCond_FirstUseEver);
    ImGui::SetNextWindowSize(ImVec2(330, 0), ImGuiCond_Always);
    ImGui::SetNextWindowBgAlpha(0.94f);
    bool open = true;
    if (!ImGui::Begin("Incident", &open, ImGuiWindowFlags_NoSavedSettings)) {
        ImGui::End();
        return;
    }
    const auto& s = inc.store;
    ImGui::TextWrapped("%s", std::string(s.id(i)).c_str());
    incident_lines(inc, i, b);
    if (s.actor_count(i)) {
        std::string actors;
        for (std::size_t k = 0; k < s.actor_count(i); ++k) actors += (k ? "; " : "") + std::string(s.actor(i, k));
        ImGui::TextWrapped("Actors: %s", actors.c_str());
    }
    if (const long m = inc.placed.municipality(i, s); m >= 0)
        ImGui::Text("In %s (%s), %s precision", b.municipalities.attributes[static_cast<std::size_t>(m)].name.c_str(),
                    b.municipalities.attributes[static_cast<std::size_t>(m)].code.c_str(),
                    geo::to_string(inc.placed.precision(i)));
    else if (inc.placed.state_level(i))
        ImGui::Text("In %s: state-level, not placed in a municipality",
                    b.states[static_cast<std::size_t>(inc.placed.state(i))].name.c_str());
    else if (inc.placed.country_level(i))
        ImGui::Text("In Mexico: country-level, not placed in a state");
    const std::string notes(s.notes(i));
    if (!notes.empty()) ImGui::TextWrapped("Notes: %s", notes.c_str());
    ImGui::End();
    if (!open) ui.selected_incident = -1;
}

}  // namespace mirador
