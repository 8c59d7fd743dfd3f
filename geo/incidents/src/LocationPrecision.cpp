#include "mirador/geo/LocationPrecision.hpp"

#include <string>

#include "mirador/geo/Text.hpp"

namespace mirador::geo {

std::string_view to_string(LocationPrecision p) {
    switch (p) {
        case LocationPrecision::Unknown: return "";
        case LocationPrecision::Point: return "point";
        case LocationPrecision::Municipality: return "municipality";
        case LocationPrecision::Estimated: return "estimated";
        case LocationPrecision::State: return "state";
        case LocationPrecision::Country: return "country";
        case LocationPrecision::Outside: return "outside";
    }
    return "";
}

std::optional<LocationPrecision> parse_location_precision(std::string_view text) {
    const std::string key = fold_for_search(text);
    if (key.empty()) return LocationPrecision::Unknown;
    if (key == "exact") return LocationPrecision::Point;
    for (int p = 1; p < kLocationPrecisionCount; ++p)
        if (key == to_string(static_cast<LocationPrecision>(p))) return static_cast<LocationPrecision>(p);
    return std::nullopt;
}

}  // namespace mirador::geo
