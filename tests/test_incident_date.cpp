#include <catch2/catch.hpp>

#include <chrono>
#include <cstdio>

#include "mirador/geo/IncidentDate.hpp"

using namespace mirador::geo;

namespace {

IncidentDate must_parse(const std::string& text) {
    auto r = parse_incident_date(text);
    INFO(text << ": " << (r ? std::string() : r.error()));
    REQUIRE(r);
    return r.value();
}

std::string error_of(const std::string& text) {
    auto r = parse_incident_date(text);
    INFO(text);
    REQUIRE_FALSE(r);
    return r.error();
}

}  // namespace

TEST_CASE("incident date: day numbers agree with the C++20 calendar over eight centuries", "[date]") {
    using namespace std::chrono;
    CHECK(days_from_civil(1970, 1, 1) == 0);
    CHECK(days_from_civil(1969, 12, 31) == -1);
    CHECK(days_from_civil(2000, 3, 1) == 11017);
    CHECK(days_from_civil(2019, 10, 17) == 18186);
    // Every day from 1600 to 2400 (leap centuries 1600, 2000, 2400; common 1700, 1900, 2100),
    // checked against libstdc++'s calendar both ways, and consecutive.
    const std::int32_t first = days_from_civil(1600, 1, 1);
    const std::int32_t last = days_from_civil(2400, 12, 31);
    std::int32_t mismatches = 0;
    for (std::int32_t d = first; d <= last; ++d) {
        const year_month_day ymd{sys_days{days{d}}};
        const CivilDate c = civil_from_days(d);
        const bool same = c.year == int(ymd.year()) && c.month == int(unsigned(ymd.month())) &&
                          c.day == int(unsigned(ymd.day())) && days_from_civil(c.year, c.month, c.day) == d;
        mismatches += same ? 0 : 1;
    }
    CHECK(mismatches == 0);
    CHECK(civil_from_days(first - 1) == CivilDate{1599, 12, 31});
    CHECK(civil_from_days(-719468) == CivilDate{0, 3, 1});  // year 0 (1 BC) is a leap year
}

TEST_CASE("incident date: ISO day, month and year precision and their spans", "[date]") {
    const IncidentDate day = must_parse("2019-10-17");
    CHECK(day.precision == DatePrecision::Day);
    CHECK(day.day_start == days_from_civil(2019, 10, 17));
    CHECK(day.day_end == day.day_start);
    CHECK_FALSE(day.has_time());

    const IncidentDate month = must_parse("2019-10");
    CHECK(month.precision == DatePrecision::Month);
    CHECK(month.day_start == days_from_civil(2019, 10, 1));
    CHECK(month.day_end == days_from_civil(2019, 10, 31));

    const IncidentDate feb = must_parse("2020-02");
    CHECK(feb.day_end - feb.day_start + 1 == 29);
    CHECK(must_parse("2019-02").day_end - must_parse("2019-02").day_start + 1 == 28);
    CHECK(must_parse("1900-02").day_end - must_parse("1900-02").day_start + 1 == 28);
    CHECK(must_parse("2000-02").day_end - must_parse("2000-02").day_start + 1 == 29);

    const IncidentDate year = must_parse("2019");
    CHECK(year.precision == DatePrecision::Year);
    CHECK(year.day_start == days_from_civil(2019, 1, 1));
    CHECK(year.day_end == days_from_civil(2019, 12, 31));
    CHECK(year.day_end - year.day_start + 1 == 365);
    CHECK(must_parse("2020").day_end - must_parse("2020").day_start + 1 == 366);

    // Single-digit months and days, and surrounding spaces, as spreadsheets leave them.
    CHECK(must_parse(" 2019-1-5 ") == must_parse("2019-01-05"));
}

