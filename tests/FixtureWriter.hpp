#pragma once
// Builds small vector files for tests with GDAL (ogr2ogr's library form), so fixtures are
// made from real data at test time instead of being committed.
#include <string>
#include <vector>

namespace mirador::test {

// ogr2ogr-style translation: `args` as on the command line (e.g. {"-f", "GeoJSON", "-where", ...});
// "-oo NAME=VALUE" are open options for the source, as with the ogr2ogr program.
// Returns "" on success or GDAL's message.
std::string vector_translate(const std::string& dst, const std::string& src, const std::vector<std::string>& args);

}  // namespace mirador::test
