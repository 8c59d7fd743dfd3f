#pragma once
// What the details panel says about one municipality, apart from drawing it: its incidents,
// fatalities and rate for the current filters and time window, and its population. The same
// counts as the choropleth, the ranking and `mirador stats` (tests hold the panel to the
// command's CSV).
#include <cstddef>
#include <cstdint>
#include <optional>

#include "mirador/geo/Boundaries.hpp"
#include "mirador/geo/Geocoder.hpp"

namespace mirador {

struct UnitTotals;

struct MunicipalityNumbers {
    std::optional<long> population;       // 2020 census; none: not in the table (or no table)
    // With incidents loaded: counted in the municipality (placed there, passing the filters,
    // in the time window). Incidents known only to its state are not among them.
    std::uint64_t incidents = 0, fatalities = 0;
    std::optional<double> rate_per_100k;  // incidents per 100,000 inhabitants, when the population is known
    std::uint32_t missing_months = 0;     // a count table's months of the window reported as NA
};

// `counts` (incidents or a count table) and `population` may be null (nothing loaded, no
// population table).
MunicipalityNumbers municipality_numbers(std::size_t municipality, const geo::Boundaries& b,
                                         const UnitTotals* counts, const geo::PopulationTable* population);

}  // namespace mirador
