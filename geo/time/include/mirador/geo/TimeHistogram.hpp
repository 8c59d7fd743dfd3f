#pragma once
// Incidents over time, for the bars under the time slider. Bins are calendar days, weeks,
// months or years, chosen from the extent so that there are enough bars to read and not more
// than a slider can show. An incident dated only to a month or a year is spread evenly over
// its span (span_fraction_in), so a bar never shows a spike on the first of a month that is
// only an artefact of imprecise dates; the bars still sum to the number of incidents.
#include <cstdint>
#include <vector>

#include "mirador/geo/TimeWindow.hpp"

namespace mirador::geo {

enum class HistogramBin : std::uint8_t { Day, Week, Month, Year };
const char* to_string(HistogramBin b);

// Days for extents up to ~6 months, weeks up to ~4 years, months up to ~40 years, else years.
HistogramBin choose_histogram_bin(DayRange extent);

struct TimeHistogram {
    HistogramBin bin = HistogramBin::Month;
    std::vector<DayRange> bins;  // calendar-aligned, covering the extent, in order
    std::vector<double> counts;  // incidents (fractional where dates are imprecise)
    std::vector<double> weights; // the same with each incident's fatalities (unknown: 0)
    double max_count() const;
    // Bins overlapping `w`, as [first, last) indices (for highlighting the current window).
    std::pair<std::size_t, std::size_t> bins_overlapping(DayRange w) const;
};

// `include` (may be null): per incident in store order, 0 to leave it out (filters).
TimeHistogram build_time_histogram(const IncidentStore& store, const std::vector<std::uint8_t>* include,
                                   DayRange extent, HistogramBin bin);

}  // namespace mirador::geo
