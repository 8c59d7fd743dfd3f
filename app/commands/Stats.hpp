#pragma once
// `mirador stats`: incidents and fatalities per municipality or state, for a time window and
// category, as CSV (cvegeo,name,state_name,incidents,fatalities[,rate_per_100k]).
#include <optional>
#include <string>

#include "cli/DataOptions.hpp"
#include "mirador/geo/IncidentAggregation.hpp"
#include "mirador/geo/IncidentSource.hpp"
#include "mirador/geo/TimeWindow.hpp"

namespace mirador {

struct StatsOptions {
    geo::IncidentSource incidents;
    std::string out;
    geo::AggregateBy by = geo::AggregateBy::Municipality;
    std::optional<geo::DayRange> window;  // none: all time
    std::optional<geo::IncidentCategory> category;
};

int run_stats_command(const DataOptions& data, const StatsOptions& options);

}  // namespace mirador
