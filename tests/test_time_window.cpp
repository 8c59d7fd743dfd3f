#include <catch2/catch.hpp>

#include <cmath>
#include <map>
#include <random>

#include "TestData.hpp"
#include "mirador/geo/IncidentAggregation.hpp"
#include "mirador/geo/IncidentStore.hpp"
#include "mirador/geo/TimeHistogram.hpp"
#include "mirador/geo/TimeWindow.hpp"

using namespace mirador;
using namespace mirador::geo;

namespace {

std::int32_t day(const char* text) {
    auto r = parse_incident_date(text);
    REQUIRE(r);
    return r->day_start;
}

DayRange span(const char* text) {
    auto r = parse_incident_date(text);
    REQUIRE(r);
    return {r->day_start, r->day_end};
}

DayRange days(const char* from, const char* to) { return {day(from), day(to)}; }

TimeAxis axis(const char* from, const char* to, WindowUnit unit, WindowMode mode = WindowMode::Moving, int custom = 30) {
    return TimeAxis(days(from, to), WindowSpec{mode, unit, custom});
}

Incident incident(const std::string& id, const char* when, std::optional<std::uint32_t> fatalities = std::nullopt) {
    Incident in;
    in.id = id;
    in.date = parse_incident_date(when).value();
    in.date_text = when;
    in.fatalities = fatalities;
    return in;
}

IncidentStore store_of(const std::vector<Incident>& incidents) {
    IncidentStoreBuilder b;
    for (const auto& in : incidents) b.add(in);
    return b.finish();
}

}  // namespace

TEST_CASE("time windows: days, and the extent's edges", "[time]") {
    const TimeAxis a = axis("2019-12-30", "2020-01-02", WindowUnit::Day);
    REQUIRE(a.count() == 4);
    CHECK(a.window(0) == days("2019-12-30", "2019-12-30"));
    CHECK(a.window(3) == days("2020-01-02", "2020-01-02"));
    CHECK(a.label(1) == "2019-12-31");
    CHECK(a.index_of(day("2020-01-01")) == 2);
    // Outside the extent: clamped to the ends.
    CHECK(a.index_of(day("2019-01-01")) == 0);
    CHECK(a.index_of(day("2021-01-01")) == 3);
    CHECK(TimeAxis().count() == 0);
    CHECK(TimeAxis(DayRange{}, WindowSpec{}).count() == 0);
}

TEST_CASE("time windows: weeks run Monday to Sunday, across years", "[time]") {
    // 2020-01-01 was a Wednesday: its week began on Monday 2019-12-30.
    const TimeAxis a = axis("2020-01-01", "2020-01-13", WindowUnit::Week);
    REQUIRE(a.count() == 3);
    CHECK(a.window(0) == days("2019-12-30", "2020-01-05"));
    CHECK(a.window(1) == days("2020-01-06", "2020-01-12"));
    CHECK(a.window(2) == days("2020-01-13", "2020-01-19"));
    CHECK(a.label(0) == "2019-12-30 to 2020-01-05");
    CHECK(a.index_of(day("2020-01-12")) == 1);
    CHECK(a.index_of(day("2020-01-13")) == 2);
    // Before 1970 too (day numbers are negative there): 1969-12-29 was a Monday.
    CHECK(axis("1969-12-31", "1969-12-31", WindowUnit::Week).window(0) == days("1969-12-29", "1970-01-04"));
}

