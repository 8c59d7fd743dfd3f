#pragma once
// `mirador locate LON LAT`: which municipality and state contain a point.
#include "data/DataOptions.hpp"

namespace mirador {

int run_locate_command(const DataOptions& data, double lon, double lat);

}  // namespace mirador
