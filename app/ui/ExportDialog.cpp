#include "ui/ExportDialog.hpp"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <filesystem>

#include "export/ImageFile.hpp"
#include "ui/Style.hpp"

namespace mirador {

namespace fs = std::filesystem;

namespace {

const ImVec4 kError(0.7f, 0.1f, 0.1f, 1), kWarning(0.7f, 0.3f, 0.0f, 1);

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
    open_ = true;
    popup_opened_ = false;
    focus_path_ = true;
}

std::optional<ExportRequest> ExportDialog::draw(int max_side) {
    if (!open_) return std::nullopt;
    const char* id = "Export the map";
    if (!popup_opened_) {
        ImGui::OpenPopup(id);
        popup_opened_ = true;
    }
    const ImGuiIO& io = ImGui::GetIO();
    ImGui::SetNextWindowPos(ImVec2(io.DisplaySize.x * 0.5f, io.DisplaySize.y * 0.5f), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    if (!ImGui::BeginPopupModal(id, &open_, ImGuiWindowFlags_AlwaysAutoResize)) return std::nullopt;
    std::optional<ExportRequest> request;

    // Size: a preset, or custom.
    ImGui::TextUnformatted("Size");
    int preset = static_cast<int>(choice_.preset);
    ImGui::SetNextItemWidth(em(16));
    if (ImGui::BeginCombo("##preset", to_string(choice_.preset))) {
        for (int k = 0; k < kExportPresetCount; ++k)
            if (ImGui::Selectable(to_string(static_cast<ExportPreset>(k)), k == preset)) preset = k;
        ImGui::EndCombo();
    }
    if (is_paper(choice_.preset)) {
        int dpi = choice_.paper_dpi, o = static_cast<int>(choice_.orientation);
        ImGui::RadioButton("150 dpi", &dpi, 150);
        ImGui::SameLine();
        ImGui::RadioButton("300 dpi", &dpi, 300);
        ImGui::SameLine(0, em(1.5f));
        ImGui::RadioButton("Landscape", &o, static_cast<int>(PaperOrientation::Landscape));
        ImGui::SameLine();
        ImGui::RadioButton("Portrait", &o, static_cast<int>(PaperOrientation::Portrait));
        choice_.paper_dpi = dpi;
        choice_.orientation = static_cast<PaperOrientation>(o);
    }
    if (choice_.preset == ExportPreset::Custom) {
        ImGui::SetNextItemWidth(em(5));
        ImGui::InputInt("x##w", &choice_.custom_width, 0);
        ImGui::SameLine();
        ImGui::SetNextItemWidth(em(5));
        ImGui::InputInt("px at##h", &choice_.custom_height, 0);
        ImGui::SameLine();
        ImGui::SetNextItemWidth(em(4));
        ImGui::InputDouble("dpi (0: none stored)", &choice_.custom_dpi, 0, 0, "%g");
    }
    auto size = checked_export_size(choice_, max_side);
    if (size) ImGui::TextDisabled("%s; the view's extent, fitted to this shape", describe(*size).c_str());
    else ImGui::TextColored(kError, "%s", size.error().c_str());

    // The file: its extension is the format.
    ImGui::Spacing();
    ImGui::TextUnformatted("File");
    if (focus_path_) {
        ImGui::SetKeyboardFocusHere();
        focus_path_ = false;
    }
    ImGui::SetNextItemWidth(em(26));
    const bool enter = ImGui::InputText("##path", &path_, ImGuiInputTextFlags_EnterReturnsTrue);
    // Up and Down in the file box step through the sizes: the whole dialog works from the keyboard.
    if (ImGui::IsItemActive()) {
        if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_DownArrow))) preset = std::min(preset + 1, kExportPresetCount - 1);
        if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_UpArrow))) preset = std::max(preset - 1, 0);
    }
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
    if (!format) ImGui::TextColored(kError, "%s", path_.empty() ? "Name the file to write" : format.error().c_str());
    else if (fs::is_directory(path_, ec)) ImGui::TextColored(kError, "%s is a folder", path_.c_str());
    else if (fs::exists(path_, ec)) ImGui::TextColored(kWarning, "%s exists: Export replaces it", fs::path(path_).filename().c_str());

    ImGui::Spacing();
    const bool ready = size && format && !path_.empty() && !fs::is_directory(path_, ec);
    ImGui::BeginDisabled(!ready);
    const bool go = ImGui::Button("Export") || (enter && ready);
    ImGui::EndDisabled();
    ImGui::SameLine();
    if (ImGui::Button("Cancel") || (!browser_.is_open() && ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape)))) open_ = false;
    if (go && ready) {
        request = ExportRequest{path_, *size};
        open_ = false;
    }
    if (!open_) ImGui::CloseCurrentPopup();
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
