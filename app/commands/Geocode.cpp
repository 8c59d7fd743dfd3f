#include "commands/Geocode.hpp"

#include <fast_float/fast_float.h>

#include <cmath>
#include <cstdio>
#include <algorithm>
#include <map>

#include "commands/GeocodingContext.hpp"
#include "mirador/geo/AtomicFile.hpp"
#include "mirador/geo/CsvReader.hpp"
#include "mirador/geo/IncidentCsv.hpp"
#include "mirador/geo/Text.hpp"
#include "platform/Report.hpp"

namespace mirador {

namespace {

bool parse_number(std::string_view s, double& out) {
    while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
    while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
    if (s.empty()) return false;
    const auto r = fast_float::from_chars(s.data(), s.data() + s.size(), out);
    return r.ec == std::errc() && r.ptr == s.data() + s.size();
}

int column_of(const geo::CsvRecord& header, const std::string& name) {
    if (name.empty()) return -1;
    for (std::size_t i = 0; i < header.size(); ++i)
        if (geo::fold_for_search(header[i]) == geo::fold_for_search(name)) return static_cast<int>(i);
    return -1;
}

std::string format_degrees(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.6f", v);
    return buf;
}

}  // namespace

int run_geocode_command(const DataOptions& data, const GeocodeOptions& o) {
    const char* cmd = "mirador geocode";
    geo::CsvColumnMapping mapping;
    if (!o.mapping.empty()) {
        auto m = geo::load_column_mapping(o.mapping);
        if (!m) {
            eprint("%s: %s\n", cmd, m.error().c_str());
            return 1;
        }
        mapping = *m;
    }
    auto reader = geo::CsvReader::open(o.in, geo::CsvOptions{mapping.delimiter});
    if (!reader) {
        eprint("%s: %s\n", cmd, reader.error().c_str());
        return 1;
    }
    geo::CsvRecord header;
    if (!reader->next(header) || !header.ok() || (header.size() == 1 && header[0].empty())) {
        eprint("%s: %s: empty file or unreadable header\n", cmd, o.in.c_str());
        return 1;
    }
    if (const auto missing = geo::first_missing_named_column(
            mapping, [&](const std::string& column) { return column_of(header, column) >= 0; })) {
        eprint("%s: %s: the mapping names column '%s' for %s, and the file has no such column\n", cmd, o.in.c_str(),
               missing->column.c_str(), missing->field.c_str());
        return 1;
    }
    // Rows longer than the header keep their extra fields, in columns named extra_1, extra_2 ...:
    // a pass first finds the longest row, so every row lines up under one header.
    std::size_t width = header.size();
    {
        auto scan = geo::CsvReader(reader->text(), geo::CsvOptions{mapping.delimiter});
        geo::CsvRecord r;
        while (scan.next(r))
            if (r.ok()) width = std::max(width, r.size());
    }
    const int c_place = column_of(header, mapping.place), c_state = column_of(header, mapping.state);
    const int c_lon = column_of(header, mapping.lon), c_lat = column_of(header, mapping.lat);
    const int c_precision = column_of(header, mapping.location_precision);
    if (c_place < 0 && (c_lon < 0 || c_lat < 0)) {
        eprint("%s: %s: needs a '%s' column, or '%s' and '%s' columns\n", cmd, o.in.c_str(),
                     mapping.place.c_str(), mapping.lon.c_str(), mapping.lat.c_str());
        return 1;
    }
    auto ctx = load_geocoding_context(data, cmd);
    if (!ctx) {
        eprint("%s: %s\n", cmd, ctx.error().c_str());
        return 1;
    }
    const geo::Geocoder& g = *ctx->geocoder;
    const geo::Boundaries& b = *ctx->boundaries;

    auto file = geo::AtomicFile::create(o.out);
    if (!file) {
        eprint("%s: %s\n", cmd, file.error().c_str());
        return 1;
    }
    geo::AtomicFile& out = *file;
    const char d = mapping.delimiter;
    const bool add_lonlat = c_lon < 0 || c_lat < 0;
    for (std::size_t i = 0; i < width; ++i) {
        if (i) out << d;
        out << (i < header.size() ? geo::csv_field(geo::ensure_utf8(header[i]), d) : "extra_" + std::to_string(i - header.size() + 1));
    }
    if (add_lonlat) out << d << "lon" << d << "lat";
    for (const char* h : {"cvegeo", "municipality", "state_name", "geo_precision", "geo_status", "geo_note"}) out << d << h;
    out << '\n';

    std::map<geo::GeoStatus, std::size_t> counts;
    std::size_t rows = 0;
    geo::CsvRecord rec;
    while (reader->next(rec)) {
        if (rec.ok() && rec.size() == 1 && rec[0].empty()) continue;  // blank line
        ++rows;
        auto field = [&](int c) -> std::string {
            return (c >= 0 && static_cast<std::size_t>(c) < rec.size()) ? geo::ensure_utf8(rec[static_cast<std::size_t>(c)]) : std::string();
        };
        geo::GeocodeResult r;
        double lon = 0, lat = 0;
        // The source's own location precision, when the mapping names its column (README, "Where
        // an incident counts"): the same rule as the map and `stats`.
        const auto declared =
            geo::parse_location_precision(mapping.location_precision_values.apply(field(c_precision)))
                .value_or(geo::LocationPrecision::Unknown);
        const std::string lon_text = field(c_lon), lat_text = field(c_lat);
        if (!rec.ok()) {
            r.note = rec.error;
        } else if (parse_number(lon_text, lon) && parse_number(lat_text, lat)) {
            if (!std::isfinite(lon) || !std::isfinite(lat)) {
                r.note = "lon/lat are not finite numbers";
            } else {
                r = g.place(lon, lat, field(c_place), field(c_state), declared);
                if (r.status == geo::GeoStatus::Outside && g.locate(lat, lon).status == geo::GeoStatus::Matched)
                    r.note = "outside Mexico as given; lat/lon swapped?";
            }
        } else if (!lon_text.empty() || !lat_text.empty()) {
            r.note = "lon/lat '" + lon_text + "', '" + lat_text + "' are not numbers";
        } else {
            r = g.place(NAN, NAN, field(c_place), field(c_state), declared);
        }
        ++counts[r.status];
        if (r.status != geo::GeoStatus::Matched || !r.note.empty())
            eprint("%s:%zu: %s%s%s\n", o.in.c_str(), rec.line, geo::to_string(r.status),
                         r.note.empty() ? "" : ": ", r.note.c_str());

        const bool placed = std::isfinite(r.lon) && r.status == geo::GeoStatus::Matched;
        if (rec.ok() && rec.size() > header.size())
            eprint("%s:%zu: %zu fields, the header has %zu; the extra ones are kept in extra_1..\n",
                         o.in.c_str(), rec.line, rec.size(), header.size());
        for (std::size_t i = 0; i < width; ++i) {
            std::string v = field(static_cast<int>(i));
            // Coordinates found by name fill the row's own empty lon/lat columns.
            if (placed && v.empty() && static_cast<int>(i) == c_lon) v = format_degrees(r.lon);
            if (placed && v.empty() && static_cast<int>(i) == c_lat) v = format_degrees(r.lat);
            if (i) out << d;
            out << geo::csv_field(v, d);
        }
        if (add_lonlat) out << d << (placed ? format_degrees(r.lon) : "") << d << (placed ? format_degrees(r.lat) : "");
        std::string code, name, state_name;
        if (r.status == geo::GeoStatus::Matched && r.municipality >= 0) {
            const auto& a = b.municipalities.attributes[static_cast<std::size_t>(r.municipality)];
            code = a.code;
            name = a.name;
        }
        if (r.status == geo::GeoStatus::Matched && r.state >= 0) {
            state_name = b.states[static_cast<std::size_t>(r.state)].name;
            if (code.empty()) code = b.states[static_cast<std::size_t>(r.state)].code;
        }
        out << d << code << d << geo::csv_field(name, d) << d << geo::csv_field(state_name, d) << d
            << (r.status == geo::GeoStatus::Matched ? geo::to_string(r.precision) : "") << d << geo::to_string(r.status)
            << d << geo::csv_field(r.note, d) << '\n';
    }
    if (auto ok = out.commit(); !ok) {
        eprint("%s: %s\n", cmd, ok.error().c_str());
        return 1;
    }
    eprint("%s: %zu rows -> %s: %zu matched, %zu ambiguous, %zu unmatched, %zu outside\n", cmd, rows,
                 o.out.c_str(), counts[geo::GeoStatus::Matched], counts[geo::GeoStatus::Ambiguous],
                 counts[geo::GeoStatus::Unmatched], counts[geo::GeoStatus::Outside]);
    return 0;
}

}  // namespace mirador
