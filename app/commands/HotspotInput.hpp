#pragma once
// What `mirador hotspots` and `mirador emerging` share: the source (incidents or a count table),
// the units of analysis (municipalities, states, hexagons), their neighbours, and the values per
// unit for a time window or per period (the space-time cube). Every problem is reported on
// stderr with the file it concerns; notes for the analyst (unplaceable codes, units never in
// the table, another vintage) are collected for the output.
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "data/DataOptions.hpp"
#include "commands/IncidentInput.hpp"
#include "mirador/geo/CountTable.hpp"
#include "mirador/geo/IncidentSource.hpp"
#include "mirador/stats/EmergingHotSpots.hpp"
#include "mirador/stats/HexGrid.hpp"
#include "mirador/stats/SpatialWeights.hpp"

namespace CLI {
class App;
}

namespace mirador {

struct HotspotSourceOptions {
    geo::IncidentSource incidents;
    std::string counts, counts_layout = "auto", counts_mapping;
    std::string by = "municipality";
    std::string neighbours = "queen";
    std::vector<std::string> filters;
    std::string from, to;
    std::string out;
};
void add_hotspot_source_flags(CLI::App& command, HotspotSourceOptions& o);

struct UnitSet {
    std::string kind;  // "municipality", "state", "hexagon"
    std::vector<std::string> codes, names, state_names;
    std::vector<double> population;  // NaN where unknown
    std::vector<geo::Vec2> centres;
    const geo::PolygonLayer* geometry = nullptr;  // feature k is unit k
    stats::SpatialWeights weights;                 // binary, self excluded
    std::string neighbour_rule;
};

struct UnitValues {
    std::vector<double> count, fatalities;
    std::vector<std::uint32_t> missing;  // count tables: cells reported as NA in the window
};

struct Period {
    std::string label;          // "2019-10", "2019-Q4", "2019"
    std::int32_t from_day = 0, to_day = 0;  // inclusive
};

class HotspotSource {
public:
    // Loads boundaries, population and the incidents or the table; builds the units and their
    // neighbours. Prints the error and returns nothing on failure (exit status in `status`).
    static std::unique_ptr<HotspotSource> open(const DataOptions& data, const HotspotSourceOptions& o,
                                               const char* command, int& status);

    const UnitSet& units() const { return units_; }
    const std::vector<std::string>& notes() const { return notes_; }
    bool is_table() const { return table_.has_value(); }
    std::vector<std::string> inputs() const;  // files read, for the output-is-not-input check

    // Values per unit in [from, to] of the options.
    UnitValues values() const;
    // The cube: periods of `step` (month, quarter, year) over the window (or the data's extent).
    std::optional<stats::SpaceTimeCube> cube(const std::string& step, std::vector<Period>& periods,
                                             std::string& error) const;

private:
    HotspotSource() = default;
    bool build_units(const DataOptions& data, const HotspotSourceOptions& o, const char* command);
    UnitValues values_between(std::int32_t from_day, std::int32_t to_day) const;

    std::string state_name(const std::string& code) const;

    HotspotSourceOptions options_;
    // Incidents need the whole Boundaries (geocoding, point look-up); a count table needs only the
    // municipal polygons, read without triangulating or simplifying them (most of a second).
    std::unique_ptr<geo::Boundaries> boundaries_;
    std::optional<geo::PolygonLayer> municipal_layer_;
    const geo::PolygonLayer* municipalities_ = nullptr;
    std::unique_ptr<geo::PopulationTable> population_;
    std::optional<PlacedIncidents> incidents_;
    std::vector<std::uint8_t> incident_include_;  // filters other than time
    std::vector<long> incident_unit_;             // each incident's unit, or -1
    std::optional<geo::CountTable> table_;
    std::vector<std::uint8_t> table_passing_;
    geo::MonthWindow table_window_;
    std::int32_t from_day_ = INT32_MIN, to_day_ = INT32_MAX;
    std::optional<geo::PolygonLayer> own_layer_;  // states or hexagons
    std::optional<stats::HexGrid> hexes_;
    UnitSet units_;
    std::vector<std::string> notes_;
    std::vector<std::string> inputs_;
};

// "municipalities", "states", "hexagons".
std::string units_word(const std::string& kind);

// Numbers for CSV cells: empty for NaN.
std::string format_number(double v, int significant = 10);

}  // namespace mirador
