#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>
#include <vector>

#include "mirador/geo/IncidentStore.hpp"
#include "mirador/geo/Placements.hpp"

using namespace mirador::geo;

namespace {

IncidentDate date(const char* text) {
    auto r = parse_incident_date(text);
    REQUIRE(r);
    return r.value();
}

Incident make(const char* id, const char* when, double lon = -107.39, double lat = 24.81) {
    Incident in;
    in.id = id;
    in.date = date(when);
    in.date_text = when;
    in.lon = lon;
    in.lat = lat;
    return in;
}

std::vector<std::string> ids_overlapping(const IncidentStore& s, const char* from, const char* to) {
    std::vector<std::uint32_t> idx;
    s.collect_overlapping(date(from).day_start, date(to).day_end, idx);
    std::vector<std::string> ids;
    for (auto i : idx) ids.emplace_back(s.id(i));
    return ids;
}

// The answer by brute force: every incident, one comparison each.
std::vector<std::string> ids_overlapping_slowly(const IncidentStore& s, std::int32_t from, std::int32_t to) {
    std::vector<std::string> ids;
    for (std::size_t i = 0; i < s.size(); ++i)
        if (s.day_start()[i] <= to && s.day_end()[i] >= from) ids.emplace_back(s.id(i));
    return ids;
}

}  // namespace

TEST_CASE("incident store: hot columns take at most 32 bytes per incident", "[incident]") {
    CHECK(IncidentStore::bytes_per_incident_hot() <= 32);
    // The columns really are that small: nothing hot hides behind a pointer.
    CHECK(sizeof(IncidentCategory) == 1);
    CHECK(sizeof(DatePrecision) == 1);
}

TEST_CASE("incident store: finish() sorts by day, then minute, stably", "[incident]") {
    IncidentStoreBuilder b;
    b.add(make("c", "2019-10-17T14:30"));
    b.add(make("a", "2014-09-26"));
    b.add(make("d", "2019-10-17T09:00"));
    b.add(make("e", "2019-10-17"));   // no time: first within its day
    b.add(make("e2", "2019-10-17"));  // same time as e: stays after it
    b.add(make("m", "2019-10"));      // month: starts on the 1st
    b.add(make("y", "2011"));
    const IncidentStore s = b.finish();
    REQUIRE(s.size() == 7);
    std::vector<std::string> order;
    for (std::size_t i = 0; i < s.size(); ++i) order.emplace_back(s.id(i));
    CHECK(order == std::vector<std::string>{"y", "a", "m", "e", "e2", "d", "c"});
    CHECK(s.minute_of_day()[5] == 9 * 60);
    CHECK(s.precision()[2] == DatePrecision::Month);
    CHECK(s.date(2) == date("2019-10"));
    CHECK(s.date_text(6) == "2019-10-17T14:30");
    for (std::size_t i = 1; i < s.size(); ++i) CHECK(s.day_start()[i - 1] <= s.day_start()[i]);
}

TEST_CASE("incident store: every field round-trips, counts saturate in the hot column only", "[incident]") {
    Incident in = make("culiacan-2019-10-17-battle", "2019-10-17", -107.393756, 24.808808);
    in.place = "Culiacán";
    in.state = "Sinaloa";
    in.category = IncidentCategory::ArmedClash;
    in.actors = {"Sinaloa Cartel", "Mexican Army", "National Guard"};
    in.fatalities = 8;
    in.injured = 16;
    in.source = "Financial Times";
    in.notes = "Soldiers and police seized Ovidio Guzmán";
    Incident big = make("big", "2019");
    big.fatalities = 70000;
    big.injured = 65534;
    Incident unknown = make("unknown", "2019-10", std::nan(""), std::nan(""));
    unknown.place = "Culiacán";

    IncidentStoreBuilder b;
    b.add(in);
    b.add(big);
    b.add(unknown);
    IncidentStore s = b.finish();
    REQUIRE(s.size() == 3);

    const long i = s.find_id("culiacan-2019-10-17-battle");
    REQUIRE(i >= 0);
    const Incident out = s.incident(static_cast<std::size_t>(i));
    CHECK(out.id == in.id);
    CHECK(out.date == in.date);
    CHECK(out.lon == Approx(-107.393756).margin(1e-5));  // float: about a metre
    CHECK(out.lat == Approx(24.808808).margin(1e-5));
    CHECK(out.place == "Culiacán");
    CHECK(out.state == "Sinaloa");
    CHECK(out.category == IncidentCategory::ArmedClash);
    CHECK(out.actors == in.actors);
    CHECK(out.fatalities == 8u);
    CHECK(out.injured == 16u);
    CHECK(out.source == in.source);
    CHECK(out.notes == in.notes);
    CHECK(out.municipality == kNoMunicipality);
    CHECK(out.municipality_code.empty());

    const auto bi = static_cast<std::size_t>(s.find_id("big"));
    CHECK(s.fatalities_hot()[bi] == kCountSaturated);
    CHECK(s.fatalities(bi) == 70000u);
    CHECK(s.injured(bi) == 65534u);

    const auto ui = static_cast<std::size_t>(s.find_id("unknown"));
    CHECK(std::isnan(s.lon()[ui]));
    CHECK(s.fatalities_hot()[ui] == kCountUnknown);
    CHECK_FALSE(s.fatalities(ui).has_value());
    CHECK(s.actor_count(ui) == 0);
    // Repeated text is stored once.
    CHECK(s.place(ui).data() == s.place(static_cast<std::size_t>(i)).data());

    // The geocoder fills these in later.
    s.set_location(ui, -107.39, 24.81);
    s.set_municipality(ui, 1234, "25006");
    CHECK(s.lon()[ui] == Approx(-107.39));
    CHECK(s.municipality()[ui] == 1234u);
    CHECK(s.municipality_code(ui) == "25006");
}

