#include <catch2/catch.hpp>

#include "mirador/geo/IncidentDate.hpp"
#include "document/TimePlayback.hpp"

using namespace mirador;

namespace {

geo::DayRange days(const char* from, const char* to) {
    return {geo::parse_incident_date(from)->day_start, geo::parse_incident_date(to)->day_end};
}

// Twelve month windows over 2019, starting at all time.
struct Slider {
    doc::TimeSettings t;
    TimePlayback p;
    Slider() {
        set_axis(p, t, days("2019-01-01", "2019-12-31"));
        REQUIRE(p.axis.count() == 12);
    }
    std::size_t at() const { return position(t, p).value_or(999); }
};

}  // namespace

TEST_CASE("time playback: all time until a window is chosen", "[time]") {
    Slider s;
    CHECK(!current_window(s.t));
    CHECK(current_label(s.t).empty());
    CHECK(!advance_playback(s.t, s.p, 10.0));  // not playing
    CHECK(step(s.t, s.p, +1));
    CHECK(current_window(s.t) == days("2019-01", "2019-01"));
    CHECK(current_label(s.t) == "January 2019");
    CHECK(s.t.from == "2019-01-01");
    CHECK(s.t.to == "2019-01-31");

    Slider back;
    CHECK(step(back.t, back.p, -1));
    CHECK(current_label(back.t) == "December 2019");
}

TEST_CASE("time playback: steps clamp, or wrap when looping", "[time]") {
    Slider s;
    step(s.t, s.p, +1);
    CHECK(!step(s.t, s.p, -1));  // already first
    CHECK(s.at() == 0);
    s.t.loop = true;
    CHECK(step(s.t, s.p, -1));
    CHECK(s.at() == 11);
    CHECK(step(s.t, s.p, +1));
    CHECK(s.at() == 0);
    // Stepping pauses.
    toggle_play(s.t, s.p);
    REQUIRE(s.p.playing);
    step(s.t, s.p, +1);
    CHECK(!s.p.playing);
}

TEST_CASE("time playback: plays at its speed and stops at the end", "[time]") {
    Slider s;
    s.t.speed = 4.0;  // windows per second
    toggle_play(s.t, s.p);
    REQUIRE(!s.t.all_time);
    REQUIRE(s.at() == 0);
    CHECK(!advance_playback(s.t, s.p, 0.2));  // 0.8 of a window
    CHECK(advance_playback(s.t, s.p, 0.1));   // 1.2: one step, the 0.2 carried over
    CHECK(s.at() == 1);
    CHECK(advance_playback(s.t, s.p, 0.5));   // 0.2 + 2
    CHECK(s.at() == 3);
    CHECK(advance_playback(s.t, s.p, 100.0));
    CHECK(s.at() == 11);
    CHECK(!s.p.playing);
    CHECK(!advance_playback(s.t, s.p, 1.0));
    // Play again from the end: from the start.
    toggle_play(s.t, s.p);
    CHECK(s.at() == 0);
    CHECK(s.p.playing);
    toggle_play(s.t, s.p);
    CHECK(!s.p.playing);
}

TEST_CASE("time playback: loops back to the first window", "[time]") {
    Slider s;
    s.t.loop = true;
    s.t.speed = 1.0;
    toggle_play(s.t, s.p);
    seek(s.t, s.p, 10);
    CHECK(advance_playback(s.t, s.p, 3.0));
    CHECK(s.at() == 1);
    CHECK(s.p.playing);
    // Speeds outside the slider's range are held to it.
    s.t.speed = 1000;
    CHECK(advance_playback(s.t, s.p, 1.0));
    CHECK(s.at() == (1 + 30) % 12);
}

TEST_CASE("time playback: a new unit keeps the same time, an arbitrary window stays whole", "[time]") {
    Slider s;
    seek(s.t, s.p, 9);  // October
    s.t.window = geo::WindowSpec{geo::WindowMode::Moving, geo::WindowUnit::Quarter, 30};
    set_axis(s.p, s.t, s.p.axis.extent());
    CHECK(current_label(s.t) == "Q4 2019");
    s.t.window = geo::WindowSpec{geo::WindowMode::Moving, geo::WindowUnit::Week, 30};
    set_axis(s.p, s.t, s.p.axis.extent());
    CHECK(current_window(s.t)->contains(days("2019-10-01", "2019-10-01").from));
    s.t.window = geo::WindowSpec{geo::WindowMode::Cumulative, geo::WindowUnit::Month, 30};
    set_axis(s.p, s.t, s.p.axis.extent());
    CHECK(current_label(s.t) == "2019-01-01 to 2019-10-31");

    // A snapshot's 16 days (5-20 October) are not moved onto the axis of 16-day windows.
    doc::TimeSettings custom;
    custom.window = geo::WindowSpec{geo::WindowMode::Moving, geo::WindowUnit::Custom, 16};
    set_window(custom, days("2019-10-05", "2019-10-20"));
    TimePlayback p;
    set_axis(p, custom, days("2019-01-01", "2019-12-31"));
    CHECK(current_window(custom) == days("2019-10-05", "2019-10-20"));

    // No data: nothing to show, nothing to play.
    doc::TimeSettings t;
    TimePlayback empty;
    set_axis(empty, t, geo::DayRange{});
    CHECK(!step(t, empty, 1));
    toggle_play(t, empty);
    CHECK(!empty.playing);
    CHECK(!current_window(t));
}

TEST_CASE("time playback: a slide's range starts at its first window and stops at its last", "[time][slides]") {
    Slider s;
    CHECK(!start_range_playback(s.t, s.p, "", 2.0));       // no start: nothing happens
    CHECK(!start_range_playback(s.t, s.p, "2019-1x", 2.0));
    CHECK(!s.p.playing);
    REQUIRE(start_range_playback(s.t, s.p, "2019-03", 4.0));
    CHECK(s.p.playing);
    CHECK(current_label(s.t) == "March 2019");
    CHECK(s.t.speed == 4.0);
    CHECK(!range_playback_done(s.t, s.p, "2019-05"));
    CHECK(advance_range_playback(s.t, s.p, "2019-05", 0.26));  // one window at 4 a second
    CHECK(current_label(s.t) == "April 2019");
    CHECK(s.p.playing);
    // A long frame would carry it past May: it stops on May, the range's last window.
    CHECK(advance_range_playback(s.t, s.p, "2019-05", 2.0));
    CHECK(current_label(s.t) == "May 2019");
    CHECK(!s.p.playing);
    CHECK(range_playback_done(s.t, s.p, "2019-05"));
    CHECK(!advance_range_playback(s.t, s.p, "2019-05", 1.0));
    CHECK(current_label(s.t) == "May 2019");
    // An end beyond the data: the axis's last window ends it, as plain playback does.
    REQUIRE(start_range_playback(s.t, s.p, "2019-11-15", 1.0));
    CHECK(current_label(s.t) == "November 2019");
    CHECK(advance_range_playback(s.t, s.p, "2021-01", 5.0));
    CHECK(current_label(s.t) == "December 2019");
    CHECK(!s.p.playing);
}
