// The Furniture section: what is drawn on the map besides its layers (title block, legends,
// scale bar, north arrow, credits, export date), each with a checkbox and its corner. It edits
// the document's furniture; the scene draws what the document says, here and in exports.
#include <imgui.h>
#include <imgui_stdlib.h>

#include "document/EnumNames.hpp"
#include "ui/Panels.hpp"
#include "ui/Style.hpp"

namespace mirador {

namespace {

// The corner an item is placed from; its offset stays (set in a project file if wanted).
void corner_combo(const char* id, doc::Placement& at) {
    const auto& names = doc::EnumNames<doc::Corner>::values;
    ImGui::SameLine(em(12.5f));
    ImGui::SetNextItemWidth(-1);
    if (ImGui::BeginCombo(id, names[static_cast<int>(at.corner)].second)) {
        for (const auto& [corner, name] : names)
            if (ImGui::Selectable(name, corner == at.corner)) at.corner = corner;
        ImGui::EndCombo();
    }
}

void item_row(const char* label, const char* id, bool& visible, doc::Placement& at) {
    ImGui::Checkbox(label, &visible);
    corner_combo(id, at);
}

}  // namespace

void draw_furniture_section(doc::MapDocument& d) {
    doc::Furniture& f = d.furniture;
    item_row("Title block", "##title-corner", f.title.visible, f.title.placement);
    if (f.title.visible) {
        ImGui::SetNextItemWidth(-1);
        ImGui::InputTextWithHint("##title", "Title", &f.title.title);
        ImGui::SetNextItemWidth(-1);
        ImGui::InputTextWithHint("##subtitle", "Subtitle (empty: the time window)", &f.title.subtitle);
    }
    item_row("Legends", "##legends-corner", f.legends.visible, f.legends.placement);
    item_row("Scale bar", "##scale-corner", f.scale_bar.visible, f.scale_bar.placement);
    item_row("North arrow", "##north-corner", f.north_arrow.visible, f.north_arrow.placement);
    item_row("Credits", "##credits-corner", f.attribution.visible, f.attribution.placement);
    if (f.attribution.visible) {
        ImGui::SetNextItemWidth(-1);
        ImGui::InputTextWithHint("##credits", "More credits (INEGI, data files: automatic)", &f.attribution.text);
    }
    item_row("Export date", "##date-corner", f.export_date.visible, f.export_date.placement);
}

}  // namespace mirador