TEST_CASE("incident store: a time window finds month and year incidents that began before it", "[incident]") {
    IncidentStoreBuilder b;
    b.add(make("year-2019", "2019"));
    b.add(make("jan-5", "2019-01-05"));
    b.add(make("month-2019-10", "2019-10"));
    b.add(make("oct-14", "2019-10-14"));
    b.add(make("oct-17", "2019-10-17"));
    b.add(make("oct-17-late", "2019-10-17T23:00"));
    b.add(make("oct-20", "2019-10-20"));
    b.add(make("nov-04", "2019-11-04"));
    b.add(make("month-2020-01", "2020-01"));
    b.add(make("jan-2020-15", "2020-01-15"));
    const IncidentStore s = b.finish();

    // One day: that day's incidents plus the October and the 2019 incidents covering it.
    CHECK(ids_overlapping(s, "2019-10-17", "2019-10-17") ==
          std::vector<std::string>{"year-2019", "month-2019-10", "oct-17", "oct-17-late"});
    // January 2019 overlaps the year but not October.
    CHECK(ids_overlapping(s, "2019-01-01", "2019-01-31") == std::vector<std::string>{"year-2019", "jan-5"});
    // A window in December 2019 holds only the year incident.
    CHECK(ids_overlapping(s, "2019-12-01", "2019-12-31") == std::vector<std::string>{"year-2019"});
    // A window starting mid-January 2020 still counts the January 2020 month incident.
    CHECK(ids_overlapping(s, "2020-01-20", "2020-03-01") == std::vector<std::string>{"month-2020-01"});
    CHECK(ids_overlapping(s, "2021-01-01", "2021-12-31").empty());
    CHECK(ids_overlapping(s, "2000-01-01", "2018-12-31").empty());

    // The range holds every overlapping incident, and after 2019 it no longer reaches back.
    const auto [first, last] = s.range_overlapping(date("2020-01-20").day_start, date("2020-01-20").day_end);
    CHECK(first == static_cast<std::size_t>(s.find_id("month-2020-01")));
    CHECK(last == static_cast<std::size_t>(s.find_id("jan-2020-15")) + 1);
    CHECK(s.range_overlapping(10, 5) == std::pair<std::size_t, std::size_t>{0, 0});

    // Against brute force, for every window of 1 to 40 days over 2018-2020.
    const std::int32_t lo = date("2018-12-01").day_start, hi = date("2020-03-01").day_start;
    std::size_t mismatches = 0;
    std::vector<std::uint32_t> idx;
    for (std::int32_t from = lo; from <= hi; ++from)
        for (std::int32_t len : {1, 7, 40}) {
            s.collect_overlapping(from, from + len - 1, idx);
            std::vector<std::string> fast;
            for (auto i : idx) fast.emplace_back(s.id(i));
            const auto [a, z] = s.range_overlapping(from, from + len - 1);
            for (std::size_t i = a; i < z; ++i)
                if (s.day_start()[i] >= from) mismatches += s.overlaps(i, from, from + len - 1) ? 0 : 1;
            mismatches += fast == ids_overlapping_slowly(s, from, from + len - 1) ? 0 : 1;
        }
    CHECK(mismatches == 0);
}

