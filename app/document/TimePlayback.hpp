#pragma once
// The time slider's rules, as plain data and pure functions (no ImGui), so that playing,
// stepping and looping can be tested without a window. What the document saves (the window,
// its kind, the speed, looping) is doc::TimeSettings; TimePlayback is only what the running
// slider adds: the axis of windows over the data, and whether it is playing.
#include <cstddef>
#include <optional>
#include <string>

#include "document/Limits.hpp"
#include "document/MapDocument.hpp"
#include "mirador/geo/TimeWindow.hpp"

namespace mirador {

struct TimePlayback {
    geo::TimeAxis axis;        // over the data's extent, for the settings' window kind
    bool playing = false;
    double accumulated = 0.0;  // seconds played since the last step

    static constexpr double kMinSpeed = limits::kPlaybackSpeed.lo, kMaxSpeed = limits::kPlaybackSpeed.hi;
};

// The kind of window a day range is (calendar day, Monday-Sunday week, month, quarter, year;
// else custom windows of its length): what stepping from it moves by, and what the heatmap's
// fixed scale compares it with.
geo::WindowSpec window_spec_for(geo::DayRange window);

// The current window: none for all time (or a window whose days cannot be read).
std::optional<geo::DayRange> current_window(const doc::TimeSettings& t);
// "October 2019", "2019-10-05 to 2019-10-20"; "" for all time.
std::string current_label(const doc::TimeSettings& t);
// Makes `window` the current one.
void set_window(doc::TimeSettings& t, geo::DayRange window);

// A new extent (data loaded) or window kind: the axis is rebuilt, and the current window moves
// to the window of the new kind that holds the same time.
void set_axis(TimePlayback& p, doc::TimeSettings& t, geo::DayRange extent);
// The slider's position: the axis window holding the current one (moving windows: by their first
// day; cumulative: by their last); none for all time or no data.
std::optional<std::size_t> position(const doc::TimeSettings& t, const TimePlayback& p);

// Moves on by the time played; true when the window changed. Stops at the last window unless
// looping.
bool advance_playback(doc::TimeSettings& t, TimePlayback& p, double dt_seconds);
// One window forward (+1) or back (-1); pauses. From "all time" it starts at the first window
// (forward) or the last (back). Wraps only when looping. True when the window changed.
bool step(doc::TimeSettings& t, TimePlayback& p, int delta);
// Play/pause. Playing from "all time" or from the last window starts at the first.
void toggle_play(doc::TimeSettings& t, TimePlayback& p);
// Jumps to an axis position (clamped); pauses nothing. True when the window changed.
bool seek(doc::TimeSettings& t, TimePlayback& p, std::size_t position);

// A playback over a range of dates (a slide's, doc::SlidePlayback): starts at the axis window
// that holds `from` (its first day), playing at `speed`. False, and nothing changed, when `from`
// cannot be read or there is no axis.
bool start_range_playback(doc::TimeSettings& t, TimePlayback& p, const std::string& from, double speed);
// advance_playback() that stops on the window holding `to` (its last day) instead of the axis's
// last; `to` unreadable or empty: the axis's last.
bool advance_range_playback(doc::TimeSettings& t, TimePlayback& p, const std::string& to, double dt_seconds);
// The range's playback has reached its last window.
bool range_playback_done(const doc::TimeSettings& t, const TimePlayback& p, const std::string& to);

}  // namespace mirador