TEST_CASE("time windows: months, with leap Februaries and the turn of the year", "[time]") {
    const TimeAxis a = axis("2019-11-15", "2020-03-02", WindowUnit::Month);
    REQUIRE(a.count() == 5);
    // Whole months, even where the extent starts or ends inside one.
    CHECK(a.window(0) == days("2019-11-01", "2019-11-30"));
    CHECK(a.window(1) == days("2019-12-01", "2019-12-31"));
    CHECK(a.window(2) == days("2020-01-01", "2020-01-31"));
    CHECK(a.window(3) == days("2020-02-01", "2020-02-29"));
    CHECK(a.window(4) == days("2020-03-01", "2020-03-31"));
    CHECK(axis("2019-02-10", "2019-02-10", WindowUnit::Month).window(0) == days("2019-02-01", "2019-02-28"));
    CHECK(axis("2000-02-10", "2000-02-10", WindowUnit::Month).window(0).days() == 29);  // 400th year: leap
    CHECK(axis("1900-02-10", "1900-02-10", WindowUnit::Month).window(0).days() == 28);  // century: not
    CHECK(a.label(3) == "February 2020");
    CHECK(a.label(1) == "December 2019");
    CHECK(a.index_of(day("2020-02-29")) == 3);
    CHECK(a.index_of(day("2020-03-01")) == 4);
}

TEST_CASE("time windows: quarters and years", "[time]") {
    const TimeAxis q = axis("2019-08-01", "2020-04-01", WindowUnit::Quarter);
    REQUIRE(q.count() == 4);
    CHECK(q.window(0) == days("2019-07-01", "2019-09-30"));
    CHECK(q.window(1) == days("2019-10-01", "2019-12-31"));
    CHECK(q.window(3) == days("2020-04-01", "2020-06-30"));
    CHECK(q.label(1) == "Q4 2019");
    CHECK(q.label(2) == "Q1 2020");
    CHECK(q.index_of(day("2019-12-31")) == 1);

    const TimeAxis y = axis("2011-05-01", "2021-07-02", WindowUnit::Year);
    REQUIRE(y.count() == 11);
    CHECK(y.window(0) == days("2011-01-01", "2011-12-31"));
    CHECK(y.window(9) == days("2020-01-01", "2020-12-31"));
    CHECK(y.window(9).days() == 366);
    CHECK(y.label(8) == "2019");
    CHECK(y.index_of(day("2019-10-17")) == 8);
}

TEST_CASE("time windows: custom lengths start on the extent's first day", "[time]") {
    const TimeAxis a = axis("2019-10-03", "2019-10-30", WindowUnit::Custom, WindowMode::Moving, 10);
    REQUIRE(a.count() == 3);
    CHECK(a.window(0) == days("2019-10-03", "2019-10-12"));
    CHECK(a.window(1) == days("2019-10-13", "2019-10-22"));
    CHECK(a.window(2) == days("2019-10-23", "2019-11-01"));
    CHECK(a.label(1) == "2019-10-13 to 2019-10-22");
    CHECK(a.index_of(day("2019-10-22")) == 1);
    // A length below one day is one day.
    CHECK(axis("2019-10-03", "2019-10-05", WindowUnit::Custom, WindowMode::Moving, 0).count() == 3);
}

TEST_CASE("time windows: every unit's windows tile the extent without gaps", "[time]") {
    for (auto unit : {WindowUnit::Day, WindowUnit::Week, WindowUnit::Month, WindowUnit::Quarter, WindowUnit::Year,
                      WindowUnit::Custom}) {
        INFO(to_string(unit));
        const TimeAxis a = axis("2015-06-17", "2021-03-02", unit, WindowMode::Moving, 45);
        REQUIRE(a.count() > 0);
        CHECK(a.window(0).contains(a.extent().from));
        CHECK(a.window(a.count() - 1).contains(a.extent().to));
        for (std::size_t k = 1; k < a.count(); ++k) CHECK(a.window(k).from == a.window(k - 1).to + 1);
        for (std::size_t k = 0; k < a.count(); k += 7) CHECK(a.index_of(a.window(k).from) == k);
    }
}