TEST_CASE("incident store: a month of a year-dated catalogue scans about a month, not the year", "[incident]") {
    // Ten incidents a day through 2019 and 2020, a few dated only to the year or the month,
    // and one spanning a quarter: the viewer's month step at scale, in miniature.
    IncidentStoreBuilder b;
    char id[32], when[16];
    for (int year : {2019, 2020})
        for (int month = 1; month <= 12; ++month)
            for (int day = 1; day <= 28; ++day)
                for (int k = 0; k < 10; ++k) {
                    std::snprintf(id, sizeof id, "%d-%02d-%02d-%d", year, month, day, k);
                    std::snprintf(when, sizeof when, "%d-%02d-%02d", year, month, day);
                    b.add(make(id, when));
                }
    for (const char* y : {"2019", "2020"}) b.add(make((std::string("year-") + y).c_str(), y));
    b.add(make("month-2019-03", "2019-03"));
    b.add(make("month-2020-11", "2020-11"));
    const IncidentStore s = b.finish();

    // December 2020: its 280 incidents and the 2020 year incident, not the whole year before it.
    const std::int32_t from = date("2020-12-01").day_start, to = date("2020-12-31").day_end;
    const IncidentStore::OverlapScan scan = s.scan_overlapping(from, to);
    const auto [first, last] = s.range_overlapping(from, to);
    CHECK(last - first > 3000);  // the plain range reaches back to January
    CHECK(scan.size() <= 280 + 1 + 2 * 64);
    CHECK(scan.before.size() == 1);
    CHECK(s.id(scan.before.front()) == "year-2020");
    CHECK(scan.last == last);
    CHECK(s.scan_overlapping(10, 5).size() == 0);

    // Every window of 1, 10 and 45 days over the two years, against brute force; every index
    // of `before` lies below the range.
    std::size_t mismatches = 0;
    std::vector<std::uint32_t> idx;
    for (std::int32_t f = date("2018-12-20").day_start; f <= date("2021-01-10").day_start; f += 3)
        for (std::int32_t len : {1, 10, 45}) {
            s.collect_overlapping(f, f + len - 1, idx);
            std::vector<std::string> fast;
            for (auto i : idx) fast.emplace_back(s.id(i));
            mismatches += fast == ids_overlapping_slowly(s, f, f + len - 1) ? 0 : 1;
            const auto sc = s.scan_overlapping(f, f + len - 1);
            for (const std::uint32_t i : sc.before) mismatches += i < sc.first ? 0 : 1;
        }
    CHECK(mismatches == 0);
}

TEST_CASE("incident category: parsed from English or Spanish, any case or accents", "[incident]") {
    CHECK(parse_incident_category("armed clash") == IncidentCategory::ArmedClash);
    CHECK(parse_incident_category("Armed Clash") == IncidentCategory::ArmedClash);
    CHECK(parse_incident_category("arrest/capture") == IncidentCategory::ArrestCapture);
    CHECK(parse_incident_category("ARREST / CAPTURE") == IncidentCategory::ArrestCapture);
    CHECK(parse_incident_category("military_operation") == IncidentCategory::MilitaryOperation);
    CHECK(parse_incident_category("Desaparición") == IncidentCategory::Disappearance);
    CHECK(parse_incident_category("DESAPARICION") == IncidentCategory::Disappearance);
    CHECK(parse_incident_category("Detención") == IncidentCategory::ArrestCapture);
    CHECK(parse_incident_category("Attack on civilians") == IncidentCategory::AttackOnCivilians);
    CHECK(parse_incident_category("prison escape") == IncidentCategory::PrisonEscape);
    CHECK(parse_incident_category("emboscada") == IncidentCategory::Ambush);
    CHECK(parse_incident_category("Masacre") == IncidentCategory::Massacre);
    CHECK(parse_incident_category("other") == IncidentCategory::Other);
    CHECK_FALSE(parse_incident_category("riot").has_value());
    CHECK_FALSE(parse_incident_category("").has_value());
    for (int c = 0; c < kIncidentCategoryCount; ++c) {
        const auto cat = static_cast<IncidentCategory>(c);
        CHECK(parse_incident_category(category_name(cat)) == cat);
    }
}

