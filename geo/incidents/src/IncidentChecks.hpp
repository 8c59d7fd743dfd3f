#pragma once
// Checks shared by the incident loaders (CSV, OGR): one rule, one message, whatever the source.
// Each returns the reason a value is refused (without "row skipped" / "feature skipped", which
// the caller adds), or nothing when the value is fine. Internal to geo/incidents.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "mirador/geo/IncidentCategory.hpp"
#include "mirador/geo/IncidentCsv.hpp"
#include "mirador/geo/IncidentDate.hpp"
#include "mirador/geo/LocationPrecision.hpp"

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

// The source's own date precision (after its value map: "day", "week", "month", "year"; empty:
// none) and last day (empty: none) applied to `date`: a week is the seven days around it, a
// month or year the calendar one that holds it, and the end date stretches the span to its
// last day. A precision that names none of these is left out and `warning` says so. Returns
// the reason the row is refused (a bad end date, an end before the start), or nothing.
std::optional<std::string> apply_date_extent(IncidentDate& date, std::string_view precision_text,
                                             std::string_view end_text, std::string* warning);

// The source's location precision (after its value map); a value that names none is taken as
// unknown and `warning` says so.
LocationPrecision location_precision_or_unknown(std::string_view text, std::string* warning);

// "A; B ;C" -> {"A", "B", "C"} (views into `text`; empty names dropped).
void split_actors(std::string_view text, char separator, std::vector<std::string_view>& out);
// The same, added after what `out` holds (actors from a second column).
void append_actors(std::string_view text, char separator, std::vector<std::string_view>& out);

// The column names a mapping's `actors` holds: the whole text when `exists` knows it as one
// name, else each comma-separated name ("actor1, actor2").
template <typename Exists>
std::vector<std::string> actor_columns(std::string_view names, Exists&& exists) {
    std::vector<std::string> out;
    if (trim(names).empty()) return out;
    if (exists(std::string(trim(names)))) return {std::string(trim(names))};
    for (std::string_view rest = names; !rest.empty();) {
        const auto comma = rest.find(',');
        const std::string_view name = trim(rest.substr(0, comma));
        if (!name.empty()) out.emplace_back(name);
        rest = comma == std::string_view::npos ? std::string_view() : rest.substr(comma + 1);
    }
    return out;
}

}  // namespace mirador::geo::detail
