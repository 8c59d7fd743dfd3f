#pragma once
// `mirador geocode --in FILE --out OUT.csv`: every input row and column, plus where it is.
#include <string>

#include "data/DataOptions.hpp"

namespace mirador {

struct GeocodeOptions {
    std::string in, out;
    std::string mapping;  // optional `field=column` file (see IncidentCsv.hpp): place, state, lon, lat
};

int run_geocode_command(const DataOptions& data, const GeocodeOptions& options);

}  // namespace mirador
