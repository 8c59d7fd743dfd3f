#pragma once
// What `geocode` and `stats` both need: boundaries, the localities gazetteer and the
// population table (both optional, found in the data folder), and a Geocoder over them.
#include <memory>

#include "data/DataOptions.hpp"
#include "mirador/geo/Geocoder.hpp"

namespace mirador {

struct GeocodingContext {
    std::unique_ptr<geo::Boundaries> boundaries;
    std::unique_ptr<geo::Gazetteer> gazetteer;        // null when not found
    std::unique_ptr<geo::PopulationTable> population; // null when not found
    std::unique_ptr<geo::Geocoder> geocoder;
};

// Messages (what was found, what is missing) go to stderr prefixed with `command`.
// `boundaries`, when given, are used instead of loading them again.
geo::Result<GeocodingContext> load_geocoding_context(const DataOptions& data, const char* command,
                                                     std::unique_ptr<geo::Boundaries> boundaries = nullptr);

}  // namespace mirador
