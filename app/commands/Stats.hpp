#pragma once
// `mirador stats`: incidents and fatalities per municipality or state, for the document's time
// window and filters, as CSV (cvegeo,name,state_name,incidents,fatalities[,rate_per_100k]).
#include <string>

#include "document/MapDocument.hpp"
#include "mirador/geo/IncidentAggregation.hpp"

namespace mirador {

struct StatsOptions {
    std::string out;
    geo::AggregateBy by = geo::AggregateBy::Municipality;
};

int run_stats_command(const doc::MapDocument& document, const StatsOptions& options);

}  // namespace mirador
