#pragma once
// The incidents, stored column-wise and sorted by time (day_start, then minute of day; stable,
// so equal times keep the order they were added in).
//
// Hot columns are what the map and the time slider touch for every incident on every change:
// position, time span, category, municipality, counts. They are small fixed-size arrays
// (bytes_per_incident_hot() <= 32) that can be scanned or uploaded as they are. Everything
// else (id, place, actors, source, notes, the date as written, how precisely the source knows
// the place) is cold: 32-bit ids into one StringPool, or a byte, read when an incident is
// shown or placed.
//
// Time windows. Because the columns are sorted by day_start, the incidents starting in a
// window are one contiguous range. Incidents with month or year precision start earlier and
// still overlap, so range_overlapping() also keeps a running maximum of day_end
// (max_day_end[i] = max of day_end[0..i], non-decreasing) and starts the range at the first
// incident whose running maximum reaches the window. Every overlapping incident is then in
// the range; the only ones in it that do not overlap started before the window and ended
// before it too (day_end < from), which overlaps() tells apart in one comparison. With only
// day-precision data the range is exact; a year-precision incident widens the range of
// windows in that year back to its first day, never further. (The alternative, searching on
// day_start with a year of slack, always scans a year of data before the window.)
//
// scan_overlapping() narrows that for callers that can visit two lists: the long-span incidents
// (more than a month: dated only to a year, or a long period) are also listed apart, so the
// range starts where the SHORT incidents' running maximum reaches the window and the long ones
// that started before it come as a short list of their own. A month of a year-dated catalogue
// then scans about a month of data, not the year up to it (the viewer's month step at 10M).
#include <cstdint>
#include <limits>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "mirador/geo/IncidentCategory.hpp"
#include "mirador/geo/IncidentDate.hpp"
#include "mirador/geo/LocationPrecision.hpp"
#include "mirador/geo/StringPool.hpp"

namespace mirador::geo {

inline constexpr std::uint32_t kNoMunicipality = 0xFFFFFFFFu;
// Counts in the hot columns: 0..65533 exact, 65534 "this many or more" (the exact value is
// kept aside), 65535 unknown.
inline constexpr std::uint16_t kCountSaturated = 0xFFFE;
inline constexpr std::uint16_t kCountUnknown = 0xFFFF;

// One incident with its own strings: what tests and the details panel work with.
struct Incident {
    std::string id;
    IncidentDate date;
    std::string date_text;  // the date as the source wrote it
    double lon = std::numeric_limits<double>::quiet_NaN();
    double lat = std::numeric_limits<double>::quiet_NaN();
    LocationPrecision location_precision = LocationPrecision::Unknown;  // as the source declares it
    std::string place;
    std::string state;
    std::string municipality_code;  // CVEGEO, filled by the geocoder
    std::uint32_t municipality = kNoMunicipality;
    IncidentCategory category = IncidentCategory::Other;
    std::vector<std::string> actors;
    std::optional<std::uint32_t> fatalities;
    std::optional<std::uint32_t> injured;
    std::string source;
    std::string notes;
    std::uint32_t source_row = 0;  // line in a CSV, feature id in an OGR layer; 0: unknown
};

// The same, borrowing its text: what loaders hand to the builder without allocating per field.
struct IncidentView {
    std::string_view id;
    IncidentDate date;
    std::string_view date_text;
    double lon = std::numeric_limits<double>::quiet_NaN();
    double lat = std::numeric_limits<double>::quiet_NaN();
    LocationPrecision location_precision = LocationPrecision::Unknown;
    std::string_view place;
    std::string_view state;
    std::string_view municipality_code;
    std::uint32_t municipality = kNoMunicipality;
    IncidentCategory category = IncidentCategory::Other;
    std::span<const std::string_view> actors;
    std::optional<std::uint32_t> fatalities;
    std::optional<std::uint32_t> injured;
    std::string_view source;
    std::string_view notes;
    std::uint32_t source_row = 0;  // line in a CSV, feature id in an OGR layer; 0: unknown
};

class IncidentStoreBuilder;

class IncidentStore {
public:
    IncidentStore() = default;
    IncidentStore(IncidentStore&&) noexcept = default;
    IncidentStore& operator=(IncidentStore&&) noexcept = default;

    std::size_t size() const { return day_start_.size(); }
    bool empty() const { return day_start_.empty(); }

