#pragma once
// The menu bar (File, Edit, View, Layers, Help), the keyboard shortcuts that do the same, the
// window's messages and its keyboard help. What the user asked for comes back as a request; the
// viewer carries it out (files, undo, full screen), so the menu itself changes only the document's
// layer visibility and the window's panels.
#include <string>
#include <vector>

#include "document/History.hpp"
#include "document/MapDocument.hpp"
#include "gui/RecentFiles.hpp"
#include "ui/UiState.hpp"

namespace mirador {

struct MenuRequest {
    bool open_project = false, save = false, save_as = false, open_incidents = false, locate_incidents = false;
    bool open_table = false;
    bool export_image = false;  // File > Export..., Ctrl+E
    bool export_animation = false;  // File > Export animation..., Ctrl+Shift+E
    bool export_slides = false;     // File > Export all slides..., Ctrl+Alt+E
    bool undo = false, redo = false, quit = false, toggle_fullscreen = false, reset_view = false;
    bool present = false;  // presentation mode from the first slide
    std::string open_path, save_path, incidents_path, table_path;  // a file already chosen (Recent, a drop)
    void merge(const MenuRequest& other);
};

MenuRequest draw_main_menu(doc::MapDocument& document, UiState& ui, const doc::History& history, const RecentFiles& recent,
                           const std::string& project, bool have_incidents, bool have_table);
// Ctrl+O, Ctrl+S, Ctrl+Shift+S, Ctrl+E, Ctrl+Shift+E, Ctrl+Alt+E, Ctrl+Z, Ctrl+Shift+Z (and Ctrl+Y), F5, F11, F1, F9, F10, Ctrl+Q.
MenuRequest read_shortcuts(UiState& ui);

// Messages for the user (a file that failed to load ...), at the top of the map until closed.
void draw_notices(std::vector<std::string>& notices);
void draw_keyboard_help(UiState& ui);

}  // namespace mirador
