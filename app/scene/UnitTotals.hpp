#pragma once
// What the choropleth, the ranking, the details panel, the time bar and the hot spots read from
// a map's source of counts, whether it is incidents (IncidentLayer) or an official count table
// (CountLayer): counts per municipality and per state for the filters and the time window, and
// the counts over time for the bars. Each source fills it in its own way.
#include <cstdint>
#include <string>
#include <vector>

#include "mirador/geo/IncidentAggregation.hpp"
#include "mirador/geo/TimeHistogram.hpp"

namespace mirador {

struct UnitTotals {
    geo::Aggregation by_municipality, by_state;  // in the time window, for the filters
    geo::TimeHistogram histogram;                // over the data's extent, for the filters
    // Count tables only, per municipality: months of the window the table reports as NA
    // (missing, not zero). Empty for incidents.
    std::vector<std::uint32_t> missing_months;
    // What one count is, for labels: "incidents", or a table's "count".
    std::string counted = "incidents";
    bool from_table = false;  // a count table: no positions, so no points and no heatmap
};

}  // namespace mirador
