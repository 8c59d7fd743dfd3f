#pragma once
// Number controls that keep to the range the whole program agrees on (document/Limits.hpp), as
// the command line's flags do: a slider may show a narrower span for comfort (slider_lo ..
// slider_hi), but a typed value (Ctrl+click) may use the whole range, and nothing outside it
// ever reaches the document.
#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <type_traits>

#include "document/Limits.hpp"
#include "ui/Style.hpp"

namespace mirador {

// Clamped into the range (whole numbers where the range counts things).
template <class T>
T clamp_to(const limits::NumberRange& r, T v) {
    double x = std::isfinite(double(v)) ? std::clamp(double(v), r.lo, r.hi) : r.lo;
    if (r.integer) x = std::round(x);
    return static_cast<T>(x);
}

// A slider over [slider_lo, slider_hi]; typing reaches the whole range. With `on_release` the
// value reaches `value` only when the edit ends (for settings that are costly to apply).
template <class T>
bool number_slider(const char* label, T& value, const limits::NumberRange& r, double slider_lo, double slider_hi,
                   const char* format = nullptr, ImGuiSliderFlags flags = 0, bool on_release = false) {
    static_assert(std::is_arithmetic_v<T>);
    if (label[0] != '#' || label[1] != '#') ImGui::SetNextItemWidth(control_width());
    bool changed = false;
    if constexpr (std::is_integral_v<T>) {
        int v = static_cast<int>(value), lo = static_cast<int>(slider_lo), hi = static_cast<int>(slider_hi);
        if (ImGui::SliderInt(label, &v, lo, hi, format ? format : "%d", flags)) {
            value = clamp_to(r, static_cast<T>(v));
            changed = true;
        }
    } else {
        // Edits go through a copy held while the control is active: on_release then applies it
        // when the control lets go.
        static float editing = 0;
        static ImGuiID editing_id = 0;
        const ImGuiID id = ImGui::GetID(label);
        float v = (on_release && editing_id == id) ? editing : static_cast<float>(value);
        const bool moved = ImGui::SliderFloat(label, &v, static_cast<float>(slider_lo), static_cast<float>(slider_hi),
                                              format ? format : "%.3g", flags);
        if (on_release) {
            if (ImGui::IsItemActive()) editing = v, editing_id = id;
            if (ImGui::IsItemDeactivatedAfterEdit()) {
                value = clamp_to(r, static_cast<T>(editing));
                editing_id = 0;
                changed = true;
            }
        } else if (moved) {
            value = clamp_to(r, static_cast<T>(v));
            changed = true;
        }
    }
    return changed;
}

// A typed number (no slider), clamped to the range.
template <class T>
bool number_input(const char* label, T& value, const limits::NumberRange& r) {
    ImGui::SetNextItemWidth(control_width());
    double v = static_cast<double>(value);
    if (!ImGui::InputDouble(label, &v, 0, 0, "%.4g", ImGuiInputTextFlags_EnterReturnsTrue)) return false;
    value = clamp_to(r, static_cast<T>(v));
    return true;
}

}  // namespace mirador
