#pragma once
// Puts incidents on the map: a row with coordinates goes to the municipality that contains
// it; a row with only a place name is matched, accent- and case-insensitively, against
// state and municipality names and INEGI's localities.
//
// The rule, in order, each step restricted to the given state when there is one:
//   1. a state name alone ("Sinaloa", "CDMX", "Mexico City")              -> state
//   2. a municipality of that exact name ("Culiacán")                     -> municipality
//   3. a locality of that name, or alternate name ("Tepochica", "El Aguaje") -> locality
//   4. a municipality whose name starts with it ("Iguala" -> Iguala de la Independencia)
// "Ciudad X", "Cd. X" and "Heroica X" first weigh the towns named either way together, then
// go through the steps as written and as X. When several places
// in different municipalities match at the first step that matches anything, the most
// populous one is taken only if it has ten times the population of the next (so "Ciudad
// Juárez" is Juárez, Chihuahua); otherwise the row is ambiguous and the candidates are listed.
#include <cmath>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "mirador/geo/Boundaries.hpp"
#include "mirador/geo/Gazetteer.hpp"
#include "mirador/geo/LocationPrecision.hpp"

namespace mirador::geo {

enum class GeoStatus { Matched, Ambiguous, Unmatched, Outside };
// Where an incident counts and what its position stands for. Point and Locality: the place
// itself (drawn as a filled disc). Municipality: counted there, the position stands for it.
// State: counted for the state only. Estimated: an estimated point (a road, a region), counted
// for the state the source names or only for Mexico. Country: counted for Mexico only. Every
// position but a point's or a locality's is a stand-in, drawn hollow.
enum class GeoPrecision { None, Point, Locality, Municipality, State, Estimated, Country };

const char* to_string(GeoStatus s);
const char* to_string(GeoPrecision p);

struct GeocodeResult {
    GeoStatus status = GeoStatus::Unmatched;
    GeoPrecision precision = GeoPrecision::None;
    double lon = std::nan(""), lat = std::nan("");  // degrees
    long municipality = -1;                         // index into Boundaries::municipalities
    long state = -1;                                // index into Boundaries::states
    std::string note;                               // why, for ambiguous/unmatched and choices
};

// CVEGEO -> population (Censo 2020), read from INEGI's table (columns CVEGEO, POB_TOTAL).
using PopulationTable = std::unordered_map<std::string, long>;
[[nodiscard]] Result<PopulationTable> load_population(const std::string& path);

class Geocoder {
public:
    // All three must outlive the geocoder; gazetteer and population may be null.
    Geocoder(const Boundaries& boundaries, const Gazetteer* gazetteer, const PopulationTable* population);

    GeocodeResult locate(double lon, double lat) const;
    // `state` may be empty; "Culiacán, Sinaloa" in `place` alone is split at the last comma.
    GeocodeResult resolve(std::string_view place, std::string_view state) const;
    // Where an incident counts, from what its source gives: its point (NaN when none), its place
    // and state text, and the precision it declares. An incident counts only where it is known
    // to be:
    //   point, or none declared: the municipality holding the point, unless the place text
    //     names only a state (rule 1 above): then the point stands for that state;
    //   municipality: the municipality holding the point, which stands for it;
    //   state: the state the state text names (else the one holding the point), no municipality;
    //   estimated: the point is kept, counted for the state the source names, or for Mexico
    //     only when it names none;
    //   country: Mexico only; outside: nowhere (status Outside).
    // Without a point, the place text is resolved and then held to the declared precision (a
    // place found to a town counts for its state only when the source says "state").
    GeocodeResult place(double lon, double lat, std::string_view place, std::string_view state,
                        LocationPrecision declared) const;
    // Index into Boundaries::states of a state written any common way ("Sinaloa", "Edo. de
    // México", UCDP's "Guanajuato state"), or -1.
    long match_state(std::string_view text) const;
    // The state `place` names when it names nothing smaller (rule 1 above), or -1.
    long names_only_state(std::string_view place, std::string_view state) const;
    const Boundaries& boundaries() const { return b_; }

private:
    struct Candidate {
        GeoPrecision precision;
        long municipality;   // -1 for a locality whose municipality is not in the layer
        long locality;       // index into the gazetteer, or -1
        long state;
        double weight;       // population
    };
    enum : unsigned { kExactMunicipality = 1, kLocality = 2, kMunicipalityPrefix = 4, kAllTiers = 7 };
    // Candidates from the first of the allowed tiers (steps 2-4 above) that has any.
    std::vector<Candidate> candidates(const std::string& folded, long state, unsigned tiers) const;
    GeocodeResult finish(const Candidate& c, std::string note) const;
    GeocodeResult choose(std::vector<Candidate> found, const std::string& query) const;

    const Boundaries& b_;
    const Gazetteer* gazetteer_;
    const PopulationTable* population_;
    Projector to_display_;
    std::unordered_map<std::string, long> state_keys_;
    std::unordered_map<std::string, std::vector<std::uint32_t>> municipality_keys_;
    std::vector<std::string> municipality_folded_;
};

}  // namespace mirador::geo
