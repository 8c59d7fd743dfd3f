#pragma once
// Checks shared by the incident loaders (CSV, OGR): one rule, one message, whatever the source.
// Each returns the reason a value is refused (without "row skipped" / "feature skipped", which
// the caller adds), or nothing when the value is fine. Internal to mirador_geo.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "mirador/geo/IncidentCategory.hpp"
#include "mirador/geo/IncidentCsv.hpp"
#include "mirador/geo/IncidentDate.hpp"

namespace mirador::geo::detail {

std::string_view trim(std::string_view s);
std::string number_text(double v);  // "%g"

// A position in degrees: not finite, outside the box, or inside it only when swapped.
std::optional<std::string> position_problem(double lon, double lat, const LonLatBox& box);

// A count of people written as text: empty (unknown) or a whole number >= 0. False when not.
bool parse_count(std::string_view text, std::optional<std::uint32_t>& out);

// A time of day ("14:30") joined to a date; refused for dates without a day.
std::optional<std::string> apply_time_of_day(IncidentDate& date, std::string_view date_text, std::string_view time_text);

// The category named by the text; an unknown name is filed as Other and `warning` says so.
IncidentCategory category_or_other(std::string_view text, std::string* warning);

// "A; B ;C" -> {"A", "B", "C"} (views into `text`; empty names dropped).
void split_actors(std::string_view text, char separator, std::vector<std::string_view>& out);

}  // namespace mirador::geo::detail
