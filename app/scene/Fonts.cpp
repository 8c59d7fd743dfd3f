#include "scene/Fonts.hpp"
#include "platform/Report.hpp"

#include <imgui.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>

#include "platform/DataDirs.hpp"

namespace mirador {

namespace {

std::string bold_sibling(const std::string& regular) {
    namespace fs = std::filesystem;
    const fs::path p(regular);
    for (const char* name : {"DejaVuSans-Bold.ttf", "NotoSans-Bold.ttf", "LiberationSans-Bold.ttf"}) {
        const fs::path cand = p.parent_path() / name;
        if (fs::exists(cand)) return cand.string();
    }
    return regular;
}

// Latin-1 Supplement plus Latin Extended-A: every letter of Spanish and of indigenous place
// names as INEGI writes them, and the punctuation of the UI.
const ImWchar* glyph_ranges() {
    static const ImWchar ranges[] = {0x0020, 0x00FF, 0x0100, 0x017F, 0x2013, 0x2026, 0x00B0, 0x00B0, 0};
    return ranges;
}

}  // namespace

std::string find_ui_font() {
    if (const char* env = std::getenv("MIRADOR_FONT"); env && std::filesystem::exists(env)) return env;
    // Under every XDG data folder (~/.local/share, /usr/local/share, /usr/share by default), as
    // Debian (fonts-dejavu-core, which the package depends on), Fedora and Arch lay fonts out.
    for (const auto& dir : xdg_data_dirs())
        for (const char* p : {"fonts/truetype/dejavu/DejaVuSans.ttf", "fonts/truetype/noto/NotoSans-Regular.ttf",
                              "fonts/truetype/liberation/LiberationSans-Regular.ttf", "fonts/TTF/DejaVuSans.ttf",
                              "fonts/dejavu/DejaVuSans.ttf"})
            if (std::filesystem::exists(dir / p)) return (dir / p).string();
    return {};
}

FontSet load_fonts(float scale) {
    ImGuiIO& io = ImGui::GetIO();
    FontSet fs;
    fs.path = find_ui_font();
    if (fs.path.empty()) {
        // Still usable, but accents will show as '?': say so once, loudly.
        eprint("mirador: warning: no TrueType font found (install fonts-dejavu-core or set "
                             "MIRADOR_FONT); accented names will not render\n");
        ImFontConfig cfg;
        cfg.SizePixels = 13.0f * scale;
        fs.ui = fs.label = fs.small_label = fs.title = io.Fonts->AddFontDefault(&cfg);
        return fs;
    }
    const std::string bold = bold_sibling(fs.path);
    fs.ui = io.Fonts->AddFontFromFileTTF(fs.path.c_str(), 15.0f * scale, nullptr, glyph_ranges());
    fs.label = io.Fonts->AddFontFromFileTTF(bold.c_str(), 15.0f * scale, nullptr, glyph_ranges());
    fs.small_label = io.Fonts->AddFontFromFileTTF(fs.path.c_str(), 12.0f * scale, nullptr, glyph_ranges());
    fs.title = io.Fonts->AddFontFromFileTTF(bold.c_str(), 24.0f * scale, nullptr, glyph_ranges());
    if (!fs.ui || !fs.label || !fs.small_label || !fs.title) {
        eprint("mirador: warning: cannot read font %s; using ImGui's built-in font\n", fs.path.c_str());
        fs.ui = fs.label = fs.small_label = fs.title = io.Fonts->AddFontDefault();
    }
    return fs;
}

}  // namespace mirador
