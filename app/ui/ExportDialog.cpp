#include "ui/ExportDialog.hpp"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <filesystem>

#include "export/ImageFile.hpp"
#include "ui/ExportDialogFrame.hpp"
#include "ui/ExportSizeControls.hpp"
#include "ui/Style.hpp"

namespace mirador {

namespace fs = std::filesystem;

namespace {


// The path with its extension replaced: choosing a format renames the file to match.
std::string with_extension(const std::string& path, const char* ext) {
    fs::path p(path.empty() ? "map" : path);
    p.replace_extension(ext);
    return p.string();
}

}  // namespace

void ExportDialog::open(std::string path, int map_width, int map_height) {
    path_ = std::move(path);
    choice_.window_width = map_width;
    choice_.window_height = map_height;
    state_.show();
}

std::optional<ExportRequest> ExportDialog::draw(int max_side) {
    if (!begin_export_dialog("Export the map", state_)) return std::nullopt;
    std::optional<ExportRequest> request;

    // Size: a preset, or custom.
    int preset = static_cast<int>(choice_.preset);
    auto size = draw_export_size(choice_, preset, max_side);

    // The file: its extension is the format.
    ImGui::Spacing();
    ImGui::TextUnformatted("File");
    const bool enter = export_path_box("##path", path_, state_, preset);
    choice_.preset = static_cast<ExportPreset>(preset);
    ImGui::SameLine();
    if (ImGui::Button("Browse...")) {
        const fs::path p(path_);
        browser_.open(FileBrowser::Mode::Save, "Export to", {".png", ".jpg", ".jpeg", ".tif", ".tiff"},
                      p.parent_path().string(), p.filename().string());
    }
    if (const auto chosen = browser_.draw()) path_ = *chosen;
    auto format = image_format_for(path_);
    int f = format ? static_cast<int>(*format) : -1;
    const int before = f;
    ImGui::RadioButton("PNG", &f, static_cast<int>(ImageFormat::Png));
    ImGui::SameLine();
    ImGui::RadioButton("JPEG", &f, static_cast<int>(ImageFormat::Jpeg));
    ImGui::SameLine();
    ImGui::RadioButton("GeoTIFF (georeferenced)", &f, static_cast<int>(ImageFormat::GeoTiff));
    if (f != before) path_ = with_extension(path_, f == int(ImageFormat::Png) ? ".png" : f == int(ImageFormat::Jpeg) ? ".jpg" : ".tif");
    std::error_code ec;
    if (!format) ImGui::TextColored(kErrorInk, "%s", path_.empty() ? "Name the file to write" : format.error().c_str());
    else if (fs::is_directory(path_, ec)) ImGui::TextColored(kErrorInk, "%s is a folder", path_.c_str());
    else if (fs::exists(path_, ec)) ImGui::TextColored(kWarningInk, "%s exists: Export replaces it", fs::path(path_).filename().c_str());

    const bool ready = size && format && !path_.empty() && !fs::is_directory(path_, ec);
    if (export_buttons(state_, ready, enter, browser_.is_open())) request = ExportRequest{path_, *size};
    ImGui::EndPopup();
    return request;
}

bool draw_export_progress(bool shown, const std::string& path, float fraction, const std::string& stage) {
    const char* id = "Exporting";
    if (!shown) {
        if (ImGui::IsPopupOpen(id) && ImGui::BeginPopupModal(id)) {
            ImGui::CloseCurrentPopup();
            ImGui::EndPopup();
        }
        return false;
    }
    if (!ImGui::IsPopupOpen(id)) ImGui::OpenPopup(id);
    const ImGuiIO& io = ImGui::GetIO();
    ImGui::SetNextWindowPos(ImVec2(io.DisplaySize.x * 0.5f, io.DisplaySize.y * 0.5f), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSize(ImVec2(em(24), 0), ImGuiCond_Always);
    if (!ImGui::BeginPopupModal(id, nullptr, ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoSavedSettings))
        return false;
    ImGui::TextWrapped("%s", path.c_str());
    ImGui::ProgressBar(std::clamp(fraction, 0.0f, 1.0f), ImVec2(-1, 0), stage.c_str());
    const bool cancel = ImGui::Button("Cancel");
    ImGui::EndPopup();
    return cancel;
}

}  // namespace mirador
