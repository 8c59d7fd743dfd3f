#include "mirador/geo/TimeWindow.hpp"

#include <algorithm>
#include <cctype>
#include <cstdio>

#include "mirador/geo/IncidentDate.hpp"
#include "mirador/geo/IncidentStore.hpp"

namespace mirador::geo {

namespace {

constexpr std::int64_t floor_div(std::int64_t a, std::int64_t b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0))); }

// Day 0 (1970-01-01) was a Thursday, so the Monday that starts its week is day -3.
constexpr std::int32_t kFirstMonday = -3;

// Every unit is numbered on one absolute scale (months as year*12 + month-1, ...), so that the
// slider's positions are differences of two numbers and need no walking through the calendar.
std::int64_t unit_index(std::int32_t day, const WindowSpec& s, std::int32_t origin) {
    if (s.unit == WindowUnit::Day) return day;
    if (s.unit == WindowUnit::Week) return floor_div(std::int64_t(day) - kFirstMonday, 7);
    if (s.unit == WindowUnit::Custom) return floor_div(std::int64_t(day) - origin, s.custom_days);
    const CivilDate c = civil_from_days(day);
    switch (s.unit) {
        case WindowUnit::Month: return std::int64_t(c.year) * 12 + (c.month - 1);
        case WindowUnit::Quarter: return std::int64_t(c.year) * 4 + (c.month - 1) / 3;
        default: return c.year;
    }
}

DayRange months(std::int64_t year, int first_month, int last_month) {
    const int y = static_cast<int>(year);
    return {days_from_civil(y, first_month, 1), days_from_civil(y, last_month, days_in_month(y, last_month))};
}

DayRange unit_range(std::int64_t index, const WindowSpec& s, std::int32_t origin) {
    switch (s.unit) {
        case WindowUnit::Day: return {static_cast<std::int32_t>(index), static_cast<std::int32_t>(index)};
        case WindowUnit::Week: {
            const auto from = static_cast<std::int32_t>(index * 7 + kFirstMonday);
            return {from, from + 6};
        }
        case WindowUnit::Custom: {
            const auto from = static_cast<std::int32_t>(origin + index * s.custom_days);
            return {from, from + s.custom_days - 1};
        }
        case WindowUnit::Month: {
            const std::int64_t y = floor_div(index, 12);
            const int m = static_cast<int>(index - y * 12) + 1;
            return months(y, m, m);
        }
        case WindowUnit::Quarter: {
            const std::int64_t y = floor_div(index, 4);
            const int q = static_cast<int>(index - y * 4);
            return months(y, 3 * q + 1, 3 * q + 3);
        }
        case WindowUnit::Year: return months(index, 1, 12);
    }
    return {};
}

}  // namespace

double span_fraction_in(std::int32_t day_start, std::int32_t day_end, DayRange w) {
    day_end = std::max(day_end, day_start);
    const std::int64_t overlap = std::int64_t(std::min(day_end, w.to)) - std::max(day_start, w.from) + 1;
    if (overlap <= 0) return 0.0;
    return double(overlap) / double(std::int64_t(day_end) - day_start + 1);
}

const char* to_string(WindowMode m) { return m == WindowMode::Cumulative ? "cumulative" : "moving"; }

const char* to_string(WindowUnit u) {
    switch (u) {
        case WindowUnit::Day: return "day";
        case WindowUnit::Week: return "week";
        case WindowUnit::Month: return "month";
        case WindowUnit::Quarter: return "quarter";
        case WindowUnit::Year: return "year";
        case WindowUnit::Custom: return "custom";
    }
    return "?";
}

std::optional<WindowUnit> parse_window_unit(std::string_view text) {
    std::string lower;
    for (char c : text)
        if (!std::isspace(static_cast<unsigned char>(c))) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    for (auto u : {WindowUnit::Day, WindowUnit::Week, WindowUnit::Month, WindowUnit::Quarter, WindowUnit::Year, WindowUnit::Custom})
        if (lower == to_string(u)) return u;
    return std::nullopt;
}

DayRange data_extent(const IncidentStore& store) {
    if (store.empty()) return {};
    // Sorted by day_start, and the running maximum of day_end ends on the latest end.
    return {store.day_start().front(), store.max_day_end().back()};
}

TimeAxis::TimeAxis(DayRange extent, WindowSpec spec) : extent_(extent), spec_(spec) {
    spec_.custom_days = std::max(1, spec_.custom_days);
    if (extent_.empty()) return;
    first_ = unit_index(extent_.from, spec_, extent_.from);
    count_ = static_cast<std::size_t>(unit_index(extent_.to, spec_, extent_.from) - first_ + 1);
}

DayRange TimeAxis::window(std::size_t k) const {
    DayRange w = unit_range(first_ + static_cast<std::int64_t>(k), spec_, extent_.from);
    if (spec_.mode == WindowMode::Cumulative) w.from = extent_.from;
    return w;
}

std::size_t TimeAxis::index_of(std::int32_t day) const {
    if (count_ == 0) return 0;
    const std::int64_t k = unit_index(day, spec_, extent_.from) - first_;
    return static_cast<std::size_t>(std::clamp<std::int64_t>(k, 0, static_cast<std::int64_t>(count_) - 1));
}

std::string TimeAxis::label(std::size_t k) const {
    const DayRange w = window(k);
    if (spec_.mode == WindowMode::Moving) return describe_days(w);
    std::string s = format_day(w.from);
    return s.append(" to ").append(format_day(w.to));
}

std::string describe_days(DayRange r) {
    if (r.empty()) return "no days";
    if (r.days() == 1) return format_day(r.from);
    const CivilDate a = civil_from_days(r.from), b = civil_from_days(r.to);
    const bool whole_months = a.day == 1 && b.day == days_in_month(b.year, b.month) && a.year == b.year;
    if (whole_months && a.month == b.month) return std::string(month_name(a.month)) + " " + std::to_string(a.year);
    if (whole_months && a.month == 1 && b.month == 12) return std::to_string(a.year);
    if (whole_months && (a.month - 1) % 3 == 0 && b.month == a.month + 2) {
        std::string q = "Q";
        return q.append(std::to_string((a.month - 1) / 3 + 1)).append(" ").append(std::to_string(a.year));
    }
    std::string s = format_day(r.from);
    return s.append(" to ").append(format_day(r.to));
}

}  // namespace mirador::geo
