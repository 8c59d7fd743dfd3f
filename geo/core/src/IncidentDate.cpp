#include "mirador/geo/IncidentDate.hpp"

#include <algorithm>
#include <cstdio>

namespace mirador::geo {

namespace {

// Division rounding towards minus infinity, so that years before 1 AD count leap days
// the same way as the years after it (the proleptic calendar has no gaps).
constexpr int floor_div(int a, int b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0))); }

// Leap days in the years [1, year): every 4th year, except centuries, except every 400th.
constexpr int leap_days_before(int year) {
    const int y = year - 1;
    return floor_div(y, 4) - floor_div(y, 100) + floor_div(y, 400);
}

// Days in the months before `month` (1-12) of a common year.
constexpr int kDaysBeforeMonth[13] = {0, 0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334};

// Day number of 1 January of `year`.
constexpr std::int32_t first_day_of_year(int year) {
    return 365 * (year - 1970) + (leap_days_before(year) - leap_days_before(1970));
}

const char* const kMonthNames[13] = {"",       "January", "February", "March",     "April",   "May",      "June",
                                     "July",   "August",  "September", "October", "November", "December"};

constexpr std::string_view kSpaces = " \t\r\n";

std::string_view trim(std::string_view s) {
    const auto b = s.find_first_not_of(kSpaces);
    if (b == std::string_view::npos) return {};
    return s.substr(b, s.find_last_not_of(kSpaces) - b + 1);
}

// A left-to-right reader over the date text; each read either consumes what it expects or
// leaves the position alone.
struct Cursor {
    std::string_view s;
    std::size_t pos = 0;

    bool done() const { return pos == s.size(); }
    bool eat(char c) {
        if (pos < s.size() && s[pos] == c) {
            ++pos;
            return true;
        }
        return false;
    }
    // Reads between `min_digits` and `max_digits` decimal digits; -1 when fewer are there.
    int digits(int min_digits, int max_digits) {
        int value = 0, n = 0;
        while (n < max_digits && pos < s.size() && s[pos] >= '0' && s[pos] <= '9') {
            value = value * 10 + (s[pos] - '0');
            ++pos;
            ++n;
        }
        if (n < min_digits) {
            pos -= static_cast<std::size_t>(n);
            return -1;
        }
        return value;
    }
    bool next_is_digit() const { return pos < s.size() && s[pos] >= '0' && s[pos] <= '9'; }
};

// "'<text>' is not a <what>: <why>". Built by appending: g++ 12 warns falsely (-Wrestrict,
// its bug 105651) about "literal" + std::string at -O3.
std::string not_a(std::string_view text, const char* what, std::string_view why) {
    std::string m = "'";
    m.append(text).append("' is not a ").append(what).append(": ").append(why);
    return m;
}

Error bad(std::string_view text, const std::string& why) { return make_error(not_a(text, "date", why)); }

constexpr const char* kForms =
    "expected YYYY-MM-DD, YYYY-MM, YYYY, DD/MM/YYYY, DD-MM-YYYY or '17 October 2019', optionally followed by HH:MM";

// 1-12 for an English month name, whole or its first three letters, in any case; -1 otherwise.
int month_from_name(std::string_view word) {
    auto lower = [](char ch) { return static_cast<char>(ch >= 'A' && ch <= 'Z' ? ch - 'A' + 'a' : ch); };
    for (int m = 1; m <= 12; ++m) {
        const std::string_view name = kMonthNames[m];
        if (word.size() != name.size() && word.size() != 3) continue;
        if (word.size() > name.size()) continue;
        bool same = true;
        for (std::size_t k = 0; k < word.size() && same; ++k) same = lower(word[k]) == lower(name[k]);
        if (same) return m;
    }
    return -1;
}

// Day first with '-' or ' ' between the parts: "17-10-2019", "17 October 2019", "17-Oct-2019".
// Leaves the cursor after the year; false (and the cursor anywhere) when the text is not one.
bool read_day_first(Cursor& c, int& day, int& month, int& year) {
    day = c.digits(1, 2);
    if (day < 0 || c.done()) return false;
    const char sep = c.s[c.pos];
    if (!c.eat('-') && !c.eat(' ')) return false;
    if (c.next_is_digit()) {
        month = c.digits(1, 2);
        if (month < 0 || c.next_is_digit()) return false;
    } else {
        const std::size_t from = c.pos;
        while (c.pos < c.s.size() && ((c.s[c.pos] | 0x20) >= 'a' && (c.s[c.pos] | 0x20) <= 'z')) ++c.pos;
        month = month_from_name(c.s.substr(from, c.pos - from));
        if (month < 0) return false;
    }
    if (!c.eat(sep)) return false;
    year = c.digits(4, 4);
    return year >= 0 && !c.next_is_digit();
}

