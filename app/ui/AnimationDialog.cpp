#include "ui/AnimationDialog.hpp"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>

#include "export/FileExtension.hpp"
#include "mirador/geo/IncidentDate.hpp"
#include "ui/ExportDialogFrame.hpp"
#include "ui/ExportSizeControls.hpp"
#include "ui/Style.hpp"

namespace mirador {

namespace fs = std::filesystem;

namespace {

// The steps the time slider offers for incidents, as `animate --step` names them (no custom window).
const char* const kSteps[] = {"day", "week", "month", "quarter", "year"};
const char* const kStepNames[] = {"Day", "Week", "Month", "Quarter", "Year"};

// What stops an export before it starts, or "" (checked again, with the inputs, when it starts).
std::string output_problem(const std::string& path, int format) {
    std::error_code ec;
    if (path.empty()) return "Name the file or folder to write";
    if (format < 2 && fs::is_directory(path, ec)) return path + " is a folder";
    if (format == 2 && fs::exists(path, ec) && !fs::is_directory(path, ec)) return path + " is a file, not a folder";
    return "";
}

// What an export would replace, or "".
std::string output_warning(const std::string& path, int format) {
    std::error_code ec;
    if (format < 2) return fs::exists(path, ec) ? fs::path(path).filename().string() + " exists: Export replaces it once the animation is complete" : "";
    if (fs::exists(fs::path(path) / "frame-00001.png", ec)) return "The folder holds frame-*.png: Export replaces them";
    return "";
}

}  // namespace

std::string iso_day(std::int32_t day) {
    const geo::CivilDate c = geo::civil_from_days(day);
    char text[16];
    std::snprintf(text, sizeof text, "%04d-%02d-%02d", c.year, c.month, c.day);
    return text;
}

int animation_format_of(const std::string& path) {
    const std::string ext = lower_extension(path);
    return ext == "mp4" ? 0 : ext == "gif" ? 1 : 2;
}

std::string animation_path_for(const std::string& path, int format) {
    fs::path p(path.empty() ? "animation" : path);
    p.replace_extension(format == 0 ? ".mp4" : format == 1 ? ".gif" : "");
    return p.string();
}

void AnimationDialog::open(std::string path, geo::DayRange range, int map_width, int map_height) {
    request_.options.out = std::move(path);
    // The data's range each time the dialog opens (the data may have changed); the rest as last set.
    if (!range.empty()) request_.dates = DateRangeFlags{iso_day(range.from), iso_day(range.to)};
    choice_.window_width = map_width;
    choice_.window_height = map_height;
    state_.show();
}

std::optional<AnimationExportRequest> AnimationDialog::draw(int max_side) {
    if (!begin_export_dialog("Export an animation", state_)) return std::nullopt;
    AnimateOptions& o = request_.options;
    std::optional<AnimationExportRequest> request;

    // The output: a file (MP4, GIF) or a folder (PNG frames); Up and Down in it step the sizes.
    ImGui::TextUnformatted("File or folder");
    int preset = static_cast<int>(choice_.preset);
    bool enter = export_path_box("##out", o.out, state_, preset);
    ImGui::SameLine();
    if (ImGui::Button("Browse...")) {
        const fs::path p(o.out);
        browser_.open(FileBrowser::Mode::Save, "Export the animation to", {".mp4", ".gif"}, p.parent_path().string(),
                      p.filename().string());
    }
    if (const auto chosen = browser_.draw()) o.out = *chosen;
    int format = animation_format_of(o.out);
    const int before = format;
    ImGui::RadioButton("MP4 (H.264)", &format, 0);
    ImGui::SameLine();
    ImGui::RadioButton("GIF", &format, 1);
    ImGui::SameLine();
    ImGui::RadioButton("PNG frames in a folder", &format, 2);
    if (format != before) o.out = animation_path_for(o.out, format);

    ImGui::Spacing();
    auto size = draw_export_size(choice_, preset, max_side);
    choice_.preset = static_cast<ExportPreset>(preset);

    // The time: the slider's steps over from..to.
    ImGui::Spacing();
    ImGui::TextUnformatted("Time");
    int step = int(std::find(std::begin(kSteps), std::end(kSteps), o.step) - std::begin(kSteps));
    step = std::min(step, 4);
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted("A frame per");
    ImGui::SameLine();
    ImGui::SetNextItemWidth(em(7));
    ImGui::Combo("##step", &step, kStepNames, 5);
    o.step = kSteps[step];
    ImGui::SameLine(0, em(1));
    ImGui::TextUnformatted("from");
    ImGui::SameLine();
    ImGui::SetNextItemWidth(em(7));
    enter |= ImGui::InputText("##from", &request_.dates.from, ImGuiInputTextFlags_EnterReturnsTrue);
    ImGui::SameLine();
    ImGui::TextUnformatted("to");
    ImGui::SameLine();
    ImGui::SetNextItemWidth(em(7));
    enter |= ImGui::InputText("##to", &request_.dates.to, ImGuiInputTextFlags_EnterReturnsTrue);
    ImGui::TextDisabled("as --from and --to take them: 2019, 2019-10 or 2019-10-17");
    ImGui::SetNextItemWidth(em(5));
    ImGui::InputDouble("frames a second", &o.fps, 0, 0, "%g");
    ImGui::SameLine(0, em(1.5f));
    ImGui::SetNextItemWidth(em(4));
    ImGui::InputInt("last frame held (extra frames)", &o.hold_last, 0);
    ImGui::Checkbox("Leave out windows with no incident shown", &o.skip_empty);

    const std::string problem = output_problem(o.out, format);
    const bool fps_ok = o.fps > 0 && o.fps <= 120, hold_ok = o.hold_last >= 0;
    if (!problem.empty()) dialog_error(problem);
    else if (!fps_ok) dialog_error("Frames a second: more than 0, at most 120");
    else if (!hold_ok) dialog_error("The last frame is held 0 or more extra frames");
    else if (const std::string w = output_warning(o.out, format); !w.empty()) dialog_warning(w);

    const bool ready = size && problem.empty() && fps_ok && hold_ok;
    if (export_buttons(state_, ready, enter, browser_.is_open())) {
        set_frame_size(o.frame, *size);
        request = request_;
    }
    ImGui::EndPopup();
    return request;
}

}  // namespace mirador
