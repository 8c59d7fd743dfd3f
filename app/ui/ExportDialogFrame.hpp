#pragma once
// What the window's export dialogs (File > Export, Export animation, Export all slides) share:
// a modal popup that opens centred with its path box focused (Up and Down there step the size
// preset, so a dialog works from the keyboard), and the Export and Cancel buttons.
#include <string>

namespace mirador {

struct ExportDialogState {
    bool open = false, popup_opened = false, focus_path = false;
    void show() { open = true, popup_opened = false, focus_path = true; }
};

// Opens the popup `id` on the first call after show() and begins it; false when it does not
// show (the caller then draws nothing and calls no EndPopup).
bool begin_export_dialog(const char* id, ExportDialogState& state);
// The path box: focused when the dialog opens; Up and Down in it move `preset`. True on Enter.
bool export_path_box(const char* id, std::string& path, ExportDialogState& state, int& preset);
// Export (enabled when `ready`; Enter in a box counts) and Cancel (or Esc, unless a file browser
// above takes it). True when the export is asked for; the popup closes when the dialog ends.
// The caller calls ImGui::EndPopup after.
bool export_buttons(ExportDialogState& state, bool ready, bool enter, bool escape_taken = false);

// A line saying why the export cannot start (red), or what it will do that the user may not
// want (orange: files replaced), in every dialog's colours.
void dialog_error(const std::string& text);
void dialog_warning(const std::string& text);

}  // namespace mirador
