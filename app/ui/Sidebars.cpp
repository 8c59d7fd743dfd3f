// The window's layout: a left sidebar (search, then the map's settings as collapsible sections
// in one scrolling column, collapsible to a strip), a right sidebar (what is selected, and the
// ranking), the time bar and status bar along the bottom, and the map in the space left, which
// ui.area records so that "reset view", fly-to and the legends use only what is visible.
#include <imgui.h>

#include <algorithm>

#include "scene/IncidentLayer.hpp"
#include "ui/Panels.hpp"
#include "ui/Style.hpp"

namespace mirador {

namespace {

constexpr ImGuiWindowFlags kFixed = ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoCollapse |
                                    ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoTitleBar |
                                    ImGuiWindowFlags_NoBringToFrontOnFocus;

float top_of_sidebars() { return ImGui::GetFrameHeight(); }  // under the menu bar

float bottom_of_sidebars(const PanelData& data) {
    return ImGui::GetIO().DisplaySize.y - status_bar_height() - (data.totals ? time_bar_height() : 0.0f);
}

// A collapsible section whose open state is `open` (UiState, saved with the layout) rather than
// ImGui's own storage: set before the header, taken back after a click.
bool section(const char* label, bool& open) {
    ImGui::SetNextItemOpen(open, ImGuiCond_Always);
    open = ImGui::CollapsingHeader(label);
    return open;
}

}  // namespace

float left_sidebar_width() { return em(23); }
float right_sidebar_width() { return em(24); }

void select_search_hit(UiState& ui, const geo::Boundaries& b, const geo::PlaceHit& hit) {
    if (hit.kind == geo::PlaceHit::Kind::Municipality) {
        ui.selected = static_cast<long>(hit.index);
        fly_to(ui, b.municipalities.feature_bbox[hit.index]);
    } else {
        ui.selected = -1;
        fly_to(ui, b.states[hit.index].bbox);
    }
    ui.right_sidebar = true;
}

void draw_left_sidebar(doc::MapDocument& d, UiState& ui, const PanelData& data) {
    const float top = top_of_sidebars(), bottom = bottom_of_sidebars(data);
    const float width = ui.left_sidebar ? left_sidebar_width() : em(1.8f);
    ImGui::SetNextWindowPos(ImVec2(0, top), ImGuiCond_Always);
    ImGui::SetNextWindowSize(ImVec2(width, bottom - top), ImGuiCond_Always);
    ImGui::SetNextWindowBgAlpha(0.96f);
    ImGui::Begin("##left", nullptr, kFixed | (ui.left_sidebar ? 0 : ImGuiWindowFlags_NoScrollbar));
    if (!ui.left_sidebar) {
        if (ImGui::ArrowButton("open", ImGuiDir_Right)) ui.left_sidebar = true;
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("Show the sidebar");
    } else {
        if (ImGui::ArrowButton("close", ImGuiDir_Left)) ui.left_sidebar = false;
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("Hide the sidebar (more map)");
        ImGui::SameLine();
        draw_search_box(ui, data);
        SidebarSections& open = ui.sections;
        if (section("Layers", open.layers)) draw_layers_section(d, data);
        if (data.incidents) {
            if (section("Filters", open.filters)) draw_filters_section(d, data);
            if (section("Choropleth", open.choropleth)) draw_fill_section(d, data);
            if (section("Heatmap", open.heatmap)) draw_heatmap_section(d, data);
            if (section("Hot spots", open.hotspots)) draw_hotspots_section(d, data);
        } else if (data.table) {
            if (section("Count table", open.filters)) draw_table_section(d, data);
            if (section("Choropleth", open.choropleth)) draw_fill_section(d, data);
            if (section("Heatmap", open.heatmap))
                ImGui::TextWrapped("A heatmap needs the positions of incidents; a count table has counts per unit only.");
            if (section("Hot spots", open.hotspots)) draw_hotspots_section(d, data);
        }
        if (section("Furniture", open.furniture)) draw_furniture_section(d);
        if (section("Slides", open.slides)) draw_slides_section(d, ui, data);
    }
    ImGui::End();
    ui.area.left = width;
    ui.area.top = top;
    ui.area.bottom = ImGui::GetIO().DisplaySize.y - bottom;
}

void draw_right_sidebar(doc::MapDocument& d, UiState& ui, const PanelData& data) {
    const ImGuiIO& io = ImGui::GetIO();
    const float top = top_of_sidebars(), bottom = bottom_of_sidebars(data);
    const float width = ui.right_sidebar ? right_sidebar_width() : em(1.8f);
    ImGui::SetNextWindowPos(ImVec2(io.DisplaySize.x - width, top), ImGuiCond_Always);
    ImGui::SetNextWindowSize(ImVec2(width, bottom - top), ImGuiCond_Always);
    ImGui::SetNextWindowBgAlpha(0.96f);
    ImGui::Begin("##right", nullptr, kFixed | ImGuiWindowFlags_NoScrollbar);
    if (!ui.right_sidebar) {
        if (ImGui::ArrowButton("open", ImGuiDir_Left)) ui.right_sidebar = true;
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("Show details and ranking");
    } else {
        if (ImGui::ArrowButton("close", ImGuiDir_Right)) ui.right_sidebar = false;
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("Hide details and ranking (more map)");
        ImGui::SameLine();
        ImGui::TextDisabled("Details");
        // Details above (scrolling on their own), the ranking below in what is left.
        const float ranking = data.totals ? std::max(em(12), ImGui::GetContentRegionAvail().y * 0.5f) : 0.0f;
        ImGui::BeginChild("details", ImVec2(0, ImGui::GetContentRegionAvail().y - ranking), false);
        draw_municipality_details(ui, data);
        if (data.incidents) draw_incident_details(ui, data);
        if (data.totals) draw_hotspot_details(d, ui, data);
        if (ui.selected < 0 && ui.selected_incident < 0)
            ImGui::TextDisabled("Click a municipality or an incident on the map, or a row of the ranking.");
        ImGui::EndChild();
        if (data.totals) {
            ImGui::Separator();
            draw_ranking(ui, data);
        }
    }
    ImGui::End();
    ui.area.right = width;
}

}  // namespace mirador