TEST_CASE("time windows: cumulative windows grow from the extent's first day", "[time]") {
    const TimeAxis a = axis("2011-01-01", "2019-10-17", WindowUnit::Month, WindowMode::Cumulative);
    REQUIRE(a.count() == 8 * 12 + 10);
    CHECK(a.window(0) == days("2011-01-01", "2011-01-31"));
    CHECK(a.window(a.count() - 1) == days("2011-01-01", "2019-10-31"));
    CHECK(a.label(a.count() - 1) == "2011-01-01 to 2019-10-31");
    // The first window that reaches a day.
    CHECK(a.index_of(day("2011-02-01")) == 1);
    CHECK(a.index_of(day("2019-10-17")) == a.count() - 1);
    // A custom extent start that is not the 1st: the first window starts there, not on the 1st.
    CHECK(axis("2011-01-15", "2011-03-01", WindowUnit::Month, WindowMode::Cumulative).window(1) ==
          days("2011-01-15", "2011-02-28"));
}

TEST_CASE("time windows: units by name", "[time]") {
    CHECK(parse_window_unit("quarter") == WindowUnit::Quarter);
    CHECK(parse_window_unit(" Week ") == WindowUnit::Week);
    CHECK(!parse_window_unit("fortnight"));
    CHECK(std::string(to_string(WindowMode::Cumulative)) == "cumulative");
}

TEST_CASE("describe_days names a range at the precision it has", "[time]") {
    CHECK(describe_days(span("2019-10")) == "October 2019");
    CHECK(describe_days(span("2019")) == "2019");
    CHECK(describe_days(span("2019-10-17")) == "2019-10-17");
    CHECK(describe_days(days("2019-10-01", "2019-12-31")) == "Q4 2019");
    CHECK(describe_days(days("2019-10-01", "2019-11-30")) == "2019-10-01 to 2019-11-30");
    CHECK(describe_days(days("2019-12-01", "2020-01-31")) == "2019-12-01 to 2020-01-31");
    CHECK(describe_days(DayRange{}) == "no days");
}

TEST_CASE("span fractions: a day, a month and a year in day, month and year windows", "[time]") {
    const DayRange d = span("2019-10-17"), m = span("2019-10"), y = span("2020");
    CHECK(span_fraction_in(d.from, d.to, span("2019-10-17")) == 1.0);
    CHECK(span_fraction_in(d.from, d.to, span("2019-10-18")) == 0.0);
    CHECK(span_fraction_in(d.from, d.to, span("2019-10")) == 1.0);
    // A month-precision incident: 1/31 in each day of October, all of it in the month or year.
    CHECK(span_fraction_in(m.from, m.to, span("2019-10-01")) == Approx(1.0 / 31));
    CHECK(span_fraction_in(m.from, m.to, span("2019-10-31")) == Approx(1.0 / 31));
    CHECK(span_fraction_in(m.from, m.to, span("2019-11-01")) == 0.0);
    CHECK(span_fraction_in(m.from, m.to, span("2019-10")) == 1.0);
    CHECK(span_fraction_in(m.from, m.to, span("2019")) == 1.0);
    // A leap year: February holds 29 of its 366 days.
    CHECK(span_fraction_in(y.from, y.to, span("2020-02")) == Approx(29.0 / 366));
    CHECK(span_fraction_in(y.from, y.to, days("2019-12-15", "2020-01-15")) == Approx(15.0 / 366));

    // Summed over windows that tile the span, each makes exactly one incident.
    for (auto unit : {WindowUnit::Day, WindowUnit::Week, WindowUnit::Month, WindowUnit::Quarter, WindowUnit::Custom}) {
        INFO(to_string(unit));
        for (DayRange s : {d, m, y}) {
            const TimeAxis a(s, WindowSpec{WindowMode::Moving, unit, 11});
            double sum = 0;
            for (std::size_t k = 0; k < a.count(); ++k) sum += span_fraction_in(s.from, s.to, a.window(k));
            CHECK(sum == Approx(1.0).epsilon(1e-12));
        }
    }
}

