#pragma once
// What the commands that read incidents share: the date bounds of --from/--to, and loading
// plus geocoding (so rows with only a place name get a position), with every problem
// reported on stderr.
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "data/DataOptions.hpp"
#include "commands/GeocodingContext.hpp"
#include "mirador/geo/IncidentSource.hpp"
#include "mirador/geo/IncidentStore.hpp"
#include "mirador/geo/Placements.hpp"

namespace mirador {

struct PlacedIncidents {
    geo::IncidentStore store;
    geo::Placements placed;  // one per incident, store order
    GeocodingContext context;
};

// Messages go to stderr prefixed with `command`; the error names the file.
geo::Result<PlacedIncidents> load_placed_incidents(const DataOptions& data, const geo::IncidentSource& input,
                                                   const char* command);

// What a command that needs positions only reads of a CSV (see below): the other columns'
// names are emptied, so they are not read at all.
void blank_unread_columns(geo::CsvColumnMapping& columns, bool with_fatalities);

// For commands that need positions only (density): rows with coordinates keep them and nothing
// else is loaded; only when some row has none are the boundaries, gazetteer and population
// loaded, to geocode those rows (the rest are not placed in municipalities at all). Only the
// columns such a command reads are kept: id, date, time, position, place and state, and the
// fatalities when `with_fatalities` (no category, actors, injured, source or notes).
geo::Result<geo::IncidentStore> load_positioned_incidents(const DataOptions& data, const geo::IncidentSource& input,
                                                          const char* command, bool with_fatalities);

}  // namespace mirador
