#pragma once
// Incident dates as analysts write them. Reports often give only the month or the year
// ("in October 2019", "in 2011"), so a date is a span of days, not a point: a month-precision
// incident belongs to the whole month, and a time window that covers any of that month must
// find it. Days are counted from 1970-01-01 in the proleptic Gregorian calendar.
#include <cstdint>
#include <string>
#include <string_view>

#include "mirador/geo/Result.hpp"

namespace mirador::geo {

// Span: any other run of days, as a source that gives a first and a last day ("between the 14th
// and the 20th") or a week writes it.
enum class DatePrecision : std::uint8_t { Day, Month, Year, Span };

struct CivilDate {
    int year = 1970;
    int month = 1;  // 1-12
    int day = 1;    // 1-31
    bool operator==(const CivilDate&) const = default;
};

bool is_leap_year(int year);
int days_in_month(int year, int month);
const char* month_name(int month);  // 1-12: "January" ... "December"

// Days since 1970-01-01 (negative before it). `month` and `day` must be valid for the year.
std::int32_t days_from_civil(int year, int month, int day);
CivilDate civil_from_days(std::int32_t days);

struct IncidentDate {
    std::int32_t day_start = 0;  // first day the date covers
    std::int32_t day_end = 0;    // last day it covers (inclusive); == day_start for a day
    DatePrecision precision = DatePrecision::Day;
    std::int32_t minute_of_day = -1;  // 0-1439, or -1 when no time was given

    bool has_time() const { return minute_of_day >= 0; }
    bool operator==(const IncidentDate&) const = default;
};

// Accepts, with surrounding spaces ignored:
//   2019-10-17   2019-10   2019          ISO 8601 day, month, year (month and day may be 1 digit)
//   2019-10-17T14:30   2019-10-17 14:30:05            a time (seconds are dropped)
//   17/10/2019   17/10/2019 14:30                     day/month/year, as written in Mexico
//   17-10-2019   17 October 2019   17-Oct-2019          day first, as ACLED's exports write it
// Errors quote the text and say what is wrong with it ("February 2019 has 28 days").
[[nodiscard]] Result<IncidentDate> parse_incident_date(std::string_view text);

// What a run of days is: a day, a calendar month, a calendar year, or else a Span.
DatePrecision span_precision(std::int32_t day_start, std::int32_t day_end);

// The date widened to cover `end` too (a source's first and last day of an event): the span
// from start's first day to end's last, at the precision that span has; a time of day only
// survives when both are the same day. Error when end comes before start.
[[nodiscard]] Result<IncidentDate> join_date_end(const IncidentDate& start, const IncidentDate& end);

// "14:30" or "14:30:05" -> minutes since midnight.
[[nodiscard]] Result<std::int32_t> parse_time_of_day(std::string_view text);

// ISO 8601 at the date's own precision: "2019-10-17", "2019-10-17T14:30", "2019-10", "2019", and a
// span as an interval, "2019-10-14/2019-10-20".
std::string format_incident_date(const IncidentDate& date);
std::string format_day(std::int32_t days);  // "2019-10-17"

}  // namespace mirador::geo
