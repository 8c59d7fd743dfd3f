#include "ui/MunicipalityNumbers.hpp"

#include "scene/UnitTotals.hpp"

namespace mirador {

MunicipalityNumbers municipality_numbers(std::size_t municipality, const geo::Boundaries& b,
                                         const UnitTotals* incidents, const geo::PopulationTable* population) {
    MunicipalityNumbers n;
    if (population)
        if (const auto it = population->find(b.municipalities.attributes[municipality].code); it != population->end())
            n.population = it->second;
    if (!incidents) return n;
    // The layer's counts for the filters and the window: a municipality with none has no row.
    for (const geo::UnitCount& u : incidents->by_municipality.units)
        if (u.unit == municipality) {
            n.incidents = u.incidents;
            n.fatalities = u.fatalities;
            n.rate_per_100k = u.rate_per_100k;
        }
    if (municipality < incidents->missing_months.size()) n.missing_months = incidents->missing_months[municipality];
    // Zero incidents over a known population is a rate of zero, not an unknown one.
    if (!n.rate_per_100k && n.incidents == 0 && n.population && *n.population > 0) n.rate_per_100k = 0.0;
    return n;
}

}  // namespace mirador
