#pragma once
// Synthetic incidents clustered like violence data, shared by the density benchmarks
// (deterministic): 85 % around 36 city anchors (Gaussian scatter of 2-40 km, Zipf-like
// weights), 15 % uniform in Mexico's bounding box, all inside the box the CSV loader accepts
// (LonLatBox), dated over 2014-2023 (mostly to the day, 7 % to the month, 3 % to the year).
#include <cstddef>
#include <string>
#include <vector>

#include "mirador/geo/IncidentDate.hpp"
#include "mirador/geo/IncidentStore.hpp"
#include "mirador/geo/Vec2.hpp"

namespace mirador::bench {

struct CityIncidents {
    std::vector<geo::Vec2> lonlat;  // degrees
    std::vector<geo::IncidentDate> dates;
    std::size_t size() const { return lonlat.size(); }
};

CityIncidents city_incidents(std::size_t n);
geo::IncidentStore to_store(const CityIncidents& c);
// As a CSV date: 2019, 2019-10 or 2019-10-17, by its precision.
std::string date_text(const geo::IncidentDate& d);

}  // namespace mirador::bench