    // Sum of the hot columns' element sizes, the running maximum of day_end included.
    static constexpr std::size_t bytes_per_incident_hot();
    // Heap held by the whole store, hot and cold columns and the text (for benchmarks).
    std::size_t memory_bytes() const;

    // --- hot columns, index i in time order ---
    std::span<const float> lon() const { return lon_; }  // degrees; NaN until placed
    std::span<const float> lat() const { return lat_; }
    std::span<const std::int32_t> day_start() const { return day_start_; }
    std::span<const std::int32_t> day_end() const { return day_end_; }
    std::span<const std::int32_t> max_day_end() const { return max_day_end_; }
    std::span<const std::int16_t> minute_of_day() const { return minute_; }  // -1: no time
    std::span<const DatePrecision> precision() const { return precision_; }
    std::span<const IncidentCategory> category() const { return category_; }
    std::span<const std::uint32_t> municipality() const { return municipality_; }
    std::span<const std::uint16_t> fatalities_hot() const { return fatalities_; }  // saturating
    std::span<const std::uint16_t> injured_hot() const { return injured_; }

    // --- one incident ---
    IncidentDate date(std::size_t i) const;
    std::optional<std::uint32_t> fatalities(std::size_t i) const;  // exact, also above 65533
    std::optional<std::uint32_t> injured(std::size_t i) const;
    std::string_view id(std::size_t i) const { return strings_.get(id_[i]); }
    std::string_view date_text(std::size_t i) const { return strings_.get(date_text_[i]); }
    std::string_view place(std::size_t i) const { return strings_.get(place_[i]); }
    std::string_view state(std::size_t i) const { return strings_.get(state_[i]); }
    std::string_view municipality_code(std::size_t i) const { return strings_.get(cvegeo_[i]); }
    std::string_view source(std::size_t i) const { return strings_.get(source_[i]); }
    std::string_view notes(std::size_t i) const { return strings_.get(notes_[i]); }
    // Where the incident was read: its line in a CSV (the first line of a multi-line record),
    // its feature id in an OGR layer; 0 when unknown. For messages that send the analyst back
    // to the source.
    std::uint32_t source_row(std::size_t i) const { return source_row_[i]; }
    // How precisely the source knows where it happened (cold: read when placing and drawing).
    std::span<const LocationPrecision> location_precision() const { return location_precision_; }
    std::size_t actor_count(std::size_t i) const { return actor_first_[i + 1] - actor_first_[i]; }
    std::string_view actor(std::size_t i, std::size_t k) const { return strings_.get(actor_ids_[actor_first_[i] + k]); }
    Incident incident(std::size_t i) const;

    // Index of the incident with this id, or -1 (a linear scan: for tests and look-ups by hand).
    long find_id(std::string_view id) const;

    // --- time windows (days since 1970-01-01, both ends inclusive) ---
    // [first, last): holds every incident whose span overlaps [from_day, to_day]; those in it that
    // do not overlap fail overlaps() (see the top of this file). Empty when from_day > to_day.
    std::pair<std::size_t, std::size_t> range_overlapping(std::int32_t from_day, std::int32_t to_day) const;
    bool overlaps(std::size_t i, std::int32_t from_day, std::int32_t to_day) const {
        return day_start_[i] <= to_day && day_end_[i] >= from_day;
    }
    // Every incident whose span may overlap [from_day, to_day], as a store range and the
    // long-span incidents below it (see the top of this file): a superset, in time order
    // (`before` ascending, all below `first`); callers still test overlaps(). Empty when
    // from_day > to_day.
    struct OverlapScan {
        std::size_t first = 0, last = 0;
        std::span<const std::uint32_t> before;
        std::size_t size() const { return last - first + before.size(); }
    };
    OverlapScan scan_overlapping(std::int32_t from_day, std::int32_t to_day) const;
    // Spans of at least this many days are long (a calendar month is at most 31).
    static constexpr std::int32_t kLongSpanDays = 31;
    // Exactly the overlapping incidents, in time order.
    void collect_overlapping(std::int32_t from_day, std::int32_t to_day, std::vector<std::uint32_t>& out) const;

    // --- filled in later (geocoder) ---
    void set_location(std::size_t i, double lon, double lat);
    void set_municipality(std::size_t i, std::uint32_t municipality, std::string_view cvegeo);

private:
    friend class IncidentStoreBuilder;
    void index_long_spans();  // scan_overlapping's lists, from day_start_ and day_end_

