#include "gui/MainMenu.hpp"

#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>
#include <imgui.h>

#include <filesystem>

#include "gui/FileKinds.hpp"
#include "ui/Panels.hpp"
#include "ui/Style.hpp"

namespace mirador {

void MenuRequest::merge(const MenuRequest& o) {
    open_project |= o.open_project, save |= o.save, save_as |= o.save_as, open_incidents |= o.open_incidents;
    open_table |= o.open_table, export_image |= o.export_image;
    export_animation |= o.export_animation, export_slides |= o.export_slides;
    locate_incidents |= o.locate_incidents, undo |= o.undo, redo |= o.redo, quit |= o.quit;
    toggle_fullscreen |= o.toggle_fullscreen, reset_view |= o.reset_view, present |= o.present;
    if (!o.open_path.empty()) open_path = o.open_path;
    if (!o.save_path.empty()) save_path = o.save_path;
    if (!o.incidents_path.empty()) incidents_path = o.incidents_path;
    if (!o.table_path.empty()) table_path = o.table_path;
}

MenuRequest draw_main_menu(doc::MapDocument& d, UiState& ui, const doc::History& history, const RecentFiles& recent,
                           const std::string& project, bool have_incidents, bool have_table) {
    MenuRequest r;
    if (!ImGui::BeginMainMenuBar()) return r;
    if (ImGui::BeginMenu("File")) {
        r.open_project = ImGui::MenuItem("Open project...", "Ctrl+O");
        if (ImGui::BeginMenu("Open recent", !recent.paths().empty())) {
            // Projects open; incident files and count tables load, as when dropped on the window.
            for (const std::string& p : recent.paths())
                if (ImGui::MenuItem(p.c_str())) {
                    const FileKind kind = file_kind(p);
                    (kind == FileKind::Project ? r.open_path : kind == FileKind::CountTable ? r.table_path : r.incidents_path) = p;
                }
            ImGui::EndMenu();
        }
        r.save = ImGui::MenuItem("Save", "Ctrl+S");
        r.save_as = ImGui::MenuItem("Save as...", "Ctrl+Shift+S");
        ImGui::Separator();
        r.open_incidents = ImGui::MenuItem(have_incidents ? "Replace the incidents..." : "Open incidents...");
        if (!have_incidents && !d.sources.incidents.empty())
            r.locate_incidents = ImGui::MenuItem("Locate the missing incidents file...");
        r.open_table = ImGui::MenuItem(have_table ? "Replace the count table..." : "Open a count table...");
        if (ImGui::IsItemHovered())
            ImGui::SetTooltip("Counts per municipality or state and month (INEGI homicides, SESNSP): the map counts "
                              "from the table instead of incidents");
        ImGui::Separator();
        r.export_image = ImGui::MenuItem("Export...", "Ctrl+E");
        if (ImGui::IsItemHovered())
            ImGui::SetTooltip("The map as the window shows it, as PNG, JPEG or GeoTIFF: screen and paper sizes");
        r.export_animation = ImGui::MenuItem("Export animation...", "Ctrl+Shift+E", false, have_incidents);
        if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled))
            ImGui::SetTooltip("The time slider's windows over a range as an MP4, a GIF or PNG frames (as mirador animate)");
        r.export_slides = ImGui::MenuItem("Export all slides...", "Ctrl+Alt+E", false, !d.slides.empty());
        if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled))
            ImGui::SetTooltip("One file per slide in a folder (as mirador export-slides)");
        ImGui::Separator();
        r.quit = ImGui::MenuItem("Quit", "Ctrl+Q");
        ImGui::EndMenu();
    }
    if (ImGui::BeginMenu("Edit")) {
        r.undo = ImGui::MenuItem("Undo", "Ctrl+Z", false, history.can_undo());
        r.redo = ImGui::MenuItem("Redo", "Ctrl+Shift+Z", false, history.can_redo());
        ImGui::EndMenu();
    }
    if (ImGui::BeginMenu("View")) {
        r.reset_view = ImGui::MenuItem("Reset view", "Home");
        r.present = ImGui::MenuItem("Present", "F5");
        if (ImGui::IsItemHovered())
            ImGui::SetTooltip("The map alone, full screen, through the slides from the first (Esc leaves; keys: Help)");
        r.toggle_fullscreen = ImGui::MenuItem("Full screen with the panels", "F11", ui.fullscreen);
        ImGui::MenuItem("Left sidebar", "F9", &ui.left_sidebar);
        ImGui::MenuItem("Details and ranking", "F10", &ui.right_sidebar);
        ImGui::EndMenu();
    }
    if (ImGui::BeginMenu("Layers")) {
        for (doc::Layer& l : d.layers) {
            // Points and the heatmap need incidents' positions; hot spots need counts of either kind.
            const bool needs_positions = l.kind() == doc::LayerKind::Heatmap || l.kind() == doc::LayerKind::Points;
            const bool needs_counts = l.kind() == doc::LayerKind::Hotspots;
            ImGui::MenuItem(doc::to_string(l.kind()), nullptr, &l.visible,
                            have_incidents || (!needs_positions && (have_table || !needs_counts)));
        }
        ImGui::EndMenu();
    }
    if (ImGui::BeginMenu("Help")) {
        if (ImGui::MenuItem("Keyboard and mouse", "F1")) ui.show_help = true;
        ImGui::EndMenu();
    }
    // The project's name on the right of the bar, as the window's title also says.
    const std::string name = project.empty() ? "Untitled map" : std::filesystem::path(project).filename().string();
    ImGui::SameLine(ImGui::GetWindowWidth() - ImGui::CalcTextSize(name.c_str()).x - em(1));
    ImGui::TextDisabled("%s", name.c_str());
    ImGui::EndMainMenuBar();
    return r;
}

