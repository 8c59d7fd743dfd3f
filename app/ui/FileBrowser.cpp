#include "ui/FileBrowser.hpp"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <filesystem>

#include "ui/Style.hpp"

namespace mirador {

namespace fs = std::filesystem;

namespace {

std::string lower(std::string s) {
    for (char& c : s) c = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    return s;
}

bool has_extension(const std::string& name, const std::vector<std::string>& extensions) {
    if (extensions.empty()) return true;
    const std::string n = lower(name);
    return std::any_of(extensions.begin(), extensions.end(), [&](const std::string& e) {
        return n.size() >= e.size() && n.compare(n.size() - e.size(), e.size(), lower(e)) == 0;
    });
}

}  // namespace

void FileBrowser::open(Mode mode, std::string title, std::vector<std::string> extensions, std::string folder,
                       std::string name) {
    mode_ = mode;
    title_ = std::move(title);
    extensions_ = std::move(extensions);
    std::error_code ec;
    folder_ = folder.empty() || !fs::is_directory(folder, ec) ? fs::current_path(ec).string() : folder;
    name_ = std::move(name);
    open_ = true;
    popup_opened_ = false;
    confirm_overwrite_ = false;
    list();
}

void FileBrowser::list() {
    entries_.clear();
    error_.clear();
    std::error_code ec;
    for (fs::directory_iterator it(folder_, fs::directory_options::skip_permission_denied, ec), end; !ec && it != end;
         it.increment(ec)) {
        const std::string name = it->path().filename().string();
        if (name.empty() || name[0] == '.') continue;
        std::error_code e2;
        const bool folder = it->is_directory(e2);
        if (folder || has_extension(name, extensions_)) entries_.push_back({name, folder});
    }
    if (ec) error_ = folder_ + ": " + ec.message();
    std::sort(entries_.begin(), entries_.end(), [](const Entry& a, const Entry& b) {
        return a.folder != b.folder ? a.folder : lower(a.name) < lower(b.name);
    });
}

std::optional<std::string> FileBrowser::draw() {
    if (!open_) return std::nullopt;
    const std::string id = title_ + "##files";
    if (!popup_opened_) {
        ImGui::OpenPopup(id.c_str());
        popup_opened_ = true;
    }
    ImGui::SetNextWindowSize(ImVec2(em(36), em(26)), ImGuiCond_Appearing);
    std::optional<std::string> chosen;
    if (!ImGui::BeginPopupModal(id.c_str(), &open_)) return std::nullopt;
    if (ImGui::Button("Up")) {
        folder_ = fs::path(folder_).parent_path().string();
        list();
    }
    ImGui::SameLine();
    ImGui::SetNextItemWidth(-1);
    if (ImGui::InputText("##folder", &folder_, ImGuiInputTextFlags_EnterReturnsTrue)) list();
    if (!error_.empty()) ImGui::TextColored(kErrorInk, "%s", error_.c_str());
    const float footer = 2.5f * ImGui::GetFrameHeightWithSpacing();
    ImGui::BeginChild("entries", ImVec2(0, -footer), true);
    std::string enter;
    for (const Entry& e : entries_) {
        const std::string label = (e.folder ? "[folder] " : "") + e.name;
        if (ImGui::Selectable(label.c_str(), !e.folder && e.name == name_, ImGuiSelectableFlags_AllowDoubleClick)) {
            if (e.folder) {
                if (ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left)) enter = e.name;
            } else {
                name_ = e.name;
                confirm_overwrite_ = false;
                if (ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left) && mode_ == Mode::Open)
                    chosen = (fs::path(folder_) / name_).string();
            }
        }
    }
    ImGui::EndChild();
    if (!enter.empty()) {
        folder_ = (fs::path(folder_) / enter).string();
        list();
    }
    ImGui::SetNextItemWidth(em(24));
    if (ImGui::InputText("File name", &name_)) confirm_overwrite_ = false;
    const bool ok = ImGui::Button(mode_ == Mode::Open ? "Open" : confirm_overwrite_ ? "Replace it" : "Save");
    ImGui::SameLine();
    if (ImGui::Button("Cancel")) open_ = false;
    if (confirm_overwrite_) {
        ImGui::SameLine();
        ImGui::TextColored(kWarningInk, "%s exists", name_.c_str());
    }
    if (ok && !name_.empty()) {
        const std::string path = (fs::path(folder_) / name_).string();
        std::error_code ec;
        if (mode_ == Mode::Save && !extensions_.empty() && !has_extension(name_, extensions_)) {
            name_ += extensions_.front();
        } else if (mode_ == Mode::Save && fs::exists(path, ec) && !confirm_overwrite_) {
            confirm_overwrite_ = true;
        } else {
            chosen = path;
        }
    }
    if (chosen) {
        open_ = false;
        ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
    return chosen;
}

}  // namespace mirador
