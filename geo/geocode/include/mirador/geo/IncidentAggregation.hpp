#pragma once
// Incidents and fatalities per municipality or per state, for the active filters: the
// numbers behind `mirador stats`, the choropleth and the ranking table.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "mirador/geo/Geocoder.hpp"
#include "mirador/geo/IncidentStore.hpp"
#include "mirador/geo/Placements.hpp"

namespace mirador::geo {

// Geocodes every incident of the store in place (coordinates and municipality), returning
// where each one was placed, in store order: by Geocoder::place, from its point, its place and
// state text and the location precision its source declares.
Placements place_incidents(IncidentStore& store, const Geocoder& geocoder);

// 1 for the incidents whose position may feed a density surface (Placements::local), in store
// order: the heatmap and `mirador density` leave out positions that stand for a state, a
// region or the country.
std::vector<std::uint8_t> local_mask(const Placements& placed);
// The same before any placing, from the precision each source row declares (UCDP where_prec
// 4-7, ACLED geo_precision 3 are not local): for commands that read positions only.
std::vector<std::uint8_t> local_mask(const IncidentStore& store);

struct IncidentFilter {
    std::int32_t from_day = INT32_MIN, to_day = INT32_MAX;  // spans overlapping [from, to]
    std::optional<IncidentCategory> category;
    std::string actor;      // folded substring of any actor; empty: all
    std::uint32_t min_fatalities = 0;
};

enum class AggregateBy { Municipality, State };

struct UnitCount {
    std::size_t unit = 0;      // municipality or state index in Boundaries
    std::uint64_t incidents = 0;
    std::uint64_t fatalities = 0;
    std::optional<double> rate_per_100k;  // incidents per 100,000 inhabitants, when known
};

struct Aggregation {
    std::vector<UnitCount> units;  // units with at least one incident, most incidents first
    // Per municipality only: for each state (unit = state index) the incidents that count for
    // it but for no municipality ("state-level, not placed"), most incidents first.
    std::vector<UnitCount> state_level;
    UnitCount country_level{};     // incidents that count for Mexico only (unit unused)
    std::size_t counted = 0;       // incidents that passed the filter and count for a unit
    std::size_t filtered_out = 0;  // failed the filter
    std::size_t unplaced = 0;      // passed it but count nowhere (ambiguous, unmatched, outside)
};

// One row of a ranking or a `stats` table: a unit, or the incidents of a state (or of the
// country) that are not placed in a smaller unit.
struct AggregationRow {
    enum class Kind { Unit, StateLevel, CountryLevel } kind;
    const UnitCount* count;
};
// The units and the state- and country-level rows together, most incidents first (ties: units
// before the rows that are not placed, then by position in their lists).
std::vector<AggregationRow> aggregation_rows(const Aggregation& a);

// `placed` is place_incidents()'s result for this store: an incident placed only to a state
// counts for the state but for no municipality. `population` (may be null) gives rates;
// state populations are the sums of their municipalities'.
Aggregation aggregate(const IncidentStore& store, const Placements& placed, const Boundaries& boundaries,
                      const IncidentFilter& filter, AggregateBy by, const PopulationTable* population);

// The same for a time window over a precomputed mask: `include` (per incident in store order,
// 0 to leave it out) holds the filters other than time, computed once when they change; the
// window is then only what in the store can overlap it (scan_overlapping), so
// moving the time slider costs the incidents near the window, not the whole store. An
// incident counts, whole, when its span overlaps [from_day, to_day].
Aggregation aggregate(const IncidentStore& store, const Placements& placed, const Boundaries& boundaries,
                      const std::vector<std::uint8_t>& include, std::int32_t from_day, std::int32_t to_day, AggregateBy by,
                      const PopulationTable* population);

bool passes(const IncidentStore& store, std::size_t i, const IncidentFilter& filter);

}  // namespace mirador::geo
