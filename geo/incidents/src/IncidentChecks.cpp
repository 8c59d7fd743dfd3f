#include "IncidentChecks.hpp"

#include <charconv>
#include <cmath>
#include <cstdio>

namespace mirador::geo::detail {

std::string_view trim(std::string_view s) {
    // A plain loop: find_first_not_of with a set calls memchr once per character, and the CSV
    // loader trims every field of every row.
    auto space = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
    std::size_t b = 0, e = s.size();
    while (b < e && space(s[b])) ++b;
    while (e > b && space(s[e - 1])) --e;
    return s.substr(b, e - b);
}

std::string number_text(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%g", v);
    return buf;
}

std::optional<std::string> position_problem(double lon, double lat, const LonLatBox& box) {
    if (!std::isfinite(lon) || !std::isfinite(lat))
        return std::string(!std::isfinite(lon) ? "lon" : "lat") + " " +
               number_text(!std::isfinite(lon) ? lon : lat) + " is not a finite number";
    if (box.contains(lon, lat)) return std::nullopt;
    if (box.contains(lat, lon))
        return "lat/lon swapped? lon=" + number_text(lon) + ", lat=" + number_text(lat) +
               " is outside Mexico, but swapped it falls inside";
    return "lon=" + number_text(lon) + ", lat=" + number_text(lat) + " is outside Mexico (lon " +
           number_text(box.min_lon) + ".." + number_text(box.max_lon) + ", lat " + number_text(box.min_lat) + ".." +
           number_text(box.max_lat) + ")";
}

bool parse_count(std::string_view text, std::optional<std::uint32_t>& out) {
    out.reset();
    if (text.empty()) return true;
    if (text.front() == '+') text.remove_prefix(1);
    std::uint32_t v = 0;
    const auto r = std::from_chars(text.data(), text.data() + text.size(), v);
    if (r.ec != std::errc() || r.ptr != text.data() + text.size()) return false;
    out = v;
    return true;
}

std::optional<std::string> apply_time_of_day(IncidentDate& date, std::string_view date_text, std::string_view time_text) {
    auto minute = parse_time_of_day(time_text);
    if (!minute) return minute.error();
    if (date.precision != DatePrecision::Day)
        return "time '" + std::string(time_text) + "' for a date without a day ('" + std::string(date_text) + "')";
    date.minute_of_day = minute.value();
    return std::nullopt;
}

IncidentCategory category_or_other(std::string_view text, std::string* warning) {
    if (text.empty()) return IncidentCategory::Other;
    if (auto parsed = parse_incident_category(text)) return *parsed;
    if (warning) *warning = "unknown category '" + std::string(text) + "', filed as 'other'";
    return IncidentCategory::Other;
}

std::optional<std::string> apply_date_extent(IncidentDate& date, std::string_view precision_text,
                                             std::string_view end_text, std::string* warning) {
    std::int32_t from = date.day_start, to = date.day_end;
    const std::string_view p = trim(precision_text);
    auto is = [&](const char* word) {
        if (p.size() != std::char_traits<char>::length(word)) return false;
        for (std::size_t k = 0; k < p.size(); ++k)
            if ((p[k] | 0x20) != word[k]) return false;
        return true;
    };
    if (p.empty() || is("day")) {
    } else if (is("week")) {
        if (date.precision == DatePrecision::Day) from -= 3, to += 3;
    } else if (is("month") || is("year")) {
        const CivilDate a = civil_from_days(from), b = civil_from_days(to);
        from = days_from_civil(a.year, is("year") ? 1 : a.month, 1);
        to = is("year") ? days_from_civil(b.year, 12, 31) : days_from_civil(b.year, b.month, days_in_month(b.year, b.month));
    } else if (warning) {
        *warning = "unknown date precision '" + std::string(p) + "' (day, week, month, year); the date is taken as written";
    }
    if (from != date.day_start || to != date.day_end) {
        date.day_start = from;
        date.day_end = to;
        date.precision = span_precision(from, to);
        if (date.precision != DatePrecision::Day) date.minute_of_day = -1;
    }
    if (trim(end_text).empty()) return std::nullopt;
    auto end = parse_incident_date(end_text);
    if (!end) return "end date: " + end.error();
    auto joined = join_date_end(date, end.value());
    if (!joined) return joined.error();
    date = joined.value();
    return std::nullopt;
}

LocationPrecision location_precision_or_unknown(std::string_view text, std::string* warning) {
    if (auto p = parse_location_precision(text)) return *p;
    if (warning)
        *warning = "unknown location precision '" + std::string(trim(text)) +
                   "' (point, municipality, estimated, state, country, outside); placed as if none were given";
    return LocationPrecision::Unknown;
}

void split_actors(std::string_view text, char separator, std::vector<std::string_view>& out) {
    out.clear();
    append_actors(text, separator, out);
}

void append_actors(std::string_view text, char separator, std::vector<std::string_view>& out) {
    for (std::string_view rest = text; !rest.empty();) {
        const auto sep = rest.find(separator);
        const std::string_view a = trim(rest.substr(0, sep));
        if (!a.empty()) out.push_back(a);
        rest = sep == std::string_view::npos ? std::string_view() : rest.substr(sep + 1);
    }
}

}  // namespace mirador::geo::detail
