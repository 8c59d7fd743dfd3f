// A minimal stand-in so the density engines build and test on their own branch; the `time`
// branch owns this file and its tests.
#include "mirador/geo/TimeWindow.hpp"

#include <algorithm>

#include "mirador/geo/IncidentDate.hpp"
#include "mirador/geo/IncidentStore.hpp"

namespace mirador::geo {

namespace {

constexpr const char* kMonths[12] = {"January", "February", "March",     "April",   "May",      "June",
                                     "July",    "August",   "September", "October", "November", "December"};

std::int32_t floor_div(std::int32_t a, std::int32_t b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0))); }

std::int32_t month_index(std::int32_t day) {  // months since year 0
    const CivilDate d = civil_from_days(day);
    return d.year * 12 + (d.month - 1);
}
std::int32_t month_start(std::int32_t index) { return days_from_civil(floor_div(index, 12), index - floor_div(index, 12) * 12 + 1, 1); }
std::int32_t week_start(std::int32_t day) { return day - (((day + 3) % 7) + 7) % 7; }  // 1970-01-01 was a Thursday

// Index of the unit holding `day`, counted from an origin that only depends on the unit
// (and, for custom windows, on the extent's first day).
std::int64_t unit_index(const WindowSpec& s, std::int32_t origin, std::int32_t day) {
    switch (s.unit) {
        case WindowUnit::Day: return day;
        case WindowUnit::Week: return floor_div(week_start(day), 7);
        case WindowUnit::Month: return month_index(day);
        case WindowUnit::Quarter: return floor_div(month_index(day), 3);
        case WindowUnit::Year: return civil_from_days(day).year;
        case WindowUnit::Custom: return floor_div(day - origin, std::max<std::int32_t>(1, s.custom_days));
    }
    return day;
}

DayRange unit_days(const WindowSpec& s, std::int32_t origin, std::int64_t index) {
    const auto k = static_cast<std::int32_t>(index);
    switch (s.unit) {
        case WindowUnit::Day: return {k, k};
        case WindowUnit::Week: return {k * 7 + 4, k * 7 + 10};  // day 4 (1970-01-05) was a Monday
        case WindowUnit::Month: return {month_start(k), month_start(k + 1) - 1};
        case WindowUnit::Quarter: return {month_start(k * 3), month_start(k * 3 + 3) - 1};
        case WindowUnit::Year: return {days_from_civil(k, 1, 1), days_from_civil(k, 12, 31)};
        case WindowUnit::Custom: {
            const std::int32_t n = std::max<std::int32_t>(1, s.custom_days);
            return {origin + k * n, origin + k * n + n - 1};
        }
    }
    return {k, k};
}

}  // namespace

double span_fraction_in(std::int32_t day_start, std::int32_t day_end, DayRange w) {
    const std::int64_t lo = std::max(day_start, w.from), hi = std::min(day_end, w.to);
    if (hi < lo) return 0.0;
    return static_cast<double>(hi - lo + 1) / static_cast<double>(std::int64_t{day_end} - day_start + 1);
}

const char* to_string(WindowMode m) { return m == WindowMode::Moving ? "moving" : "cumulative"; }

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
    for (auto u : {WindowUnit::Day, WindowUnit::Week, WindowUnit::Month, WindowUnit::Quarter, WindowUnit::Year,
                   WindowUnit::Custom})
        if (text == to_string(u)) return u;
    return std::nullopt;
}

DayRange data_extent(const IncidentStore& store) {
    if (store.empty()) return {};
    return {store.day_start().front(), store.max_day_end().back()};
}

TimeAxis::TimeAxis(DayRange extent, WindowSpec spec) : extent_(extent), spec_(spec) {
    if (extent.empty()) return;
    count_ = static_cast<std::size_t>(unit_index(spec, extent.from, extent.to) - unit_index(spec, extent.from, extent.from) + 1);
}

DayRange TimeAxis::window(std::size_t k) const {
    const DayRange unit = unit_days(spec_, extent_.from, unit_index(spec_, extent_.from, extent_.from) + static_cast<std::int64_t>(k));
    if (spec_.mode == WindowMode::Cumulative) return {extent_.from, unit.to};
    return unit;
}

std::size_t TimeAxis::index_of(std::int32_t day) const {
    if (count_ == 0) return 0;
    const std::int64_t k = unit_index(spec_, extent_.from, day) - unit_index(spec_, extent_.from, extent_.from);
    return static_cast<std::size_t>(std::clamp<std::int64_t>(k, 0, static_cast<std::int64_t>(count_) - 1));
}

std::string TimeAxis::label(std::size_t k) const {
    const DayRange w = window(k);
    if (spec_.mode == WindowMode::Moving && spec_.unit == WindowUnit::Quarter) {
        const CivilDate d = civil_from_days(w.from);
        return std::string("Q").append(std::to_string((d.month - 1) / 3 + 1)).append(" ").append(std::to_string(d.year));
    }
    if (spec_.mode == WindowMode::Moving && (spec_.unit == WindowUnit::Week || spec_.unit == WindowUnit::Custom))
        return format_day(w.from).append(" to ").append(format_day(w.to));
    return describe_days(w);
}

std::string describe_days(DayRange r) {
    if (r.empty()) return {};
    if (r.from == r.to) return format_day(r.from);
    const CivilDate a = civil_from_days(r.from), b = civil_from_days(r.to);
    if (a.day == 1 && a.month == 1 && b.month == 12 && b.day == 31 && a.year == b.year) return std::to_string(a.year);
    if (a.day == 1 && a.year == b.year && a.month == b.month && b.day == days_in_month(b.year, b.month))
        return std::string(kMonths[a.month - 1]).append(" ").append(std::to_string(a.year));
    return format_day(r.from).append(" to ").append(format_day(r.to));
}

}  // namespace mirador::geo
