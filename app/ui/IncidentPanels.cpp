#include <imgui.h>

#include <cmath>
#include <cstdio>
#include <string>

#include "mirador/geo/IncidentDate.hpp"
#include "mirador/geo/Text.hpp"
#include "scene/CountLayer.hpp"
#include "scene/MapScene.hpp"
#include "ui/NumberControls.hpp"
#include "ui/Panels.hpp"
#include "ui/RankingOrder.hpp"
#include "ui/Style.hpp"

#include <imgui_stdlib.h>

namespace mirador {

void draw_filters_section(doc::MapDocument& d, const PanelData& data) {
    doc::Filters& f = d.filters;
    const std::string current = f.category ? std::string(geo::category_name(*f.category)) : "All categories";
    ImGui::SetNextItemWidth(control_width());
    if (ImGui::BeginCombo("Category", current.c_str())) {
        if (ImGui::Selectable("All categories", !f.category)) f.category.reset();
        for (int c = 0; c < geo::kIncidentCategoryCount; ++c) {
            const auto cat = static_cast<geo::IncidentCategory>(c);
            if (ImGui::Selectable(std::string(geo::category_name(cat)).c_str(), f.category == cat)) f.category = cat;
        }
        ImGui::EndCombo();
    }
    ImGui::SetNextItemWidth(control_width());
    ImGui::InputTextWithHint("Actor", "e.g. Sinaloa Cartel", &f.actor);
    number_slider("Min. fatalities", f.min_fatalities, limits::kFatalities, 0, 50);
    ImGui::SetNextItemWidth(control_width());
    ImGui::InputTextWithHint("Text", "place, notes, source ...", &f.text);
    const IncidentLayer& inc = *data.incidents;
    ImGui::TextDisabled("%zu of %zu incidents shown%s", inc.visible_count, inc.store.size(),
                        inc.time_window ? " in the time window" : "");
}

void draw_ranking(UiState& ui, const PanelData& data) {
    const UnitTotals& inc = *data.totals;
    const geo::Boundaries& b = data.boundaries;
    const std::optional<geo::DayRange> window =
        data.incidents ? data.incidents->time_window : data.table ? data.table->time_window : std::nullopt;
    // Municipalities ranked, with the incidents known only to a state (or to Mexico) in rows of
    // their own among them: in greys, unranked, never credited to the municipality that holds
    // their stand-in point.
    auto rows = geo::aggregation_rows(inc.by_municipality);
    ImGui::TextDisabled("Ranking: %s", window ? "the time window" : "all time");
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY | ImGuiTableFlags_Sortable |
                                  ImGuiTableFlags_SizingFixedFit | ImGuiTableFlags_BordersInnerV;
    if (!ImGui::BeginTable(inc.from_table ? "rank##table" : "rank", 5, flags | (inc.from_table ? ImGuiTableFlags_Hideable : 0), ImVec2(0, ImGui::GetContentRegionAvail().y))) return;
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn("#", ImGuiTableColumnFlags_PreferSortAscending);
    ImGui::TableSetupColumn("Municipality", ImGuiTableColumnFlags_WidthStretch);
    // A table's count is its one number (victims, deaths): the second column repeats it.
    ImGui::TableSetupColumn(inc.from_table ? "Count" : "Inc.",
                            ImGuiTableColumnFlags_DefaultSort | ImGuiTableColumnFlags_PreferSortDescending);
    ImGui::TableSetupColumn("Deaths", ImGuiTableColumnFlags_PreferSortDescending |
                                          (inc.from_table ? ImGuiTableColumnFlags_DefaultHide : 0));
    // (A table's ranking is a table of its own, so that its Deaths column starts hidden; a
    // right click on the headers shows it again.)
    ImGui::TableSetupColumn("/100k", ImGuiTableColumnFlags_PreferSortDescending);
    ImGui::TableHeadersRow();
    RankingSort sort;
    if (const ImGuiTableSortSpecs* spec = ImGui::TableGetSortSpecs(); spec && spec->SpecsCount > 0) {
        sort.column = static_cast<RankingColumn>(spec->Specs[0].ColumnIndex);
        sort.ascending = spec->Specs[0].SortDirection == ImGuiSortDirection_Ascending;
    }
    const std::vector<std::size_t> rank = ranking_ranks(rows);
    const std::vector<std::size_t> order = ranking_order(rows, sort, *data.ranking_name_keys);
    // Only the rows on screen are laid out (a clipper): a ranking of 2,469 rows costs a screenful.
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(order.size()));
    while (clipper.Step()) {
        for (int k = clipper.DisplayStart; k < clipper.DisplayEnd; ++k) {
            const std::size_t r = order[static_cast<std::size_t>(k)];
            const auto& u = *rows[r].count;
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            if (rows[r].kind != geo::AggregationRow::Kind::Unit) {
                ImGui::TextDisabled("-");
                ImGui::TableNextColumn();
                if (rows[r].kind == geo::AggregationRow::Kind::StateLevel)
                    ImGui::TextDisabled("%s: state-level", b.states[u.unit].short_name.c_str());
                else
                    ImGui::TextDisabled("Mexico: country-level");
                if (ImGui::IsItemHovered()) ImGui::SetTooltip("Known only to the state (or to Mexico): not placed in a municipality");
                ImGui::TableNextColumn();
                ImGui::TextDisabled("%llu", static_cast<unsigned long long>(u.incidents));
                ImGui::TableNextColumn();
                ImGui::TextDisabled("%llu", static_cast<unsigned long long>(u.fatalities));
                ImGui::TableNextColumn();
                ImGui::TextDisabled("-");
                continue;
            }
            const auto& a = b.municipalities.attributes[u.unit];
            const geo::StateInfo* st = b.state_of(u.unit);
            ImGui::Text("%zu", rank[r]);
            ImGui::TableNextColumn();
            char label[256];
            std::snprintf(label, sizeof label, "%s, %s##%s", a.name.c_str(), st ? st->short_name.c_str() : "", a.code.c_str());
            if (ImGui::Selectable(label, ui.selected == static_cast<long>(u.unit), ImGuiSelectableFlags_SpanAllColumns)) {
                ui.selected = static_cast<long>(u.unit);
                fly_to(ui, b.municipalities.feature_bbox[u.unit]);
            }
            ImGui::TableNextColumn();
            ImGui::Text("%llu", static_cast<unsigned long long>(u.incidents));
            ImGui::TableNextColumn();
            ImGui::Text("%llu", static_cast<unsigned long long>(u.fatalities));
            ImGui::TableNextColumn();
            if (u.rate_per_100k) ImGui::Text("%.1f", *u.rate_per_100k);
            else ImGui::TextDisabled("-");
        }
    }
    ImGui::EndTable();
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

void draw_incident_tooltip(const UiState& ui, const PanelData& data) {
    const IncidentLayer& inc = *data.incidents;
    const geo::Boundaries& b = data.boundaries;
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

void draw_incident_details(UiState& ui, const PanelData& data) {
    if (ui.selected_incident < 0) return;
    const IncidentLayer& inc = *data.incidents;
    const geo::Boundaries& b = data.boundaries;
    const auto i = static_cast<std::size_t>(ui.selected_incident);
    ImGui::TextDisabled("Incident");
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
    if (s.source_row(i)) ImGui::TextDisabled("%s, %s %u", inc.source.c_str(), "row", s.source_row(i));
    if (ImGui::Button("Clear##incident")) ui.selected_incident = -1;
    ImGui::Separator();
}

}  // namespace mirador
