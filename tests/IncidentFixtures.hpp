#pragma once
// Incident layers the render tests share: a CSV loaded and placed on the bundled boundaries
// with INEGI's gazetteer (needs the data folder).
#include <memory>
#include <string>

#include "mirador/geo/Gazetteer.hpp"
#include "mirador/geo/Geocoder.hpp"
#include "scene/IncidentLayer.hpp"

namespace mirador::test {

struct PlacedIncidents {
    geo::Gazetteer gazetteer;
    std::unique_ptr<geo::Geocoder> geocoder;
    std::unique_ptr<IncidentLayer> layer;
};

// Loads `csv` once per test binary (throws with the loader's message if it fails).
PlacedIncidents& placed_incidents(const std::string& csv);

}  // namespace mirador::test
