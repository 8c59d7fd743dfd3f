#pragma once
// INEGI's localities (towns and villages) with coordinates and population, for placing
// incidents that name a village rather than a municipality ("Tepochica, Guerrero").
//
// Columns read by name: CVEGEO_MUN, NOM_LOC, LAT, LON, POB_TOTAL (CVE_ENT is derived from
// CVEGEO_MUN); without CVEGEO_MUN, the municipality comes from the locality's nine-digit
// CVEGEO (state 2, municipality 3, locality 4), as in the bundled assets/localities_2020.csv.gz.
// A path ending in .gz (or a GDAL /vsi path) is read through GDAL. Alternate names in parentheses count as names of their own:
// "Bonifacio Moreno (El Aguaje)" is found as "Bonifacio Moreno" and as "El Aguaje".
#include <string>
#include <unordered_map>
#include <vector>

#include "mirador/geo/Result.hpp"

namespace mirador::geo {

struct Locality {
    std::string name;              // as INEGI writes it
    std::string municipality_code; // CVEGEO_MUN, 5 digits
    std::string state_code;        // first 2 digits
    double lon = 0, lat = 0;       // degrees, WGS84 / ITRF2008
    long population = 0;           // Censo 2020; 0 when not given
};

class Gazetteer {
public:
    std::vector<Locality> localities;

    // Indices of the localities whose name (or an alternate name) folds to `folded`.
    const std::vector<std::uint32_t>* find(const std::string& folded) const;
    void index();  // builds the name index; called by load_gazetteer

private:
    std::unordered_map<std::string, std::vector<std::uint32_t>> by_name_;
};

// Bad rows are reported in `problems` ("file:line: reason") and skipped.
[[nodiscard]] Result<Gazetteer> load_gazetteer(const std::string& path, std::vector<std::string>* problems = nullptr);

}  // namespace mirador::geo
