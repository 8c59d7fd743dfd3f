#include "ui/SlidesExportDialog.hpp"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <filesystem>

#include "ui/ExportDialogFrame.hpp"
#include "ui/ExportSizeControls.hpp"
#include "ui/Style.hpp"

namespace mirador {

namespace fs = std::filesystem;

void SlidesExportDialog::open(std::string folder, std::vector<doc::Slide> slides, int map_width, int map_height) {
    options_.out_dir = std::move(folder);
    slides_ = std::move(slides);
    choice_.window_width = map_width;
    choice_.window_height = map_height;
    state_.show();
}

std::optional<ExportSlidesOptions> SlidesExportDialog::draw(int max_side) {
    if (!begin_export_dialog("Export all slides", state_)) return std::nullopt;
    std::optional<ExportSlidesOptions> request;

    ImGui::TextUnformatted("Folder (made if missing)");
    int preset = static_cast<int>(choice_.preset);
    const bool enter = export_path_box("##folder", options_.out_dir, state_, preset);
    static const char* const kFormats[] = {"png", "jpg", "tif"};
    int format = options_.format == "jpg" ? 1 : options_.format == "tif" ? 2 : 0;
    ImGui::RadioButton("PNG", &format, 0);
    ImGui::SameLine();
    ImGui::RadioButton("JPEG", &format, 1);
    ImGui::SameLine();
    ImGui::RadioButton("GeoTIFF (georeferenced)", &format, 2);
    options_.format = kFormats[format];

    ImGui::Spacing();
    auto size = draw_export_size(choice_, preset, max_side);
    choice_.preset = static_cast<ExportPreset>(preset);

    // The files, as export-slides names them; those already there are replaced.
    ImGui::Spacing();
    ImGui::Text("%zu files, as mirador export-slides names them:", slides_.size());
    std::error_code ec;
    int existing = 0;
    for (std::size_t i = 0; i < slides_.size(); ++i) {
        const std::string name = slide_file_name(i, slides_[i], options_.format);
        existing += fs::exists(fs::path(options_.out_dir) / name, ec);
        if (i < 6) ImGui::TextDisabled("  %s", name.c_str());
    }
    if (slides_.size() > 6) ImGui::TextDisabled("  ... and %zu more", slides_.size() - 6);
    const bool folder_ok = !options_.out_dir.empty() && !(fs::exists(options_.out_dir, ec) && !fs::is_directory(options_.out_dir, ec));
    if (slides_.empty()) dialog_error("The project has no slides (make them in the Slides panel)");
    else if (!folder_ok)
        dialog_error(options_.out_dir.empty() ? "Name the folder" : "That is a file, not a folder");
    else if (existing > 0) dialog_warning(std::to_string(existing) + " of them exist: Export replaces them");

    const bool ready = size && folder_ok && !slides_.empty();
    if (export_buttons(state_, ready, enter)) {
        set_frame_size(options_.frame, *size);
        request = options_;
    }
    ImGui::EndPopup();
    return request;
}

}  // namespace mirador
