#pragma once
// Fonts with the accented Latin letters Mexican names need (á é í ó ú ñ ü): ImGui's built-in
// font has none, so a TrueType font from the system (DejaVu, Noto) is found at run time.
#include <string>

struct ImFont;

namespace mirador {

struct FontSet {
    ImFont* ui = nullptr;     // panels and tooltips
    ImFont* label = nullptr;  // state names on the map (bold)
    ImFont* small_label = nullptr;  // municipal names on the map, the credits
    ImFont* title = nullptr;  // the title block's title (bold, larger: a scaled small font blurs)
    std::string path;         // the regular font file used, empty if none was found
};

// Path of a regular TrueType font, from $MIRADOR_FONT or the usual Debian locations.
std::string find_ui_font();

// Adds the fonts to the current ImGui context's atlas. `scale` multiplies every size
// (2 for a 4K snapshot). Call before the atlas is built.
FontSet load_fonts(float scale);

}  // namespace mirador