TEST_CASE("placements round-trip status, precision, state, municipality and notes in a few bytes", "[store]") {
    IncidentStoreBuilder b;
    for (const char* id : {"a", "b", "c", "d"}) b.add(make(id, "2019-10-17"));
    IncidentStore s = b.finish();

    std::vector<GeocodeResult> in(4);
    in[0].status = GeoStatus::Matched;  // by point, no note
    in[0].precision = GeoPrecision::Point;
    in[0].municipality = 1805;
    in[0].state = 24;
    in[1].status = GeoStatus::Matched;  // a state only
    in[1].precision = GeoPrecision::State;
    in[1].state = 31;
    in[1].note = "state 'Atlantis' not recognised; searched all states. ";
    in[2].status = GeoStatus::Ambiguous;
    in[2].note = "2 places named 'Juárez': ...";
    in[3].status = GeoStatus::Outside;
    in[3].precision = GeoPrecision::Point;
    in[3].note = in[1].note;  // shared text is kept once

    Placements p;
    for (std::size_t i = 0; i < in.size(); ++i) {
        p.push_back(in[i]);
        if (in[i].municipality >= 0) s.set_municipality(i, std::uint32_t(in[i].municipality), "25006");
    }
    REQUIRE(p.size() == 4);
    for (std::size_t i = 0; i < in.size(); ++i) {
        INFO(i);
        CHECK(p.status(i) == in[i].status);
        CHECK(p.matched(i) == (in[i].status == GeoStatus::Matched));
        CHECK(p.precision(i) == in[i].precision);
        CHECK(p.state(i) == in[i].state);
        CHECK(p.municipality(i, s) == in[i].municipality);
        CHECK(p.note(i) == in[i].note);
    }
    CHECK(Placements::bytes_per_incident() <= 8);

    // Without notes the table is its per-incident bytes and a pool that stays empty.
    Placements quiet;
    const std::size_t n = 100000;
    quiet.reserve(n);
    for (std::size_t i = 0; i < n; ++i) quiet.push_back(in[0]);
    CHECK(quiet.memory_bytes() <= n * 8);
    CHECK(quiet.note(n - 1).empty());
}

TEST_CASE("incident store: a large store in two appended halves sorts like std::stable_sort", "[incident]") {
    // Over 100k incidents: the sort and the gather run on two threads. Few distinct times, so
    // many incidents share one and must keep the order they were added in; the second half is
    // appended, as the CSV loader does.
    constexpr std::size_t kCount = 240000;
    std::vector<std::int32_t> day(kCount);
    std::vector<std::int16_t> minute(kCount);
    IncidentStoreBuilder halves[2];
    for (std::size_t i = 0; i < kCount; ++i) {
        const std::uint64_t h = (i + 1) * 0x9E3779B97F4A7C15ull;
        day[i] = 14000 + static_cast<std::int32_t>((h >> 40) % 3000);
        minute[i] = static_cast<std::int16_t>((h >> 20) % 4 == 0 ? -1 : static_cast<int>((h >> 24) % 3) * 600);
        IncidentView v;
        const std::string id = std::to_string(i);
        v.id = id;
        v.date.day_start = day[i];
        v.date.day_end = day[i] + static_cast<std::int32_t>(i % 3);
        v.date.minute_of_day = minute[i];
        v.fatalities = i == 777 ? std::optional<std::uint32_t>(100000) : std::optional<std::uint32_t>(1);
        halves[i < kCount / 2 ? 0 : 1].add(v);
    }
    halves[0].append(std::move(halves[1]));
    const IncidentStore s = halves[0].finish();
    std::vector<std::uint32_t> expected(kCount);
    for (std::size_t i = 0; i < kCount; ++i) expected[i] = static_cast<std::uint32_t>(i);
    std::stable_sort(expected.begin(), expected.end(), [&](std::uint32_t a, std::uint32_t b) {
        return day[a] != day[b] ? day[a] < day[b] : minute[a] < minute[b];
    });
    REQUIRE(s.size() == kCount);
    bool same = true;
    for (std::size_t k = 0; k < kCount; ++k) {
        const std::uint32_t i = expected[k];
        same = same && s.id(k) == std::to_string(i) && s.day_start()[k] == day[i] && s.minute_of_day()[k] == minute[i] &&
               s.day_end()[k] == day[i] + static_cast<std::int32_t>(i % 3);
    }
    CHECK(same);
    const long big = s.find_id("777");
    REQUIRE(big >= 0);
    CHECK(s.fatalities(static_cast<std::size_t>(big)) == 100000u);
}