TEST_CASE("data extent: first start to last end, imprecise dates included", "[time]") {
    CHECK(data_extent(IncidentStore{}).empty());
    const IncidentStore s = store_of({incident("a", "2014-09-26"), incident("b", "2019-10-17"), incident("c", "2019")});
    CHECK(data_extent(s) == days("2014-09-26", "2019-12-31"));
}

TEST_CASE("time histogram: bins chosen from the extent", "[time]") {
    CHECK(choose_histogram_bin(days("2019-10-01", "2019-12-31")) == HistogramBin::Day);
    CHECK(choose_histogram_bin(days("2019-01-01", "2021-12-31")) == HistogramBin::Week);
    CHECK(choose_histogram_bin(days("2011-01-01", "2021-07-31")) == HistogramBin::Month);
    CHECK(choose_histogram_bin(days("1950-01-01", "2021-07-31")) == HistogramBin::Year);
}

TEST_CASE("time histogram: bars sum to the incidents and fatalities, imprecise dates spread", "[time]") {
    const IncidentStore s = store_of({
        incident("d1", "2019-10-17", 8),
        incident("d2", "2019-10-17", 3),
        incident("m", "2019-10", 31),   // October only: spread over its 31 days
        incident("y", "2019"),          // fatalities unknown: counts as an incident, 0 deaths
        incident("late", "2019-12-31", 1),
    });
    const DayRange extent = data_extent(s);
    REQUIRE(extent == days("2019-01-01", "2019-12-31"));

    for (auto bin : {HistogramBin::Day, HistogramBin::Week, HistogramBin::Month, HistogramBin::Year}) {
        INFO(to_string(bin));
        const TimeHistogram h = build_time_histogram(s, nullptr, extent, bin);
        REQUIRE(h.bins.size() == h.counts.size());
        REQUIRE(h.bins.size() == h.weights.size());
        double n = 0, w = 0;
        for (std::size_t k = 0; k < h.bins.size(); ++k) n += h.counts[k], w += h.weights[k];
        CHECK(n == Approx(5.0));
        CHECK(w == Approx(43.0));
    }

    const TimeHistogram days_h = build_time_histogram(s, nullptr, extent, HistogramBin::Day);
    REQUIRE(days_h.bins.size() == 365);
    // Precision honesty: the month-precision incident is not a spike on October 1st.
    const std::size_t oct1 = static_cast<std::size_t>(day("2019-10-01") - extent.from);
    const std::size_t oct2 = oct1 + 1;
    CHECK(days_h.counts[oct1] == Approx(days_h.counts[oct2]));
    CHECK(days_h.counts[oct1] == Approx(1.0 / 31 + 1.0 / 365));
    CHECK(days_h.weights[oct1] == Approx(1.0));  // 31 deaths over 31 days
    CHECK(days_h.counts[oct1 + 16] == Approx(2 + 1.0 / 31 + 1.0 / 365));  // the 17th: d1, d2 and the spreads
    CHECK(days_h.max_count() == days_h.counts[oct1 + 16]);

    const TimeHistogram months_h = build_time_histogram(s, nullptr, extent, HistogramBin::Month);
    REQUIRE(months_h.bins.size() == 12);
    CHECK(months_h.counts[9] == Approx(3 + 31.0 / 365));
    CHECK(months_h.counts[0] == Approx(31.0 / 365));

    // Filters: a mask leaves incidents out (store order, not insertion order).
    std::vector<std::uint8_t> only_days(s.size());
    for (std::size_t i = 0; i < s.size(); ++i) only_days[i] = s.precision()[i] == DatePrecision::Day;
    const TimeHistogram masked = build_time_histogram(s, &only_days, extent, HistogramBin::Month);
    CHECK(masked.counts[9] == Approx(2.0));
    CHECK(masked.counts[0] == 0.0);

    // The bars under the current window.
    CHECK(months_h.bins_overlapping(span("2019-10")) == std::pair<std::size_t, std::size_t>{9, 10});
    CHECK(months_h.bins_overlapping(days("2019-10-20", "2019-12-05")) == std::pair<std::size_t, std::size_t>{9, 12});
    CHECK(months_h.bins_overlapping(span("2025")) == std::pair<std::size_t, std::size_t>{12, 12});
    CHECK(months_h.bins_overlapping(DayRange{}).first == months_h.bins_overlapping(DayRange{}).second);
}

