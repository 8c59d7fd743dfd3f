#pragma once
// `mirador emerging`: emerging hot spots (ArcGIS's Emerging Hot Spot Analysis) on a space-time
// cube of counts per unit and period, as CSV or GeoPackage (one row per unit):
//   cvegeo,name,state_name,category,trend_tau,trend_p,hot_periods,cold_periods,periods,
//   total_count,z_last,z_series
#include <string>

#include "data/DataOptions.hpp"
#include "commands/HotspotInput.hpp"

namespace CLI {
class App;
}

namespace mirador {

struct EmergingOptions {
    HotspotSourceOptions source;
    std::string step = "year";
    unsigned time_lags = 1;
    double alpha = 0.05, trend_alpha = 0.05;
    std::string map;  // --map PNG
};
void add_emerging_flags(CLI::App& command, EmergingOptions& o);
int run_emerging_command(const DataOptions& data, const EmergingOptions& o);

}  // namespace mirador
