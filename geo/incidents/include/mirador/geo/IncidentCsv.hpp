#pragma once
// Loads an incident catalogue from CSV. Mirador's own layout has the header
//
//   id,date,place,state,lon,lat,category,actors,fatalities,injured,source,notes
//
// and optionally date_end, date_precision and location_precision (see CsvColumnMapping).
//
// with columns found by name (any order, any case; extra columns ignored). Other layouts, such
// as a newsroom's spreadsheet with "fecha;latitud;longitud", load through a CsvColumnMapping,
// which can also be read from a small file of `field=column` lines.
//
// A catalogue is hand-made, so bad rows are expected: each is reported with file, line and
// reason and skipped, and the good rows load. Nothing is fixed silently: a row whose lon and
// lat look swapped is reported ("lat/lon swapped?") and skipped, not swapped. A row whose text
// is not UTF-8 is read as Latin-1 and kept, with a warning. Only a file that cannot be used at
// all (missing, empty, no usable header) is an error.
#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "mirador/geo/IncidentStore.hpp"
#include "mirador/geo/LocationPrecision.hpp"
#include "mirador/geo/Result.hpp"

namespace mirador::geo {

// A source's codes for one field turned into Mirador's values: UCDP's type_of_violence "3" into
// "attack on civilians", its where_prec "4" into "state".
struct ValueMap {
    std::vector<std::pair<std::string, std::string>> entries;  // (source value, Mirador's value)
    std::optional<std::string> otherwise;                      // "*": any value not listed
    bool empty() const { return entries.empty() && !otherwise; }
    // The mapped value: an entry for `value` (as written, else in any case), else `otherwise`,
    // else `value` itself. Empty stays empty.
    std::string_view apply(std::string_view value) const;
};

// Which column holds each field. An empty name: the file has no such column.
struct CsvColumnMapping {
    std::string id = "id";
    std::string date = "date";  // required
    std::string date_end = "date_end";  // optional: the last day of an event that spans days
    std::string time = "time";  // optional "HH:MM", for files that keep the time apart
    // Optional: how well the date is known, "day", "week" (the seven days around it), "month"
    // or "year" (its calendar month or year), after date_precision_values.
    std::string date_precision = "date_precision";
    // Optional: how well the place is known, "point", "municipality", "estimated", "state",
    // "country" or "outside" (see LocationPrecision.hpp), after location_precision_values.
    std::string location_precision = "location_precision";
    std::string place = "place";
    std::string state = "state";
    std::string lon = "lon";  // lon and lat, or place (the geocoder places it later), required
    std::string lat = "lat";
    std::string category = "category";
    std::string actors = "actors";  // several columns: "actor1, actor2"
    std::string fatalities = "fatalities";
    std::string injured = "injured";
    std::string source = "source";
    std::string notes = "notes";
    char delimiter = ',';
    char actor_separator = ';';
    // The fields a mapping file named ("lon", "date" ...). Each must be found in the file: a
    // misspelt column is an error, never a field quietly left empty (a mapping whose lon/lat
    // columns were missing used to fall back to placing every row by its place name).
    std::vector<std::string> named;
    // The column named for `field` ("lon"), or nullptr for an unknown field.
    const std::string* column_of(std::string_view field) const;
    ValueMap category_values, date_precision_values, location_precision_values;
};

// The first column a mapping file named (for a field in `mapping.named`) that `has_column` does
// not find; none when all are found. `skip_position`: lon and lat are not looked for (an OGR
// layer with point geometry).
struct MissingColumn {
    std::string field, column;
};
std::optional<MissingColumn> first_missing_named_column(const CsvColumnMapping& mapping,
                                                        const std::function<bool(const std::string& column)>& has_column,
                                                        bool skip_position = false);

// Lines of `field=column` (spaces around either side ignored, `#` starts a comment), e.g.
//   date = fecha
//   lon = longitud
//   actors = actor1, actor2   (several columns, each split at the actor separator)
//   delimiter = ;          (a single character, or "tab", "comma", "semicolon")
//   actor_separator = |
// and value maps, `field.value = Mirador's value`, for category, date_precision and
// location_precision ("*" stands for every value not listed):
//   category = type_of_violence
//   category.1 = armed clash
//   location_precision.4 = state
// A mapped value that Mirador does not know is an error naming the line.
// `name` is the file the text came from, for messages.
[[nodiscard]] Result<CsvColumnMapping> parse_column_mapping(std::string_view text, const std::string& name);
[[nodiscard]] Result<CsvColumnMapping> load_column_mapping(const std::string& path);

// Mexico's bounding box in degrees: rows outside it are refused (and checked for swapped axes).
struct LonLatBox {
    double min_lon = -118.6, max_lon = -86.5, min_lat = 14.3, max_lat = 32.8;
    bool contains(double lon, double lat) const {
        return lon >= min_lon && lon <= max_lon && lat >= min_lat && lat <= max_lat;
    }
};

struct IncidentCsvOptions {
    CsvColumnMapping columns;
    LonLatBox bounds;
    // A record longer than this is refused (a broken export, not an incident).
    std::size_t max_record_bytes = 1 << 20;
    // Large texts are parsed on two threads; false keeps to one (the tests compare the two).
    bool parallel = true;
    // What "large" means, in bytes of rows after the header. Below a few megabytes a second thread
    // costs more than it saves; the fuzzer lowers it to split its small inputs in two.
    std::size_t parallel_min_bytes = 4 << 20;
};

// `problems` receives one line per skipped row or warning: "file:line: reason".
[[nodiscard]] Result<IncidentStore> load_incident_csv(const std::string& path, std::vector<std::string>* problems = nullptr,
                                                      const IncidentCsvOptions& options = {});
// The same over text already in memory; `name` stands for the file in messages.
[[nodiscard]] Result<IncidentStore> parse_incident_csv(std::string_view text, const std::string& name,
                                                       std::vector<std::string>* problems = nullptr,
                                                       const IncidentCsvOptions& options = {});

// Where and when each incident of a CSV happened, for commands that read nothing else
// (`mirador density`): the values load_incident_csv gives those rows, in file order, without
// the store's text, time order and indices (on 1M rows, a fifth of the time).
struct IncidentPositions {
    std::vector<float> lon, lat;                   // degrees, rounded to float as IncidentStore keeps them
    std::vector<std::int32_t> day_start, day_end;  // the date's span (IncidentDate)
    std::vector<std::optional<std::uint32_t>> fatalities;
    std::vector<LocationPrecision> location_precision;  // as declared; Unknown where not
    // Each row's id hashed (0: none), kept only when the caller looks for repeated ids itself.
    std::vector<std::size_t> id_hashes;
    std::size_t size() const { return lon.size(); }
};

// Whether two rows' ids may be the same: a repeated id or, rarely, two ids with one hash. A file
// is clean only if not.
bool ids_may_repeat(std::span<const std::size_t> id_hashes);

// Who looks for repeated ids: read_clean_incident_positions before it returns, or the caller
// (with ids_may_repeat over id_hashes, alongside its other work; the positions are clean only
// once it has found none).
enum class IdCheck { Now, Caller };

// The positions of a file that loads cleanly: every row without a problem or a warning, every
// one with coordinates, no id on two rows. Nothing otherwise, and the caller loads the file with
// load_incident_csv (and find_duplicate_ids), which say what is wrong and geocode what has no
// coordinates: this is a fast path, never a second set of rules.
[[nodiscard]] std::optional<IncidentPositions> read_clean_incident_positions(const std::string& path,
                                                                           const IncidentCsvOptions& options = {},
                                                                           IdCheck ids = IdCheck::Now);

}  // namespace mirador::geo
