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
// where each one was placed, in store order: rows with coordinates by point, the others by
// their place and state text.
Placements place_incidents(IncidentStore& store, const Geocoder& geocoder);

struct IncidentFilter {
    std::int32_t from_day = INT32_MIN, to_day = INT32_MAX;  // spans overlapping [from, to]
    std::optional<IncidentCategory> category;
    std::string actor;      // folded substring of any actor; empty: all
    std::uint32_t min_fatalities = 0;
};

enum class AggregateBy { Municipality, State };

struct UnitCount {
    std::size_t unit;          // municipality or state index in Boundaries
    std::uint64_t incidents = 0;
    std::uint64_t fatalities = 0;
    std::optional<double> rate_per_100k;  // incidents per 100,000 inhabitants, when known
};

struct Aggregation {
    std::vector<UnitCount> units;  // units with at least one incident, most incidents first
    std::size_t counted = 0;       // incidents that passed the filter and have a municipality
    std::size_t filtered_out = 0;  // failed the filter
    std::size_t unplaced = 0;      // passed it but are in no municipality (state-level, outside, ...)
};

// `placed` is place_incidents()'s result for this store: an incident placed only to a state
// counts for the state but for no municipality. `population` (may be null) gives rates;
// state populations are the sums of their municipalities'.
Aggregation aggregate(const IncidentStore& store, const Placements& placed, const Boundaries& boundaries,
                      const IncidentFilter& filter, AggregateBy by, const PopulationTable* population);

// The same for a time window over a precomputed mask: `include` (per incident in store order,
// 0 to leave it out) holds the filters other than time, computed once when they change; the
// window is then only the store's index range that can overlap it (range_overlapping), so
// moving the time slider costs the incidents near the window, not the whole store. An
// incident counts, whole, when its span overlaps [from_day, to_day].
Aggregation aggregate(const IncidentStore& store, const Placements& placed, const Boundaries& boundaries,
                      const std::vector<std::uint8_t>& include, std::int32_t from_day, std::int32_t to_day, AggregateBy by,
                      const PopulationTable* population);

bool passes(const IncidentStore& store, std::size_t i, const IncidentFilter& filter);

}  // namespace mirador::geo