MenuRequest read_shortcuts(UiState& ui) {
    MenuRequest r;
    const ImGuiIO& io = ImGui::GetIO();
    if (ImGui::IsKeyPressed(GLFW_KEY_F1, false)) ui.show_help = !ui.show_help;
    if (ImGui::IsKeyPressed(GLFW_KEY_F11, false)) r.toggle_fullscreen = true;
    if (ImGui::IsKeyPressed(GLFW_KEY_F5, false)) r.present = true;
    if (ImGui::IsKeyPressed(GLFW_KEY_F9, false)) ui.left_sidebar = !ui.left_sidebar;
    if (ImGui::IsKeyPressed(GLFW_KEY_F10, false)) ui.right_sidebar = !ui.right_sidebar;
    if (!io.KeyCtrl) return r;
    if (ImGui::IsKeyPressed(GLFW_KEY_O, false)) r.open_project = true;
    if (ImGui::IsKeyPressed(GLFW_KEY_S, false)) (io.KeyShift ? r.save_as : r.save) = true;
    if (ImGui::IsKeyPressed(GLFW_KEY_Z, false)) (io.KeyShift ? r.redo : r.undo) = true;
    if (ImGui::IsKeyPressed(GLFW_KEY_Y, false)) r.redo = true;
    if (ImGui::IsKeyPressed(GLFW_KEY_Q, false)) r.quit = true;
    if (ImGui::IsKeyPressed(GLFW_KEY_E, false)) (io.KeyAlt ? r.export_slides : io.KeyShift ? r.export_animation : r.export_image) = true;
    return r;
}

void draw_notices(std::vector<std::string>& notices) {
    if (notices.empty()) return;
    const ImGuiIO& io = ImGui::GetIO();
    ImGui::SetNextWindowPos(ImVec2(io.DisplaySize.x * 0.5f, ImGui::GetFrameHeight() + em(0.5f)), ImGuiCond_Always,
                            ImVec2(0.5f, 0));
    ImGui::SetNextWindowSizeConstraints(ImVec2(em(20), 0), ImVec2(em(48), em(16)));
    ImGui::SetNextWindowBgAlpha(0.97f);
    ImGui::Begin("Messages", nullptr,
                 ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoSavedSettings |
                     ImGuiWindowFlags_NoMove);
    ImGui::PushTextWrapPos(em(46));
    for (const std::string& n : notices) ImGui::TextColored(ImVec4(0.55f, 0.1f, 0.05f, 1), "%s", n.c_str());
    ImGui::PopTextWrapPos();
    if (ImGui::Button("Close")) notices.clear();
    ImGui::End();
}

void draw_keyboard_help(UiState& ui) {
    ImGui::SetNextWindowPos(ImVec2(ImGui::GetIO().DisplaySize.x * 0.5f, ImGui::GetIO().DisplaySize.y * 0.5f), ImGuiCond_Appearing,
                            ImVec2(0.5f, 0.5f));
    if (!ImGui::Begin("Keyboard and mouse (F1)", &ui.show_help, ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoSavedSettings)) {
        ImGui::End();
        return;
    }
    static const char* rows[][2] = {
        {"drag, arrow keys", "pan (Shift+left/right while incidents are shown)"},
        {"wheel, + / -, double-click", "zoom"},
        {"Home or R", "all of Mexico"},
        {"click", "select a municipality or an incident"},
        {"right-click", "copy coordinates, zoom here, select the municipality"},
        {"Ctrl+F, then Enter", "search a place and fly there"},
        {"Space, left, right", "play/pause, step the time window"},
        {"Ctrl+S, Ctrl+Shift+S, Ctrl+O", "save, save as, open a project"},
        {"Ctrl+E", "export the map (PNG, JPEG, GeoTIFF); Esc cancels a running export"},
        {"Ctrl+Shift+E, Ctrl+Alt+E", "export an animation (MP4, GIF, PNG frames), export all slides"},
        {"Ctrl+Z, Ctrl+Shift+Z", "undo, redo"},
        {"F9, F10", "hide or show the left sidebar, the details and ranking"},
        {"F11", "full screen, with the panels"},
        {"F5", "present: the map alone, full screen, from the first slide"},
        {"  PageDown, Right, Down, Space, Enter", "  next slide"},
        {"  PageUp, Left, Up, Backspace", "  previous slide"},
        {"  Home, End", "  first, last slide"},
        {"  B", "  black screen (B again, or next/previous, brings it back)"},
        {"  P", "  pause or resume the slide's time playback"},
        {"  Esc", "  leave, back to the map as it was"},
        {"drop a file on the window", "open a project (.mirador), incidents (CSV, GeoPackage ...) or a count table (CSV)"},
        {"Esc", "clear the selection"},
        {"F1", "this help"},
    };
    if (ImGui::BeginTable("keys", 2, ImGuiTableFlags_RowBg)) {
        for (const auto& row : rows) {
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(row[0]);
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(row[1]);
        }
        ImGui::EndTable();
    }
    ImGui::End();
}

}  // namespace mirador
