#pragma once
// How well the source knows where an incident happened. Catalogues give coordinates for every
// event, but many of them are stand-ins: UCDP GED puts an event known only to a state at the
// state's centroid (where_prec 4), one known only to Mexico at the country's (6). Counted by
// their point, such events land in whatever municipality holds the centroid. The source says
// so in a precision column; a mapping file turns its codes into these values, and the placing
// rule (Geocoder::place) counts each incident only where it is known to be.
#include <cstdint>
#include <optional>
#include <string_view>

namespace mirador::geo {

enum class LocationPrecision : std::uint8_t {
    Unknown,       // the source does not say: coordinates are a point, a place text is geocoded
    Point,         // the place itself, or within a few km (UCDP where_prec 1-2, ACLED geo_precision 1-2)
    Municipality,  // only the municipality; the point stands for it (UCDP 3)
    Estimated,     // an estimated point on a road, a valley, a region (UCDP 5)
    State,         // only the state; the point stands for it (UCDP 4, ACLED 3)
    Country,       // only the country (UCDP 6)
    Outside,       // in no country: international waters or airspace (UCDP 7)
};

inline constexpr int kLocationPrecisionCount = 7;

// Whether an incident's coordinates may stand for where it happened (local_mask, density): a
// point, its municipality, or unknown (coordinates taken at their word). A state's or country's
// stand-in point would show the incident where the centroid falls (README, "Where an incident
// counts").
inline bool point_is_local(LocationPrecision p) {
    return p == LocationPrecision::Unknown || p == LocationPrecision::Point || p == LocationPrecision::Municipality;
}

// "point", "municipality", "estimated", "state", "country", "outside"; "" for Unknown.
std::string_view to_string(LocationPrecision p);

// The names above (any case), also "exact" for Point and "" for Unknown; nullopt otherwise.
std::optional<LocationPrecision> parse_location_precision(std::string_view text);

}  // namespace mirador::geo
