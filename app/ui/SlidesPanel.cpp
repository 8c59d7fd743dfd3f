// The Slides section: the document's slides in order, one added from what the map shows now,
// and the selected one's name, title, notes and time playback, moved, duplicated, deleted,
// shown on the map or presented from. Every change is an edit of the document, undone and saved
// as the other panels' are.
#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <cstdint>

#include "document/Slides.hpp"
#include "document/TimePlayback.hpp"
#include "scene/DocumentFrame.hpp"
#include "ui/NumberControls.hpp"
#include "ui/Panels.hpp"
#include "ui/Style.hpp"

namespace mirador {

namespace {

// The selected slide's fields.
void draw_slide_editor(doc::Slide& s) {
    ImGui::SetNextItemWidth(-1);
    ImGui::InputTextWithHint("##slide-name", "Name (as listed)", &s.name);
    ImGui::SetNextItemWidth(-1);
    ImGui::InputTextWithHint("##slide-title", "Title (the title block's while shown)", &s.title);
    ImGui::InputTextMultiline("##slide-notes", &s.notes, ImVec2(-1, em(3.2f)));
    if (s.notes.empty() && !ImGui::IsItemActive()) {
        // A hint for the multiline box, which ImGui 1.86 does not offer.
        const ImVec2 at = ImGui::GetItemRectMin();
        ImGui::GetWindowDrawList()->AddText(ImVec2(at.x + ImGui::GetStyle().FramePadding.x, at.y + ImGui::GetStyle().FramePadding.y),
                                            ImGui::GetColorU32(ImGuiCol_TextDisabled), "Presenter's notes");
    }
    ImGui::Checkbox("Play the time window while shown", &s.playback.enabled);
    if (!s.playback.enabled) return;
    ImGui::SetNextItemWidth(em(6));
    ImGui::InputTextWithHint("##play-from", "from", &s.playback.from);
    ImGui::SameLine();
    ImGui::SetNextItemWidth(em(6));
    ImGui::InputTextWithHint("##play-to", "to", &s.playback.to);
    ImGui::SameLine();
    ImGui::TextDisabled("(?)");
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip("ISO dates (2019-10, 2019-10-17): the slide's kind of window is played from the one\n"
                          "holding the first date to the one holding the last");
    ImGui::SetNextItemWidth(-1);
    number_slider("##play-speed", s.playback.speed, limits::kPlaybackSpeed, TimePlayback::kMinSpeed,
                  TimePlayback::kMaxSpeed, "%.2f windows/s", ImGuiSliderFlags_Logarithmic);
}

// What a slide shows, in a line under its name.
std::string slide_summary(const doc::Slide& s) {
    std::string time = s.time.all_time ? "all time" : current_label(s.time);
    if (time.empty()) time = "no readable time window";
    return s.playback.enabled ? time + ", played" : time;
}

}  // namespace

void draw_slides_section(doc::MapDocument& d, UiState& ui, const PanelData& data) {
    const int count = static_cast<int>(d.slides.size());
    ui.selected_slide = count == 0 ? -1 : std::clamp(ui.selected_slide, -1, count - 1);
    if (ImGui::Button("Add slide from current view")) {
        d.slides.push_back(doc::capture_slide(d, visible_view(ui, d.view.crs), doc::next_slide_name(d)));
        ui.selected_slide = static_cast<int>(d.slides.size()) - 1;
    }
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip("The map as it is now: its extent, layers and styles, filters, time window and title");
    ImGui::SameLine();
    ImGui::BeginDisabled(count == 0);
    if (ImGui::Button("Present")) ui.present_request = std::max(ui.selected_slide, 0);
    if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled))
        ImGui::SetTooltip("Full screen from the selected slide (F5: from the first; Esc leaves)");
    ImGui::EndDisabled();
    if (count == 0) {
        ImGui::TextDisabled("No slides yet.");
        return;
    }

    int show = -1;  // a slide double-clicked: the map becomes it
    const ImVec2 thumb(em(6.4f), em(4.0f));  // the thumbnails' shape (gui/SlideThumbnails.hpp)
    for (int i = 0; i < count; ++i) {
        const doc::Slide& s = d.slides[static_cast<std::size_t>(i)];
        ImGui::PushID(i);
        // The row is one selectable the height of the thumbnail, with the picture and the text over it.
        const ImVec2 row = ImGui::GetCursorScreenPos();
        if (ImGui::Selectable("##slide", ui.selected_slide == i,
                              ImGuiSelectableFlags_AllowDoubleClick | ImGuiSelectableFlags_AllowItemOverlap,
                              ImVec2(0, thumb.y))) {
            ui.selected_slide = i;
            if (ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left)) show = i;
        }
        ImDrawList* dl = ImGui::GetWindowDrawList();
        const unsigned id = data.slide_thumbnails && static_cast<std::size_t>(i) < data.slide_thumbnails->size()
                                ? (*data.slide_thumbnails)[static_cast<std::size_t>(i)]
                                : 0u;
        const ImVec2 end(row.x + thumb.x, row.y + thumb.y);
        if (id != 0) dl->AddImage(reinterpret_cast<ImTextureID>(static_cast<std::intptr_t>(id)), row, end);
        else dl->AddRectFilled(row, end, ImGui::GetColorU32(ImGuiCol_FrameBg));
        dl->AddRect(row, end, ImGui::GetColorU32(ImGuiCol_Border));
        const std::string label = std::to_string(i + 1) + ". " + (s.name.empty() ? std::string("(no name)") : s.name);
        const float text_x = row.x + thumb.x + em(0.5f);
        dl->PushClipRect(ImVec2(text_x, row.y), ImVec2(ImGui::GetWindowPos().x + ImGui::GetWindowWidth(), end.y), true);
        dl->AddText(ImVec2(text_x, row.y + em(0.3f)), ImGui::GetColorU32(ImGuiCol_Text), label.c_str());
        dl->AddText(ImVec2(text_x, row.y + em(1.5f)), ImGui::GetColorU32(ImGuiCol_TextDisabled), slide_summary(s).c_str());
        if (!s.title.empty())
            dl->AddText(ImVec2(text_x, row.y + em(2.7f)), ImGui::GetColorU32(ImGuiCol_TextDisabled), s.title.c_str());
        dl->PopClipRect();
        ImGui::PopID();
    }
    if (ui.selected_slide < 0) {
        ImGui::TextDisabled("Select a slide to edit it; double-click to show it.");
        return;
    }
    const auto k = static_cast<std::size_t>(ui.selected_slide);
    ImGui::Separator();
    if (ImGui::Button("Show")) show = ui.selected_slide;
    ImGui::SameLine();
    if (ImGui::Button("Update")) {
        // The map as it is now, keeping what only the slide says (name, title, notes, playback).
        doc::Slide updated = doc::capture_slide(d, visible_view(ui, d.view.crs), d.slides[k].name);
        updated.title = d.slides[k].title;
        updated.notes = d.slides[k].notes;
        updated.playback = d.slides[k].playback;
        d.slides[k] = std::move(updated);
    }
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Take the map as it is now into this slide");
    ImGui::SameLine();
    if (ImGui::ArrowButton("up", ImGuiDir_Up) && doc::move_slide(d, k, -1)) --ui.selected_slide;
    ImGui::SameLine();
    if (ImGui::ArrowButton("down", ImGuiDir_Down) && doc::move_slide(d, k, +1)) ++ui.selected_slide;
    ImGui::SameLine();
    if (ImGui::Button("Duplicate") && doc::duplicate_slide(d, k)) ++ui.selected_slide;
    ImGui::SameLine();
    if (ImGui::Button("Delete")) {
        doc::delete_slide(d, k);
        ui.selected_slide = std::min(ui.selected_slide, static_cast<int>(d.slides.size()) - 1);
        return;
    }
    draw_slide_editor(d.slides[static_cast<std::size_t>(ui.selected_slide)]);

    if (show >= 0) {
        // Showing a slide while editing is an edit like any other (one undo step back).
        d = doc::apply_slide(d, d.slides[static_cast<std::size_t>(show)]);
        fly_to_view(ui, view_of_extent(ui, extent_box(d.view, data.boundaries), time_label_room(), land_of(data.boundaries)));
    }
}

}  // namespace mirador
