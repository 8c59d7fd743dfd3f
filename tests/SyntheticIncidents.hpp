#pragma once
// Many incidents with coordinates (no gazetteer needed), clustered around Culiacán, Mexico
// City and Ciudad Juárez over 2019-2020, loaded as the window loads a catalogue: for the tests
// of points at scale, of the heatmap's work and of what an idle frame costs.
#include <cstddef>
#include <memory>
#include <string>

#include "mirador/geo/Geocoder.hpp"
#include "scene/IncidentLayer.hpp"

namespace mirador::test {

struct SyntheticIncidents {
    std::unique_ptr<geo::Geocoder> geocoder;
    std::unique_ptr<IncidentLayer> layer;
};

// `n` incidents, the same for the same n and seed; the test fails if they do not load.
SyntheticIncidents synthetic_incidents(std::size_t n, unsigned seed = 11);
// The incidents of these CSV rows (Mirador's columns, the header added), written to a file
// named by `name` and loaded; throws with the loader's message if they do not load.
SyntheticIncidents incidents_from_rows(const std::string& name, const std::string& rows);

}  // namespace mirador::test
