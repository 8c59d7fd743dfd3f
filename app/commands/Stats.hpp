#pragma once
// `mirador stats`: incidents and fatalities per municipality or state, for a time window and
// category, as CSV (cvegeo,name,state_name,incidents,fatalities[,rate_per_100k]).
#include <string>

#include "cli/DataOptions.hpp"

namespace mirador {

struct StatsOptions {
    std::string incidents, incidents_layer, incidents_mapping, out;
    std::string by = "municipality";
    std::string from, to, category;
};

int run_stats_command(const DataOptions& data, const StatsOptions& options);

}  // namespace mirador