TEST_CASE("incident date: times after a full date", "[date]") {
    const IncidentDate t = must_parse("2019-10-17T14:30");
    CHECK(t.precision == DatePrecision::Day);
    CHECK(t.day_start == days_from_civil(2019, 10, 17));
    CHECK(t.minute_of_day == 14 * 60 + 30);
    CHECK(must_parse("2019-10-17 14:30").minute_of_day == 870);
    CHECK(must_parse("2019-10-17 14:30:59").minute_of_day == 870);  // seconds dropped
    CHECK(must_parse("2019-10-17 00:00").minute_of_day == 0);
    CHECK(must_parse("2019-10-17T23:59").minute_of_day == 1439);
    CHECK(must_parse("17/10/2019 9:05").minute_of_day == 9 * 60 + 5);

    CHECK_THAT(error_of("2019-10-17T24:00"), Catch::Contains("hour 24"));
    CHECK_THAT(error_of("2019-10-17 14:60"), Catch::Contains("minute 60"));
    CHECK_THAT(error_of("2019-10 14:30"), Catch::Contains("needs a full date"));
    CHECK_THAT(error_of("2019-10-17T14"), Catch::Contains("HH:MM"));
    CHECK_THAT(error_of("2019-10-17T14:30Z"), Catch::Contains("'Z'"));

    auto m = parse_time_of_day("06:45");
    REQUIRE(m);
    CHECK(m.value() == 405);
    CHECK_FALSE(parse_time_of_day("6.45"));
}

TEST_CASE("incident date: day/month/year as written in Mexico", "[date]") {
    CHECK(must_parse("17/10/2019") == must_parse("2019-10-17"));
    CHECK(must_parse("1/2/2020") == must_parse("2020-02-01"));
    CHECK(must_parse("29/02/2020").day_start == days_from_civil(2020, 2, 29));
    CHECK_THAT(error_of("10/17/2019"), Catch::Contains("DD/MM/YYYY"));
    CHECK_THAT(error_of("17/10/19"), Catch::Contains("two-digit year"));
    CHECK_THAT(error_of("29/02/2019"), Catch::Contains("February 2019 has 28 days"));
}

TEST_CASE("incident date: invalid dates are refused with a reason", "[date]") {
    CHECK_THAT(error_of("2019-02-30"), Catch::Contains("February 2019 has 28 days"));
    CHECK_THAT(error_of("2019-02-29"), Catch::Contains("28 days"));
    CHECK_THAT(error_of("2019-04-31"), Catch::Contains("April 2019 has 30 days"));
    CHECK_THAT(error_of("2019-13"), Catch::Contains("month 13"));
    CHECK_THAT(error_of("2019-00-10"), Catch::Contains("month 0"));
    CHECK_THAT(error_of("2019-10-00"), Catch::Contains("has 31 days"));
    CHECK_THAT(error_of(""), Catch::Contains("empty date"));
    CHECK_THAT(error_of("   "), Catch::Contains("empty date"));
    CHECK_THAT(error_of("garbage"), Catch::Contains("'garbage' is not a date"));
    CHECK_THAT(error_of("October 2019"), Catch::Contains("expected YYYY-MM-DD"));
    CHECK_THAT(error_of("20191017"), Catch::Contains("expected YYYY-MM-DD"));
    CHECK_THAT(error_of("2019-10-17-"), Catch::Contains("not a date"));
    CHECK_THAT(error_of("0019-10-17"), Catch::Contains("year 19"));
    CHECK_THAT(error_of("2019-100-1"), Catch::Contains("not a date"));
    CHECK_THAT(error_of("19-10-17"), Catch::Contains("not a date"));
}

TEST_CASE("incident date: formatted back at its own precision", "[date]") {
    for (const char* text : {"2019-10-17", "2019-10", "2019", "2019-10-17T14:30", "2014-09-26", "2000-02-29", "1999-12-31T00:05"})
        CHECK(format_incident_date(must_parse(text)) == text);
    CHECK(format_incident_date(must_parse("17/10/2019 14:30:05")) == "2019-10-17T14:30");
    CHECK(format_incident_date(must_parse("2020-2")) == "2020-02");
    CHECK(format_day(must_parse("2019-10").day_end) == "2019-10-31");
    CHECK(format_day(0) == "1970-01-01");
}

