#include "ui/MapMenu.hpp"

#include <imgui.h>

#include <cstdio>

#include "ui/Panels.hpp"

namespace mirador {

std::string coordinates_text(geo::Vec2 lonlat) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.5f, %.5f", lonlat.y, lonlat.x);
    return buf;
}

void draw_map_menu(UiState& ui, const PanelData& data) {
    MapMenu& m = ui.map_menu;
    if (m.open_requested) {
        ImGui::OpenPopup("##map menu");
        m.open_requested = false;
    }
    m.shown = ImGui::BeginPopup("##map menu");
    if (!m.shown) return;
    const std::string where = coordinates_text(m.lonlat);
    ImGui::TextDisabled("%s", where.c_str());
    if (ImGui::MenuItem("Copy coordinates")) {
        ImGui::SetClipboardText(where.c_str());
        m.copied = true;
    }
    if (ImGui::MenuItem("Zoom here")) zoom_here(ui, m.map);
    const geo::Boundaries& b = data.boundaries;
    const std::string select = m.municipality >= 0
                                   ? "Select " + b.municipalities.attributes[static_cast<std::size_t>(m.municipality)].name
                                   : std::string("Select municipality (none here)");
    if (ImGui::MenuItem(select.c_str(), nullptr, false, m.municipality >= 0)) {
        ui.selected = m.municipality;
        ui.selected_incident = -1;
        ui.right_sidebar = true;
    }
    ImGui::EndPopup();
}

}  // namespace mirador