TEST_CASE("window counts over a mask and an index range equal a brute-force count", "[time][stats]") {
    const Boundaries& b = test::default_boundaries();
    REQUIRE(b.municipalities.feature_count() > 0);
    std::mt19937 rng(5);
    const char* precisions[] = {"%04d-%02d-%02d", "%04d-%02d", "%04d"};
    IncidentStoreBuilder builder;
    for (int i = 0; i < 3000; ++i) {
        char when[16];
        const int p = int(rng() % 10) < 7 ? 0 : int(rng() % 2) + 1;
        std::snprintf(when, sizeof when, precisions[p], 2015 + int(rng() % 6), 1 + int(rng() % 12), 1 + int(rng() % 28));
        std::string id = "i";
        builder.add(incident(id.append(std::to_string(i)), when, rng() % 5 ? std::optional<std::uint32_t>(rng() % 20) : std::nullopt));
    }
    IncidentStore s = builder.finish();
    std::vector<GeocodeResult> results(s.size());
    std::vector<std::uint8_t> include(s.size());
    for (std::size_t i = 0; i < s.size(); ++i) {
        include[i] = rng() % 4 != 0;
        if (rng() % 10 == 0) continue;  // unplaced
        results[i].status = GeoStatus::Matched;
        results[i].municipality = long(rng() % 40);
        results[i].state = b.municipality_state[static_cast<std::size_t>(results[i].municipality)];
    }
    // As place_incidents() leaves them: the municipality in the store, the rest in the table.
    Placements placed;
    for (std::size_t i = 0; i < s.size(); ++i) {
        placed.push_back(results[i]);
        if (const long m = results[i].municipality; m >= 0)
            s.set_municipality(i, std::uint32_t(m), b.municipalities.attributes[std::size_t(m)].code);
    }

    const DayRange windows[] = {span("2017-03"), span("2019"), days("2016-12-25", "2017-01-08"), span("2017-03-05"),
                                span("2030"), days("2000-01-01", "2100-01-01")};
    for (const DayRange w : windows) {
        INFO(describe_days(w));
        for (auto by : {AggregateBy::Municipality, AggregateBy::State}) {
            std::map<std::size_t, std::pair<std::uint64_t, std::uint64_t>> expected;
            std::size_t counted = 0, unplaced = 0;
            for (std::size_t i = 0; i < s.size(); ++i) {
                if (!include[i] || s.day_start()[i] > w.to || s.day_end()[i] < w.from) continue;
                const long unit = results[i].status != GeoStatus::Matched ? -1
                                  : by == AggregateBy::State              ? results[i].state
                                                                          : results[i].municipality;
                if (unit < 0) {
                    ++unplaced;
                    continue;
                }
                auto& e = expected[static_cast<std::size_t>(unit)];
                ++e.first;
                e.second += s.fatalities(i).value_or(0);
                ++counted;
            }
            const Aggregation a = aggregate(s, placed, b, include, w.from, w.to, by, nullptr);
            CHECK(a.counted == counted);
            CHECK(a.unplaced == unplaced);
            CHECK(a.counted + a.unplaced + a.filtered_out == s.size());
            REQUIRE(a.units.size() == expected.size());
            for (const auto& u : a.units) {
                CHECK(u.incidents == expected[u.unit].first);
                CHECK(u.fatalities == expected[u.unit].second);
            }
            for (std::size_t k = 1; k < a.units.size(); ++k) CHECK(a.units[k - 1].incidents >= a.units[k].incidents);
        }
    }
}