// Reads "HH:MM[:SS]" at the cursor. Returns minutes since midnight or an explanation.
Result<std::int32_t> read_time(Cursor& c) {
    const int h = c.digits(1, 2);
    if (h < 0 || !c.eat(':')) return make_error("expected a time as HH:MM");
    const int m = c.digits(2, 2);
    if (m < 0) return make_error("expected two digits of minutes after ':'");
    int sec = 0;
    if (c.eat(':')) {
        sec = c.digits(2, 2);
        if (sec < 0) return make_error("expected two digits of seconds after ':'");
    }
    if (h > 23) return make_error("hour " + std::to_string(h) + " (hours are 0-23)");
    if (m > 59) return make_error("minute " + std::to_string(m) + " (minutes are 0-59)");
    if (sec > 60) return make_error("second " + std::to_string(sec) + " (seconds are 0-60)");  // 60: leap second
    return h * 60 + m;
}

}  // namespace

bool is_leap_year(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

int days_in_month(int year, int month) {
    static constexpr int kDays[13] = {0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (month < 1 || month > 12) return 0;
    return month == 2 && is_leap_year(year) ? 29 : kDays[month];
}

const char* month_name(int month) { return month >= 1 && month <= 12 ? kMonthNames[month] : ""; }

std::int32_t days_from_civil(int year, int month, int day) {
    const int leap_shift = (month > 2 && is_leap_year(year)) ? 1 : 0;
    return first_day_of_year(year) + kDaysBeforeMonth[month] + leap_shift + (day - 1);
}

CivilDate civil_from_days(std::int32_t days) {
    // Estimate the year from the mean Gregorian year (365.2425 days) and correct it: the
    // estimate is off by at most one either way, so the loops run at most once or twice.
    int year = 1970 + static_cast<int>(floor_div(days, 146097) * 400);
    int rest = days - static_cast<std::int32_t>(floor_div(days, 146097)) * 146097;
    year += rest * 400 / 146097;
    while (first_day_of_year(year) > days) --year;
    while (first_day_of_year(year + 1) <= days) ++year;
    int day_of_year = days - first_day_of_year(year);  // 0-365
    int month = 1;
    while (month < 12 && day_of_year >= days_in_month(year, month)) {
        day_of_year -= days_in_month(year, month);
        ++month;
    }
    return {year, month, day_of_year + 1};
}

Result<std::int32_t> parse_time_of_day(std::string_view text) {
    Cursor c{trim(text)};
    auto t = read_time(c);
    if (!t) return make_error(not_a(text, "time", t.error()));
    if (!c.done()) return make_error(not_a(text, "time", "unexpected text after HH:MM"));
    return t;
}

Result<IncidentDate> parse_incident_date(std::string_view raw) {
    const std::string_view text = trim(raw);
    if (text.empty()) return make_error("empty date (" + std::string(kForms) + ")");
    // The form nearly every row of a large file has, "YYYY-MM-DD", read straight off its ten
    // characters; anything else (or a date out of range, for the message) goes the general way
    // below, which reads this form to the same day.
    if (text.size() == 10 && text[4] == '-' && text[7] == '-') {
        const auto digit = [&](std::size_t i) { return static_cast<unsigned>(text[i] - '0'); };
        bool digits = true;
        for (const std::size_t i : {0u, 1u, 2u, 3u, 5u, 6u, 8u, 9u}) digits = digits && digit(i) <= 9;
        if (digits) {
            const int year = static_cast<int>(digit(0) * 1000 + digit(1) * 100 + digit(2) * 10 + digit(3));
            const int month = static_cast<int>(digit(5) * 10 + digit(6)), day = static_cast<int>(digit(8) * 10 + digit(9));
            if (year >= 1000 && month >= 1 && month <= 12 && day >= 1 && day <= days_in_month(year, month)) {
                IncidentDate d;
                d.precision = DatePrecision::Day;
                d.day_start = d.day_end = days_from_civil(year, month, day);
                return d;
            }
        }
    }
    Cursor c{text};
    int year = -1, month = -1, day = -1;

    if (text.find('/') != std::string_view::npos) {
        // Day first, as Mexican reports and spreadsheets write it.
        day = c.digits(1, 2);
        if (day < 0 || !c.eat('/')) return bad(text, kForms);
        month = c.digits(1, 2);
        if (month < 0 || !c.eat('/')) return bad(text, kForms);
        const std::size_t year_at = c.pos;
        year = c.digits(4, 4);
        if (year < 0) {
            if (c.digits(2, 2) >= 0 && !c.next_is_digit())
                return bad(text, "a two-digit year is ambiguous; write all four digits");
            return bad(text, kForms);
        }
        if (c.next_is_digit() || c.pos != year_at + 4) return bad(text, kForms);
        if (month > 12 && day <= 12)
            return bad(text, "month " + std::to_string(month) +
                                 " (dates with '/' are read as DD/MM/YYYY; was this MM/DD/YYYY?)");
    } else if (const std::size_t lead = text.find_first_not_of("0123456789");
               (lead == 1 || lead == 2) && (text[lead] == '-' || text[lead] == ' ')) {
        if (!read_day_first(c, day, month, year)) {
            Cursor two{text, text.size() >= 2 ? text.size() - 2 : 0};
            if (two.digits(2, 2) >= 0 && text.size() >= 3 && (text[text.size() - 3] == '-' || text[text.size() - 3] == ' '))
                return bad(text, "a two-digit year is ambiguous; write all four digits");
            return bad(text, kForms);
        }
    } else {
        year = c.digits(4, 4);
        if (year < 0 || c.next_is_digit()) return bad(text, kForms);
        if (c.eat('-')) {
            month = c.digits(1, 2);
            if (month < 0 || c.next_is_digit()) return bad(text, kForms);
            if (c.eat('-')) {
                day = c.digits(1, 2);
                if (day < 0 || c.next_is_digit()) return bad(text, kForms);
            }
        }
    }

    int minute = -1;
    if (!c.done()) {
        // A time may follow a full date only: "2019-10 14:30" would claim a time without a day.
        const bool separator = c.eat('T') || c.eat(' ');
        if (!separator) return bad(text, "unexpected '" + std::string(text.substr(c.pos)) + "' (" + kForms + ")");
        if (day < 0) return bad(text, "a time needs a full date (day, month and year)");
        while (c.eat(' ')) {
        }
        auto t = read_time(c);
        if (!t) return bad(text, t.error());
        if (!c.done()) return bad(text, "unexpected '" + std::string(text.substr(c.pos)) + "' after the time");
        minute = t.value();
    }

    // Year 1000 and later: a three-digit or zero year in incident data is a typo.
    if (year < 1000) return bad(text, "year " + std::to_string(year) + " (years are 1000-9999)");
    if (month >= 0 && (month < 1 || month > 12))
        return bad(text, "month " + std::to_string(month) + " (months are 1-12)");
    if (day >= 0 && (day < 1 || day > days_in_month(year, month)))
        return bad(text, std::string(kMonthNames[month]) + " " + std::to_string(year) + " has " +
                             std::to_string(days_in_month(year, month)) + " days");

    IncidentDate d;
    d.minute_of_day = minute;
    if (day >= 0) {
        d.precision = DatePrecision::Day;
        d.day_start = d.day_end = days_from_civil(year, month, day);
    } else if (month >= 0) {
        d.precision = DatePrecision::Month;
        d.day_start = days_from_civil(year, month, 1);
        d.day_end = days_from_civil(year, month, days_in_month(year, month));
    } else {
        d.precision = DatePrecision::Year;
        d.day_start = days_from_civil(year, 1, 1);
        d.day_end = days_from_civil(year, 12, 31);
    }
    return d;
}

std::string format_day(std::int32_t days) {
    const CivilDate c = civil_from_days(days);
    char buf[32];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", c.year, c.month, c.day);
    return buf;
}

DatePrecision span_precision(std::int32_t day_start, std::int32_t day_end) {
    if (day_start == day_end) return DatePrecision::Day;
    const CivilDate a = civil_from_days(day_start), b = civil_from_days(day_end);
    if (a.day == 1 && a.year == b.year && a.month == b.month && b.day == days_in_month(b.year, b.month))
        return DatePrecision::Month;
    if (a.day == 1 && a.month == 1 && a.year == b.year && b.month == 12 && b.day == 31) return DatePrecision::Year;
    return DatePrecision::Span;
}

Result<IncidentDate> join_date_end(const IncidentDate& start, const IncidentDate& end) {
    if (end.day_end < start.day_start)
        return make_error("the end date " + format_incident_date(end) + " is before the start " +
                          format_incident_date(start));
    IncidentDate d = start;
    d.day_end = std::max(start.day_end, end.day_end);
    d.precision = span_precision(d.day_start, d.day_end);
    if (d.precision != DatePrecision::Day) d.minute_of_day = -1;  // a time belongs to a single day
    return d;
}

std::string format_incident_date(const IncidentDate& d) {
    const CivilDate c = civil_from_days(d.day_start);
    char buf[48];
    switch (d.precision) {
        case DatePrecision::Span:
            return format_day(d.day_start) + "/" + format_day(d.day_end);
        case DatePrecision::Year:
            std::snprintf(buf, sizeof buf, "%04d", c.year);
            break;
        case DatePrecision::Month:
            std::snprintf(buf, sizeof buf, "%04d-%02d", c.year, c.month);
            break;
        case DatePrecision::Day:
            if (d.has_time())
                std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d", c.year, c.month, c.day, d.minute_of_day / 60,
                              d.minute_of_day % 60);
            else
                std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", c.year, c.month, c.day);
            break;
    }
    return buf;
}

}  // namespace mirador::geo
