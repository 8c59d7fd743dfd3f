#pragma once
// The time slider's state and its rules, as plain data and pure functions (no ImGui), so that
// playing, stepping and looping can be tested without a window.
#include <cstddef>
#include <optional>
#include <string>

#include "mirador/geo/TimeWindow.hpp"

namespace mirador {

struct TimePlayback {
    bool enabled = false;  // false: all time
    geo::WindowSpec spec;
    geo::TimeAxis axis;    // over the data's extent, for `spec`
    std::size_t position = 0;
    bool playing = false;
    bool loop = false;
    double speed = 2.0;        // windows per second
    double accumulated = 0.0;  // seconds played since the last step

    static constexpr double kMinSpeed = 0.25, kMaxSpeed = 30.0;
};

// A new extent (data loaded) or spec (unit, mode): keeps the position on the same time.
void set_axis(TimePlayback& p, geo::DayRange extent, geo::WindowSpec spec);

// Moves on by the time played; true when the position changed. Stops at the last window
// unless looping.
bool advance_playback(TimePlayback& p, double dt_seconds);

// One window forward (+1) or back (-1); pauses. From "all time" it starts at the first window
// (forward) or the last (back). Wraps only when looping. True when the window changed.
bool step(TimePlayback& p, int delta);

// Play/pause. Playing from "all time" or from the last window starts at the first.
void toggle_play(TimePlayback& p);

// Jumps to a position (clamped); pauses nothing. True when the window changed.
bool seek(TimePlayback& p, std::size_t position);

// None for all time (or no data).
std::optional<geo::DayRange> current_window(const TimePlayback& p);
// "October 2019", or "" for all time.
std::string current_label(const TimePlayback& p);

}  // namespace mirador