    // Hot.
    std::vector<float> lon_, lat_;
    std::vector<std::int32_t> day_start_, day_end_, max_day_end_;
    // For scan_overlapping: the running maximum of the short incidents' day_end, per block of
    // kShortBlock incidents (a per-incident column would cost 4 bytes each for nothing: the
    // range may start up to a block early); the long incidents' indices and running maximum.
    static constexpr std::size_t kShortBlock = 64;
    std::vector<std::int32_t> short_block_max_end_;
    std::vector<std::uint32_t> long_spans_;
    std::vector<std::int32_t> long_max_day_end_;
    std::vector<std::int16_t> minute_;
    std::vector<DatePrecision> precision_;
    std::vector<IncidentCategory> category_;
    std::vector<std::uint32_t> municipality_;
    std::vector<std::uint16_t> fatalities_, injured_;

    // Cold: ids into strings_, and the source's location precision.
    std::vector<std::uint32_t> id_, date_text_, place_, state_, cvegeo_, source_, notes_;
    std::vector<std::uint32_t> source_row_;
    std::vector<LocationPrecision> location_precision_;
    std::vector<std::uint32_t> actor_first_{0};  // incident i -> actor_ids_[actor_first_[i], actor_first_[i+1])
    std::vector<std::uint32_t> actor_ids_;
    // Counts too large for 16 bits: (incident, exact count), sorted by incident.
    std::vector<std::pair<std::uint32_t, std::uint32_t>> big_fatalities_, big_injured_;
    StringPool strings_;
};

constexpr std::size_t IncidentStore::bytes_per_incident_hot() {
    return sizeof(decltype(lon_)::value_type) + sizeof(decltype(lat_)::value_type) +
           sizeof(decltype(day_start_)::value_type) + sizeof(decltype(day_end_)::value_type) +
           sizeof(decltype(max_day_end_)::value_type) + sizeof(decltype(minute_)::value_type) +
           sizeof(decltype(precision_)::value_type) + sizeof(decltype(category_)::value_type) +
           sizeof(decltype(municipality_)::value_type) + sizeof(decltype(fatalities_)::value_type) +
           sizeof(decltype(injured_)::value_type);
}

// Collects incidents in any order; finish() sorts them by time into the store.
class IncidentStoreBuilder {
public:
    // Room for n incidents (an estimate; more can still be added).
    void reserve(std::size_t n);
    void add(const IncidentView& incident);
    void add(const Incident& incident);
    // Appends `other`'s incidents as if they had been added here after this one's (loaders that
    // parse parts of a file in parallel).
    void append(IncidentStoreBuilder&& other);
    // Adds `shift` to the source rows added so far (a part of a file parsed on its own counts its
    // lines from 1, and learns where it starts only when the part before it is done).
    void shift_source_rows(std::uint32_t shift);
    std::size_t size() const { return rows_.size(); }
    [[nodiscard]] IncidentStore finish();

private:
    // An incident as added: every fixed-size field in one cache line. Rows, not columns, because
    // finish() reorders them by time: gathering a row is one cache miss, gathering it from
    // twenty columns was twenty (at 10M incidents in random time order, most of the load).
    struct alignas(64) Row {
        float lon, lat;
        std::int32_t day_start, day_end;
        std::uint32_t municipality;
        std::uint32_t id, date_text, place, state, cvegeo, source, notes;  // ids into strings_
        std::uint32_t actor_first, actor_end;                              // into actor_ids_
        std::int16_t minute;
        std::uint16_t fatalities, injured;  // hot (saturating) counts
        // DatePrecision in the low four bits, LocationPrecision in the high four: the row has
        // no byte to spare (a 65th would make it two cache lines).
        std::uint8_t precisions;
        IncidentCategory category;
    };
    static_assert(sizeof(Row) == 64);

    std::vector<Row> rows_;
    // Beside the rows, not in them: a Row is exactly one cache line, and this is read only when
    // the store is finished.
    std::vector<std::uint32_t> source_rows_;
    std::int32_t day_lo_ = std::numeric_limits<std::int32_t>::max();  // of the rows' day_start
    std::int32_t day_hi_ = std::numeric_limits<std::int32_t>::min();
    std::vector<std::uint32_t> actor_ids_;
    // (row, exact count) for the counts that saturate the hot column, in the order added.
    std::vector<std::pair<std::uint32_t, std::uint32_t>> big_fatalities_, big_injured_;
    StringPool strings_;
};

}  // namespace mirador::geo
