// The Count table section: the table's filters (one choice per category column, written to the
// document as "COLUMN=VALUE") and what the analyst needs to judge its numbers: the months it
// covers, cells reported as NA, codes counted for their state only, codes the boundary layer
// lacks, and the units that never appear in it.
#include <imgui.h>

#include <cstdio>
#include <filesystem>
#include <string>

#include "mirador/geo/Text.hpp"
#include "scene/CountLayer.hpp"
#include "ui/Panels.hpp"
#include "ui/Style.hpp"

namespace mirador {

namespace {

// The value the document's filters choose for this column, or empty (all).
std::string chosen_value(const std::vector<std::string>& filters, const std::string& column) {
    const std::string key = geo::fold_for_search(column);
    for (const std::string& f : filters)
        if (const auto eq = f.find('='); eq != std::string::npos && geo::fold_for_search(f.substr(0, eq)) == key)
            return f.substr(eq + 1);
    return {};
}

void choose_value(std::vector<std::string>& filters, const std::string& column, const std::string& value) {
    const std::string key = geo::fold_for_search(column);
    std::erase_if(filters, [&](const std::string& f) {
        const auto eq = f.find('=');
        return eq != std::string::npos && geo::fold_for_search(f.substr(0, eq)) == key;
    });
    if (!value.empty()) filters.push_back(column + "=" + value);
}

// "Name, State (code)" entries, in a scrolling list of their own.
void unit_list(const char* id, const std::vector<std::string>& units) {
    ImGui::BeginChild(id, ImVec2(0, std::min(em(10), ImGui::GetTextLineHeightWithSpacing() * float(units.size() + 1))), true);
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(units.size()));
    while (clipper.Step())
        for (int k = clipper.DisplayStart; k < clipper.DisplayEnd; ++k) ImGui::TextUnformatted(units[static_cast<std::size_t>(k)].c_str());
    ImGui::EndChild();
}

std::string codes_text(const std::map<std::string, double>& codes) {
    std::string s;
    for (const auto& [code, n] : codes) {
        char line[64];
        std::snprintf(line, sizeof line, "%s: %.0f\n", code.c_str(), n);
        s += line;
    }
    return s;
}

}  // namespace

void draw_table_section(doc::MapDocument& d, const PanelData& data) {
    const CountLayer& t = *data.table;
    const geo::CountTable& table = t.table;
    const std::string name = std::filesystem::path(t.source).filename().string();
    ImGui::TextWrapped("%s", name.c_str());
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", t.source.c_str());
    ImGui::TextDisabled("%s per %s, %s to %s", table.monthly ? "monthly counts" : "yearly counts",
                        t.by_state_only() ? "state" : "municipality", geo::format_month(table.first_month).c_str(),
                        geo::format_month(table.last_month).c_str());
    for (std::size_t c = 0; c < table.category_columns.size(); ++c) {
        const std::string& column = table.category_columns[c];
        const std::string current = chosen_value(d.filters.table, column);
        ImGui::SetNextItemWidth(control_width());
        if (ImGui::BeginCombo(column.c_str(), current.empty() ? "All" : current.c_str())) {
            if (ImGui::Selectable("All", current.empty())) choose_value(d.filters.table, column, "");
            for (const std::string& v : table.category_values[c])
                if (ImGui::Selectable(v.c_str(), geo::fold_for_search(v) == geo::fold_for_search(current)))
                    choose_value(d.filters.table, column, v);
            ImGui::EndCombo();
        }
    }
    if (!t.filter_error.empty()) ImGui::TextColored(kErrorInk, "%s", t.filter_error.c_str());

    ImGui::Separator();
    ImGui::Text("%.0f counted%s", t.total, t.time_window ? " in the time window" : "");
    if (t.missing_cells > 0)
        ImGui::TextWrapped("%.0f cells reported as NA (missing, not 0): shown in blue grey, never as 0", t.missing_cells);
    if (!t.unplaceable.empty()) {
        double n = 0;
        for (const auto& [code, v] : t.unplaceable) n += v;
        ImGui::TextWrapped("%.0f in %zu unspecified-municipality codes (999, abroad): counted for their state only", n,
                           t.unplaceable.size());
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", codes_text(t.unplaceable).c_str());
    }
    if (!t.unknown.empty()) {
        ImGui::TextColored(ImVec4(0.7f, 0.35f, 0.0f, 1), "%zu codes of the table are not in the boundary layer", t.unknown.size());
        ImGui::TextWrapped("The table may be of another vintage than the boundaries: their counts are on no unit.");
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", codes_text(t.unknown).c_str());
    }
    if (!t.never_in_table.empty()) {
        ImGui::TextWrapped("%zu %s never appear in the table: 0 by its convention (no count ever, or created later)",
                           t.never_in_table.size(), t.by_state_only() ? "states" : "municipalities");
        if (ImGui::TreeNode("never_in_table", "List them"))  {
            unit_list("##never", t.never_in_table);
            ImGui::TreePop();
        }
    }
}

}  // namespace mirador
