#pragma once
// `mirador hotspots`: Getis-Ord Gi* and local Moran per unit (municipality, state, hexagon) on
// incidents or a count table, as CSV or GeoPackage (one row per unit):
//   cvegeo,name,state_name,count,population,rate_per_100k,eb_rate_per_100k,n_neighbours,
//   gistar_z,gistar_p,gistar_p_sim,gistar_class,lisa_Ii,lisa_z,lisa_p_sim,lisa_cluster,significant
#include <string>

#include "data/DataOptions.hpp"
#include "commands/HotspotInput.hpp"
#include "mirador/geo/UnitTableWriter.hpp"

namespace CLI {
class App;
}

namespace mirador {

struct HotspotsOptions {
    HotspotSourceOptions source;
    std::string value = "count", statistic = "both", p_rule = "folded", correction = "none";
    unsigned permutations = 999;
    std::uint64_t seed = 20240601;
    unsigned threads = 0;
    double alpha = 0.05;
    std::string map, map_kind;  // --map PNG, --map-kind gistar|lisa
};
void add_hotspots_flags(CLI::App& command, HotspotsOptions& o);
int run_hotspots_command(const DataOptions& data, const HotspotsOptions& o);

// Writes a unit table as CSV or GeoPackage (by the extension), refusing to write over an input;
// notes go to stderr and, for a GeoPackage, into the layer's description.
int write_unit_output(const std::string& out, const geo::UnitTable& table, const UnitSet& units,
                      const std::vector<std::string>& inputs, const std::vector<std::string>& notes,
                      const std::string& layer, const char* command);

}  // namespace mirador
