#pragma once
// INEGI's catalogue of the 32 federal entities (Marco Geoestadístico): two-digit code,
// official name and the short name people write. Used when a boundary file brings
// municipalities without a state layer, and for names typed by analysts.
#include <string_view>

namespace mirador::geo {

struct StateEntry {
    std::string_view code;        // CVE_ENT
    std::string_view name;        // NOMGEO as INEGI writes it
    std::string_view short_name;  // common form ("Michoacán", "Coahuila", "CDMX")
    std::string_view abbrev;      // INEGI's abbreviation ("Sin.", "Mich.")
};

// All 32 states, ordered by code.
const StateEntry* state_catalog(std::size_t* count);
const StateEntry* find_state_by_code(std::string_view code);

}  // namespace mirador::geo
