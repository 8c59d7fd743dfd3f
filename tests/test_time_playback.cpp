#include <catch2/catch.hpp>

#include "mirador/geo/IncidentDate.hpp"
#include "ui/TimePlayback.hpp"

using namespace mirador;

namespace {

geo::DayRange days(const char* from, const char* to) {
    return {geo::parse_incident_date(from)->day_start, geo::parse_incident_date(to)->day_end};
}

// Twelve month windows over 2019.
TimePlayback months_of_2019() {
    TimePlayback p;
    set_axis(p, days("2019-01-01", "2019-12-31"), geo::WindowSpec{});
    REQUIRE(p.axis.count() == 12);
    return p;
}

}  // namespace

TEST_CASE("time playback: all time until a window is chosen", "[time]") {
    TimePlayback p = months_of_2019();
    CHECK(!current_window(p));
    CHECK(current_label(p).empty());
    CHECK(!advance_playback(p, 10.0));  // not playing
    CHECK(step(p, +1));
    CHECK(current_window(p) == days("2019-01", "2019-01"));
    CHECK(current_label(p) == "January 2019");

    TimePlayback back = months_of_2019();
    CHECK(step(back, -1));
    CHECK(current_label(back) == "December 2019");
}

TEST_CASE("time playback: steps clamp, or wrap when looping", "[time]") {
    TimePlayback p = months_of_2019();
    step(p, +1);
    CHECK(!step(p, -1));  // already first
    CHECK(p.position == 0);
    p.loop = true;
    CHECK(step(p, -1));
    CHECK(p.position == 11);
    CHECK(step(p, +1));
    CHECK(p.position == 0);
    // Stepping pauses.
    toggle_play(p);
    REQUIRE(p.playing);
    step(p, +1);
    CHECK(!p.playing);
}

TEST_CASE("time playback: plays at its speed and stops at the end", "[time]") {
    TimePlayback p = months_of_2019();
    p.speed = 4.0;  // windows per second
    toggle_play(p);
    REQUIRE(p.enabled);
    REQUIRE(p.position == 0);
    CHECK(!advance_playback(p, 0.2));  // 0.8 of a window
    CHECK(advance_playback(p, 0.1));   // 1.2: one step, the 0.2 carried over
    CHECK(p.position == 1);
    CHECK(advance_playback(p, 0.5));   // 0.2 + 2
    CHECK(p.position == 3);
    CHECK(advance_playback(p, 100.0));
    CHECK(p.position == 11);
    CHECK(!p.playing);
    CHECK(!advance_playback(p, 1.0));
    // Play again from the end: from the start.
    toggle_play(p);
    CHECK(p.position == 0);
    CHECK(p.playing);
    toggle_play(p);
    CHECK(!p.playing);
}

TEST_CASE("time playback: loops back to the first window", "[time]") {
    TimePlayback p = months_of_2019();
    p.loop = true;
    p.speed = 1.0;
    toggle_play(p);
    seek(p, 10);
    CHECK(advance_playback(p, 3.0));
    CHECK(p.position == 1);
    CHECK(p.playing);
    // Speeds outside the slider's range are held to it.
    p.speed = 1000;
    CHECK(advance_playback(p, 1.0));
    CHECK(p.position == (1 + 30) % 12);
}

TEST_CASE("time playback: a new unit keeps the same time", "[time]") {
    TimePlayback p = months_of_2019();
    seek(p, 9);  // October
    set_axis(p, p.axis.extent(), geo::WindowSpec{geo::WindowMode::Moving, geo::WindowUnit::Quarter, 30});
    CHECK(current_label(p) == "Q4 2019");
    set_axis(p, p.axis.extent(), geo::WindowSpec{geo::WindowMode::Moving, geo::WindowUnit::Week, 30});
    CHECK(current_window(p)->contains(days("2019-10-01", "2019-10-01").from));
    set_axis(p, p.axis.extent(), geo::WindowSpec{geo::WindowMode::Cumulative, geo::WindowUnit::Month, 30});
    CHECK(current_label(p) == "2019-01-01 to 2019-10-31");
    // No data: nothing to show, nothing to play.
    TimePlayback empty;
    set_axis(empty, geo::DayRange{}, geo::WindowSpec{});
    CHECK(!step(empty, 1));
    toggle_play(empty);
    CHECK(!empty.playing);
    CHECK(!current_window(empty));
}
