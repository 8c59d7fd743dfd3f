#pragma once
// Time windows for the slider, the heatmap and the counts. A window is a closed range of days
// (days since 1970-01-01, both ends inclusive, as IncidentDate). Moving windows are aligned to
// the calendar (a month window is a calendar month, a week runs Monday to Sunday, a quarter is
// Jan-Mar/Apr-Jun/..., a custom window of N days is aligned to the extent's first day), so the
// slider's positions tile the data's time extent. Cumulative windows all start at the
// extent's first day and end at the end of the k-th step.
//
// Imprecise dates: an incident dated only to a month or a year covers every day of its span,
// and a window holds the fraction of it that its days cover (span_fraction_in). Summed over
// windows that tile the span, the fractions make exactly one incident.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace mirador::geo {

class IncidentStore;

struct DayRange {
    std::int32_t from = 0, to = -1;  // inclusive; empty when from > to
    bool empty() const { return from > to; }
    std::int32_t days() const { return empty() ? 0 : to - from + 1; }
    bool contains(std::int32_t day) const { return day >= from && day <= to; }
    bool operator==(const DayRange&) const = default;
};

// Share of the span [day_start, day_end] (>= 1 day) that lies in `w`: overlapping days / span days.
double span_fraction_in(std::int32_t day_start, std::int32_t day_end, DayRange w);

enum class WindowMode : std::uint8_t { Moving, Cumulative };
enum class WindowUnit : std::uint8_t { Day, Week, Month, Quarter, Year, Custom };

struct WindowSpec {
    WindowMode mode = WindowMode::Moving;
    WindowUnit unit = WindowUnit::Month;
    std::int32_t custom_days = 30;  // length of a Custom window (>= 1)
    bool operator==(const WindowSpec&) const = default;
};

const char* to_string(WindowMode m);   // "moving", "cumulative"
const char* to_string(WindowUnit u);   // "day", "week", "month", "quarter", "year", "custom"
std::optional<WindowUnit> parse_window_unit(std::string_view text);

// Days spanned by every incident of the store (first day_start .. last day_end); empty store:
// an empty range.
DayRange data_extent(const IncidentStore& store);

// The positions of the time slider over `extent` for a window spec.
class TimeAxis {
public:
    TimeAxis() = default;
    TimeAxis(DayRange extent, WindowSpec spec);

    DayRange extent() const { return extent_; }
    const WindowSpec& spec() const { return spec_; }
    std::size_t count() const { return count_; }  // 0 when the extent is empty
    // k-th window, k < count(). Moving: the k-th calendar-aligned unit that overlaps the
    // extent (the first and last may reach outside it: a month window is always a whole
    // month). Cumulative: [extent.from, end of the k-th unit].
    DayRange window(std::size_t k) const;
    // The position whose window holds `day` (moving) or ends on or after it (cumulative),
    // clamped to [0, count()).
    std::size_t index_of(std::int32_t day) const;
    // For the map and the slider: "October 2019", "Q4 2019", "2019", "2019-10-17",
    // "2019-10-14 to 2019-10-20" (week, custom), cumulative: "2011-01-01 to 2019-10-31".
    std::string label(std::size_t k) const;

private:
    DayRange extent_;
    WindowSpec spec_;
    std::int64_t first_ = 0;  // the first window's unit on an absolute scale (see TimeWindow.cpp)
    std::size_t count_ = 0;
};

// The text of any day range at the precision it has: a whole calendar month prints as
// "October 2019", a whole year as "2019", a single day as "2019-10-17", else "A to B".
std::string describe_days(DayRange r);

}  // namespace mirador::geo
