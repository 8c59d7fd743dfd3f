#include "mirador/geo/TimeHistogram.hpp"

#include <algorithm>

#include "mirador/geo/IncidentStore.hpp"

namespace mirador::geo {

const char* to_string(HistogramBin b) {
    switch (b) {
        case HistogramBin::Day: return "day";
        case HistogramBin::Week: return "week";
        case HistogramBin::Month: return "month";
        case HistogramBin::Year: return "year";
    }
    return "?";
}

HistogramBin choose_histogram_bin(DayRange extent) {
    // Between ~25 and ~500 bars: fewer says nothing about change, more are thinner than a pixel.
    const std::int32_t days = extent.days();
    if (days <= 183) return HistogramBin::Day;
    if (days <= 4 * 366) return HistogramBin::Week;
    if (days <= 40 * 366) return HistogramBin::Month;
    return HistogramBin::Year;
}

double TimeHistogram::max_count() const {
    return counts.empty() ? 0.0 : *std::max_element(counts.begin(), counts.end());
}

std::pair<std::size_t, std::size_t> TimeHistogram::bins_overlapping(DayRange w) const {
    if (w.empty()) return {0, 0};
    const auto first = std::partition_point(bins.begin(), bins.end(), [&](const DayRange& b) { return b.to < w.from; });
    const auto last = std::partition_point(first, bins.end(), [&](const DayRange& b) { return b.from <= w.to; });
    return {static_cast<std::size_t>(first - bins.begin()), static_cast<std::size_t>(last - bins.begin())};
}

TimeHistogram build_time_histogram(const IncidentStore& s, const std::vector<std::uint8_t>* include, DayRange extent,
                                   HistogramBin bin) {
    static constexpr WindowUnit kUnit[] = {WindowUnit::Day, WindowUnit::Week, WindowUnit::Month, WindowUnit::Year};
    TimeHistogram h;
    h.bin = bin;
    const TimeAxis axis(extent, WindowSpec{WindowMode::Moving, kUnit[static_cast<int>(bin)], 1});
    h.bins.resize(axis.count());
    for (std::size_t k = 0; k < axis.count(); ++k) h.bins[k] = axis.window(k);
    h.counts.assign(h.bins.size(), 0.0);
    h.weights.assign(h.bins.size(), 0.0);
    if (h.bins.empty()) return h;

    // Incidents come sorted by day_start, so the bin of each one's first day only moves
    // forward: one pass over the incidents and the bins together.
    const auto [first, last] = s.range_overlapping(extent.from, extent.to);
    const auto starts = s.day_start(), ends = s.day_end();
    std::size_t cursor = 0;
    for (std::size_t i = first; i < last; ++i) {
        if ((include && !(*include)[i]) || !s.overlaps(i, extent.from, extent.to)) continue;
        while (cursor + 1 < h.bins.size() && h.bins[cursor].to < starts[i]) ++cursor;
        const double fatalities = double(s.fatalities(i).value_or(0));
        for (std::size_t k = cursor; k < h.bins.size() && h.bins[k].from <= ends[i]; ++k) {
            const double f = span_fraction_in(starts[i], ends[i], h.bins[k]);
            h.counts[k] += f;
            h.weights[k] += f * fatalities;
        }
    }
    return h;
}

}  // namespace mirador::geo