TEST_CASE("incident date: day first with dashes or a month's name, as ACLED's exports write it", "[date][places]") {
    CHECK(must_parse("17 October 2019") == must_parse("2019-10-17"));
    CHECK(must_parse("17-October-2019") == must_parse("2019-10-17"));
    CHECK(must_parse("17-Oct-2019") == must_parse("2019-10-17"));
    CHECK(must_parse("5 may 2020") == must_parse("2020-05-05"));
    CHECK(must_parse("15-10-2019") == must_parse("2019-10-15"));
    CHECK(must_parse("1-2-2020 14:30") == must_parse("2020-02-01T14:30"));
    CHECK_THAT(error_of("17 Octobre 2019"), Catch::Contains("not a date"));
    CHECK_THAT(error_of("17-10-19"), Catch::Contains("two-digit year"));
    CHECK_THAT(error_of("31 June 2019"), Catch::Contains("June 2019 has 30 days"));
    CHECK_THAT(error_of("17 October-2019"), Catch::Contains("not a date"));
}

TEST_CASE("incident date: a span's precision and a date stretched to an end date", "[date][places]") {
    CHECK(span_precision(days_from_civil(2019, 10, 17), days_from_civil(2019, 10, 17)) == DatePrecision::Day);
    CHECK(span_precision(days_from_civil(2019, 2, 1), days_from_civil(2019, 2, 28)) == DatePrecision::Month);
    CHECK(span_precision(days_from_civil(2020, 1, 1), days_from_civil(2020, 12, 31)) == DatePrecision::Year);
    CHECK(span_precision(days_from_civil(2019, 10, 14), days_from_civil(2019, 10, 20)) == DatePrecision::Span);
    CHECK(span_precision(days_from_civil(2019, 10, 1), days_from_civil(2019, 11, 30)) == DatePrecision::Span);
    auto j = join_date_end(must_parse("2019-10-17T14:30"), must_parse("2019-10-17"));
    REQUIRE(j);
    CHECK(j.value() == must_parse("2019-10-17T14:30"));
    j = join_date_end(must_parse("2019-10-17T14:30"), must_parse("2019-10-19"));
    REQUIRE(j);
    CHECK(format_incident_date(j.value()) == "2019-10-17/2019-10-19");  // no time for a span
    j = join_date_end(must_parse("2019-10"), must_parse("2019-12"));
    REQUIRE(j);
    CHECK(format_incident_date(j.value()) == "2019-10-01/2019-12-31");
    CHECK_FALSE(join_date_end(must_parse("2019-10-17"), must_parse("2019-10-16")));
}

TEST_CASE("incident date: YYYY-MM-DD and DD/MM/YYYY read every day of eight centuries alike", "[date]") {
    // "YYYY-MM-DD" has a shortcut of its own; "DD/MM/YYYY" goes the general way.
    std::int32_t mismatches = 0;
    for (std::int32_t d = days_from_civil(1600, 1, 1); d <= days_from_civil(2400, 12, 31); ++d) {
        const CivilDate c = civil_from_days(d);
        char iso[16], mexican[16];
        std::snprintf(iso, sizeof iso, "%04d-%02d-%02d", c.year, c.month, c.day);
        std::snprintf(mexican, sizeof mexican, "%02d/%02d/%04d", c.day, c.month, c.year);
        auto a = parse_incident_date(iso), b = parse_incident_date(mexican);
        mismatches += !(a && b && *a == *b && a->day_start == d && a->precision == DatePrecision::Day && !a->has_time());
    }
    CHECK(mismatches == 0);
    CHECK(must_parse(" 2019-10-17 ") == must_parse("17/10/2019"));
    CHECK_THAT(error_of("2019-1a-17"), Catch::Contains("not a date"));
    CHECK_THAT(error_of("20\xC3\xA9" "9-10-17"), Catch::Contains("not a date"));
}
