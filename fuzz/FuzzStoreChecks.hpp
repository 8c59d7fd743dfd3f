#pragma once
// What every incident loader promises about the store it returns, whatever the input: text in
// UTF-8, positions inside the bounds (or NaN, to be placed by name), sane dates, time order.
// Shared by the incident targets so that each loader is held to the same rules.
#include <cmath>
#include <string>

#include "FuzzCheck.hpp"
#include "mirador/geo/IncidentCsv.hpp"
#include "mirador/geo/IncidentStore.hpp"
#include "mirador/geo/Text.hpp"

namespace mirador::fuzz {

inline void check_store(const geo::IncidentStore& s, const geo::LonLatBox& box) {
    // Stored as float: a bound itself may round a hair outside the double box.
    constexpr double kFloatSlack = 1e-4;
    for (std::size_t i = 0; i < s.size(); ++i) {
        const std::string at = "incident " + std::to_string(i);
        const double lon = s.lon()[i], lat = s.lat()[i];
        FUZZ_CHECK(std::isnan(lon) == std::isnan(lat), at + ": lon and lat are placed together");
        if (!std::isnan(lon))
            FUZZ_CHECK(lon >= box.min_lon - kFloatSlack && lon <= box.max_lon + kFloatSlack &&
                           lat >= box.min_lat - kFloatSlack && lat <= box.max_lat + kFloatSlack,
                       at + ": position outside the bounds: " + std::to_string(lon) + ", " + std::to_string(lat));
        FUZZ_CHECK(s.day_start()[i] <= s.day_end()[i], at + ": the date span ends before it starts");
        FUZZ_CHECK(i == 0 || s.day_start()[i - 1] <= s.day_start()[i], at + ": not in time order");
        FUZZ_CHECK(s.minute_of_day()[i] >= -1 && s.minute_of_day()[i] < 24 * 60, at + ": minute of day out of range");
        for (std::string_view text : {s.id(i), s.date_text(i), s.place(i), s.state(i), s.source(i), s.notes(i)})
            FUZZ_CHECK(geo::is_valid_utf8(text), at + ": stored text is not UTF-8");
        for (std::size_t k = 0; k < s.actor_count(i); ++k) {
            FUZZ_CHECK(geo::is_valid_utf8(s.actor(i, k)), at + ": an actor is not UTF-8");
            FUZZ_CHECK(!s.actor(i, k).empty(), at + ": an empty actor name was kept");
        }
    }
}

}  // namespace mirador::fuzz
