#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "mirador/geo/IncidentDate.hpp"
#include "scene/MapScene.hpp"
#include "ui/NumberControls.hpp"
#include "ui/Panels.hpp"
#include "ui/Style.hpp"

namespace mirador {

namespace {

constexpr ImU32 kBar = IM_COL32(120, 132, 150, 255);
constexpr ImU32 kBarInWindow = IM_COL32(214, 96, 30, 255);
constexpr ImU32 kWindowShade = IM_COL32(214, 96, 30, 45);

// Where the histogram's days fall on screen: the bins' whole span across the width.
struct DayScale {
    float x0, width;
    std::int32_t from, days;
    float x(std::int32_t day) const { return x0 + width * float(day - from) / float(days); }
    std::int32_t day(float sx) const {
        const float t = std::clamp((sx - x0) / width, 0.0f, 0.9999f);
        return from + static_cast<std::int32_t>(t * float(days));
    }
};

// Year ticks along the top, each labelled where there is room for the text.
void draw_year_ticks(ImDrawList* dl, const DayScale& sc, float y0, float h) {
    const int first = geo::civil_from_days(sc.from).year + 1, last = geo::civil_from_days(sc.from + sc.days - 1).year;
    float last_text_end = -1e9f;
    for (int year = first; year <= last; ++year) {
        const float x = sc.x(geo::days_from_civil(year, 1, 1));
        dl->AddLine(ImVec2(x, y0), ImVec2(x, y0 + h), IM_COL32(0, 0, 0, 40));
        char text[16];
        std::snprintf(text, sizeof text, "%d", year);
        if (x + 3 < last_text_end + 8) continue;
        dl->AddText(ImVec2(x + 3, y0), IM_COL32(60, 60, 70, 200), text);
        last_text_end = x + 3 + ImGui::CalcTextSize(text).x;
    }
}

// The bars; returns true (and sets `clicked_day`) where the user clicks or drags on them.
bool draw_histogram(const geo::TimeHistogram& h, bool table, std::optional<geo::DayRange> window, float height,
                    std::int32_t& clicked_day) {
    const ImVec2 p0 = ImGui::GetCursorScreenPos();
    const float width = std::max(50.0f, ImGui::GetContentRegionAvail().x);
    ImGui::InvisibleButton("##histogram", ImVec2(width, height));
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(p0, ImVec2(p0.x + width, p0.y + height), IM_COL32(250, 250, 250, 255));
    if (h.bins.empty()) return false;
    const DayScale sc{p0.x, width, h.bins.front().from, h.bins.back().to - h.bins.front().from + 1};
    const float top = p0.y + ImGui::GetTextLineHeight(), bottom = p0.y + height;
    if (window) dl->AddRectFilled(ImVec2(sc.x(window->from), p0.y), ImVec2(sc.x(window->to + 1), bottom), kWindowShade);
    draw_year_ticks(dl, sc, p0.y, height);

    const double max = std::max(1e-9, h.max_count());
    const auto [hi_first, hi_last] = window ? h.bins_overlapping(*window) : std::pair<std::size_t, std::size_t>{0, 0};
    for (std::size_t k = 0; k < h.bins.size(); ++k) {
        if (h.counts[k] <= 0) continue;
        // At least a pixel tall: one incident in a busy decade must still show.
        const float bar = std::max(1.0f, float(h.counts[k] / max) * (bottom - top));
        const float x0 = sc.x(h.bins[k].from), x1 = std::max(x0 + 1.0f, sc.x(h.bins[k].to + 1) - (width > 400 ? 1.0f : 0.0f));
        dl->AddRectFilled(ImVec2(x0, bottom - bar), ImVec2(x1, bottom), k >= hi_first && k < hi_last ? kBarInWindow : kBar);
    }
    dl->AddRect(p0, ImVec2(p0.x + width, p0.y + height), IM_COL32(0, 0, 0, 60));

    const float mx = ImGui::GetIO().MousePos.x;
    if (ImGui::IsItemHovered()) {
        const std::int32_t d = sc.day(mx);
        const auto [k, k_end] = h.bins_overlapping(geo::DayRange{d, d});
        if (k < k_end && table)
            ImGui::SetTooltip("%s: %.0f counted in the table", geo::describe_days(h.bins[k]).c_str(), h.counts[k]);
        else if (k < k_end)
            ImGui::SetTooltip("%s: %.1f incidents, %.0f deaths", geo::describe_days(h.bins[k]).c_str(), h.counts[k],
                              h.weights[k]);
    }
    if (ImGui::IsItemActive() && ImGui::IsMouseDown(ImGuiMouseButton_Left)) {
        clicked_day = sc.day(mx);
        return true;
    }
    return false;
}

// `first_unit`..`last_unit`: the units offered (a table of months offers month to year).
bool unit_and_mode_controls(geo::WindowSpec& spec, geo::WindowUnit first_unit, geo::WindowUnit last_unit) {
    static const char* modes[] = {"Moving", "Cumulative"};
    static const char* units[] = {"Day", "Week", "Month", "Quarter", "Year", "Custom"};
    bool changed = false;
    const int first = static_cast<int>(first_unit), count = static_cast<int>(last_unit) - first + 1;
    int mode = static_cast<int>(spec.mode), unit = std::clamp(static_cast<int>(spec.unit), first, first + count - 1) - first;
    ImGui::SetNextItemWidth(110);
    changed |= ImGui::Combo("##mode", &mode, modes, 2);
    ImGui::SameLine();
    ImGui::SetNextItemWidth(95);
    changed |= ImGui::Combo("##unit", &unit, units + first, count);
    if (ImGui::IsItemHovered() && count < 6)
        ImGui::SetTooltip("A table of months is counted in whole months: days and weeks would have to be guessed");
    spec.mode = static_cast<geo::WindowMode>(mode);
    spec.unit = static_cast<geo::WindowUnit>(unit + first);
    if (spec.unit == geo::WindowUnit::Custom) {
        ImGui::SameLine();
        ImGui::SetNextItemWidth(95);
        int n = spec.custom_days;
        if (ImGui::InputInt("days", &n, 1, 7)) {
            spec.custom_days = clamp_to(limits::kCustomDays, n);
            changed = true;
        }
    }
    return changed;
}

}  // namespace

float time_bar_height() {
    const ImGuiStyle& st = ImGui::GetStyle();
    return 4.0f * ImGui::GetTextLineHeight() + 2 * ImGui::GetFrameHeight() + 2 * st.ItemSpacing.y + 2 * st.WindowPadding.y;
}

void draw_time_bar(doc::TimeSettings& t, UiState& ui, const UnitTotals& inc, const char* shown) {
    TimePlayback& p = ui.time;
    if (!begin_bottom_bar("##time", status_bar_height(), time_bar_height(), 0.92f)) {
        ImGui::End();
        return;
    }
    const std::size_t n = p.axis.count();
    std::int32_t clicked_day = 0;
    if (draw_histogram(inc.histogram, inc.from_table, current_window(t), 4.0f * ImGui::GetTextLineHeight(), clicked_day) && n)
        seek(t, p, p.axis.index_of(clicked_day));

    // The position slider, as wide as the bars above it.
    ImGui::SetNextItemWidth(-1);
    const auto at = position(t, p);
    int pos = static_cast<int>(at.value_or(0));
    const std::string label = at ? current_label(t) : "All time (drag or press the right arrow for a window)";
    if (ImGui::SliderInt("##position", &pos, 0, std::max(0, static_cast<int>(n) - 1), label.c_str(),
                         ImGuiSliderFlags_NoInput) && n)
        seek(t, p, static_cast<std::size_t>(std::max(0, pos)));

    bool all_time = t.all_time;
    if (ImGui::Checkbox("All time", &all_time)) {
        if (all_time) {
            t.all_time = true;
            p.playing = false;
        } else if (current_window(t)) {
            t.all_time = false;
        } else if (n) {
            seek(t, p, 0);
        }
    }
    ImGui::SameLine();
    if (ImGui::Button(" < ")) step(t, p, -1);
    ImGui::SameLine();
    if (ImGui::Button(p.playing ? "Pause" : " Play ")) toggle_play(t, p);
    ImGui::SameLine();
    if (ImGui::Button(" > ")) step(t, p, +1);
    ImGui::SameLine();
    ImGui::Checkbox("Loop", &t.loop);
    ImGui::SameLine();
    ImGui::SetNextItemWidth(em(9));
    number_slider("##speed", t.speed, limits::kPlaybackSpeed, TimePlayback::kMinSpeed, TimePlayback::kMaxSpeed,
                  "%.2f windows/s", ImGuiSliderFlags_Logarithmic);
    ImGui::SameLine(0, 20);
    const bool yearly = inc.from_table && inc.histogram.bin == geo::HistogramBin::Year;
    const geo::WindowUnit first = yearly ? geo::WindowUnit::Year : inc.from_table ? geo::WindowUnit::Month : geo::WindowUnit::Day;
    const geo::WindowUnit last = inc.from_table ? geo::WindowUnit::Year : geo::WindowUnit::Custom;
    if (unit_and_mode_controls(t.window, first, last)) set_axis(p, t, p.axis.extent());

    const char* counts = shown;
    ImGui::SameLine();
    ImGui::SetCursorPosX(std::max(ImGui::GetCursorPosX() + 20, ImGui::GetWindowContentRegionMax().x - ImGui::CalcTextSize(counts).x));
    ImGui::TextDisabled("%s", counts);
    ImGui::End();
}

}  // namespace mirador
