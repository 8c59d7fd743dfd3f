#include "document/TimePlayback.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "mirador/geo/IncidentDate.hpp"

namespace mirador {

namespace {

std::optional<std::int32_t> day_of(const std::string& iso, bool end) {
    if (iso.empty()) return std::nullopt;
    auto d = geo::parse_incident_date(iso);
    if (!d) return std::nullopt;
    return end ? d->day_end : d->day_start;
}

std::string iso(std::int32_t day) {
    const geo::CivilDate c = geo::civil_from_days(day);
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", c.year, c.month, c.day);
    return buf;
}

}  // namespace

geo::WindowSpec window_spec_for(geo::DayRange w) {
    // The fixed heatmap scale compares windows like this one: calendar units when the window
    // is one, else windows of its length.
    const geo::CivilDate a = geo::civil_from_days(w.from), b = geo::civil_from_days(w.to);
    const geo::CivilDate next = geo::civil_from_days(w.to + 1);
    geo::WindowSpec spec;
    spec.mode = geo::WindowMode::Moving;
    const bool month_start = a.day == 1, month_end = next.day == 1;
    if (w.days() == 1) spec.unit = geo::WindowUnit::Day;
    else if (month_start && month_end && a.year == b.year && a.month == b.month) spec.unit = geo::WindowUnit::Month;
    else if (month_start && month_end && a.year == b.year && a.month % 3 == 1 && b.month == a.month + 2)
        spec.unit = geo::WindowUnit::Quarter;
    else if (month_start && month_end && a.month == 1 && b.month == 12 && a.year == b.year) spec.unit = geo::WindowUnit::Year;
    else if (w.days() == 7 && (w.from + 3) % 7 == 0) spec.unit = geo::WindowUnit::Week;  // 1970-01-05 was a Monday
    else spec.unit = geo::WindowUnit::Custom, spec.custom_days = w.days();
    return spec;
}

std::optional<geo::DayRange> current_window(const doc::TimeSettings& t) {
    if (t.all_time) return std::nullopt;
    const auto from = day_of(t.from, false), to = day_of(t.to, true);
    if (!from || !to || *from > *to) return std::nullopt;
    return geo::DayRange{*from, *to};
}

std::string current_label(const doc::TimeSettings& t) {
    const auto w = current_window(t);
    return w ? geo::describe_days(*w) : std::string();
}

void set_window(doc::TimeSettings& t, geo::DayRange w) {
    t.all_time = false;
    t.from = iso(w.from);
    t.to = iso(w.to);
}

std::optional<std::size_t> position(const doc::TimeSettings& t, const TimePlayback& p) {
    const auto w = current_window(t);
    if (!w || p.axis.count() == 0) return std::nullopt;
    // Cumulative windows are known by where they end, moving ones by where they start.
    return p.axis.index_of(t.window.mode == geo::WindowMode::Cumulative ? w->to : w->from);
}

void set_axis(TimePlayback& p, doc::TimeSettings& t, geo::DayRange extent) {
    // A new kind of window (a unit chosen on the slider): the window of that kind that holds the
    // same time. A first axis, or new data, leaves the window as it is (a snapshot's 16 days stay
    // those 16 days even though the axis of 16-day windows starts elsewhere).
    const bool kind_changed = p.axis.count() > 0 && !(p.axis.spec() == t.window);
    if (!(p.axis.extent() == extent && p.axis.spec() == t.window)) p.axis = geo::TimeAxis(extent, t.window);
    p.accumulated = 0;
    if (kind_changed)
        if (const auto k = position(t, p)) set_window(t, p.axis.window(*k));
}

bool seek(doc::TimeSettings& t, TimePlayback& p, std::size_t k) {
    if (p.axis.count() == 0) return false;
    k = std::min(k, p.axis.count() - 1);
    const auto before = current_window(t);
    set_window(t, p.axis.window(k));
    p.accumulated = 0;
    return before != current_window(t);
}

bool advance_playback(doc::TimeSettings& t, TimePlayback& p, double dt) {
    const std::size_t n = p.axis.count();
    const auto at = position(t, p);
    if (!p.playing || !at || n == 0) return false;
    p.accumulated += std::max(0.0, dt);
    const double speed = std::clamp(t.speed, TimePlayback::kMinSpeed, TimePlayback::kMaxSpeed);
    const double steps = std::floor(p.accumulated * speed);
    if (steps < 1) return false;
    p.accumulated -= steps / speed;
    const double target = double(*at) + steps;
    std::size_t next = 0;
    if (target < double(n)) {
        next = static_cast<std::size_t>(target);
    } else if (t.loop) {
        next = static_cast<std::size_t>(std::fmod(target, double(n)));
    } else {
        next = n - 1;
        p.playing = false;
    }
    const double carried = p.accumulated;
    const bool changed = seek(t, p, next);
    p.accumulated = p.playing ? carried : 0;
    return changed;
}

bool step(doc::TimeSettings& t, TimePlayback& p, int delta) {
    const std::size_t n = p.axis.count();
    p.playing = false;
    p.accumulated = 0;
    if (n == 0 || delta == 0) return false;
    const auto at = position(t, p);
    if (!at) return seek(t, p, delta > 0 ? 0 : n - 1);
    const long target = static_cast<long>(*at) + delta, count = static_cast<long>(n);
    const long next = t.loop ? ((target % count) + count) % count : std::clamp(target, 0L, count - 1);
    return seek(t, p, static_cast<std::size_t>(next));
}

void toggle_play(doc::TimeSettings& t, TimePlayback& p) {
    if (p.playing) {
        p.playing = false;
        return;
    }
    if (p.axis.count() == 0) return;
    const auto at = position(t, p);
    if (!at || *at + 1 >= p.axis.count()) seek(t, p, 0);
    p.playing = true;
    p.accumulated = 0;
}

namespace {

// The axis position of the range's last window: the one holding `to`'s last day.
std::optional<std::size_t> last_of_range(const TimePlayback& p, const std::string& to) {
    const auto day = day_of(to, true);
    if (p.axis.count() == 0) return std::nullopt;
    if (!day) return p.axis.count() - 1;
    return p.axis.index_of(*day);
}

}  // namespace

bool start_range_playback(doc::TimeSettings& t, TimePlayback& p, const std::string& from, double speed) {
    const auto day = day_of(from, false);
    if (!day || p.axis.count() == 0) return false;
    t.speed = std::clamp(speed, TimePlayback::kMinSpeed, TimePlayback::kMaxSpeed);
    seek(t, p, p.axis.index_of(*day));
    p.playing = true;
    p.accumulated = 0;
    return true;
}

bool range_playback_done(const doc::TimeSettings& t, const TimePlayback& p, const std::string& to) {
    const auto at = position(t, p);
    const auto last = last_of_range(p, to);
    return !at || !last || *at >= *last;
}

bool advance_range_playback(doc::TimeSettings& t, TimePlayback& p, const std::string& to, double dt) {
    const auto last = last_of_range(p, to);
    if (!p.playing || !last) return false;
    if (range_playback_done(t, p, to)) {
        p.playing = false;
        return false;
    }
    bool changed = advance_playback(t, p, dt);
    if (const auto at = position(t, p); at && *at >= *last) {
        // Played past the end in one frame (a high speed, a slow frame): back to the range's last.
        if (*at > *last) changed = seek(t, p, *last) || changed;
        p.playing = false;
    }
    return changed;
}

}  // namespace mirador
