#include "mirador/geo/IncidentCsv.hpp"

#include <fast_float/fast_float.h>

#include <algorithm>
#include <atomic>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <limits>
#include <optional>
#include <thread>
#include <unordered_map>

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>

#include "IdHashes.hpp"
#include "IncidentChecks.hpp"
#include "mirador/geo/CsvReader.hpp"
#include "mirador/geo/MappedFile.hpp"
#include "mirador/geo/LocationPrecision.hpp"
#include "mirador/geo/Text.hpp"

namespace mirador::geo {

namespace {

struct FieldSpec {
    const char* name;
    std::string CsvColumnMapping::*column;
};

constexpr FieldSpec kFields[] = {
    {"id", &CsvColumnMapping::id},
    {"date", &CsvColumnMapping::date},
    {"date_end", &CsvColumnMapping::date_end},
    {"date_precision", &CsvColumnMapping::date_precision},
    {"time", &CsvColumnMapping::time},
    {"place", &CsvColumnMapping::place},
    {"state", &CsvColumnMapping::state},
    {"lon", &CsvColumnMapping::lon},
    {"lat", &CsvColumnMapping::lat},
    {"location_precision", &CsvColumnMapping::location_precision},
    {"category", &CsvColumnMapping::category},
    {"actors", &CsvColumnMapping::actors},
    {"fatalities", &CsvColumnMapping::fatalities},
    {"injured", &CsvColumnMapping::injured},
    {"source", &CsvColumnMapping::source},
    {"notes", &CsvColumnMapping::notes},
};

using detail::trim;

// Lets the category cache be searched with a string_view.
struct TextHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};

char ascii_lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

bool iequals(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (ascii_lower(a[i]) != ascii_lower(b[i])) return false;
    return true;
}

std::string at(const std::string& name, std::size_t line) { return name + ":" + std::to_string(line) + ": "; }

enum class NumberStatus { Ok, NotNumeric, NotFinite };

// The whole (trimmed) field must be a number. A decimal comma ("24,8") is accepted when the
// delimiter is not a comma: spreadsheets in Spanish write CSV with ';' and decimal commas.
NumberStatus parse_number(std::string_view text, char delimiter, double& out) {
    if (!text.empty() && text.front() == '+') text.remove_prefix(1);
    auto r = fast_float::from_chars(text.data(), text.data() + text.size(), out);
    if (r.ec != std::errc() || r.ptr != text.data() + text.size()) {
        const auto comma = text.find(',');
        if (delimiter == ',' || comma == std::string_view::npos || text.find(',', comma + 1) != std::string_view::npos ||
            text.find('.') != std::string_view::npos || text.size() > 64)
            return NumberStatus::NotNumeric;
        char buf[64];
        text.copy(buf, text.size());
        buf[comma] = '.';
        r = fast_float::from_chars(buf, buf + text.size(), out);
        if (r.ec != std::errc() || r.ptr != buf + text.size()) return NumberStatus::NotNumeric;
    }
    return std::isfinite(out) ? NumberStatus::Ok : NumberStatus::NotFinite;
}

Result<char> parse_separator(std::string_view v) {
    if (iequals(v, "tab") || v == "\\t") return '\t';
    if (iequals(v, "comma")) return ',';
    if (iequals(v, "semicolon")) return ';';
    if (iequals(v, "pipe")) return '|';
    if (iequals(v, "space")) return ' ';
    // One ASCII character only: a byte of 0x80 or above is part of a UTF-8 character, and
    // splitting on it would cut the names around it in half (found by fuzz_column_mapping).
    if (v.size() == 1 && static_cast<unsigned char>(v[0]) < 0x80 && v[0] != '"' && v[0] != '\n' && v[0] != '\r')
        return v[0];
    std::string m = "'";  // appended, not "'" + ...: g++ 12's false -Wrestrict (bug 105651)
    m.append(ensure_utf8(v)).append("' is not a separator (one ASCII character, or tab, comma, semicolon, pipe, space)");
    return make_error(m);
}

std::string field_list() {
    std::string s;
    for (const FieldSpec& f : kFields) s += std::string(s.empty() ? "" : ", ") + f.name;
    return s + ", delimiter, actor_separator";
}

// The fields that take value maps, and the values Mirador knows for each.
struct ValueMapSpec {
    const char* name;
    ValueMap CsvColumnMapping::*map;
    bool (*known)(std::string_view);
    const char* values;  // for the message when a mapped value is not known
};

constexpr ValueMapSpec kValueMaps[] = {
    {"category", &CsvColumnMapping::category_values,
     [](std::string_view v) { return parse_incident_category(v).has_value(); },
     "armed clash, ambush, massacre, arrest/capture, attack on civilians, prison escape, disappearance, military "
     "operation, other"},
    {"date_precision", &CsvColumnMapping::date_precision_values,
     [](std::string_view v) { return iequals(v, "day") || iequals(v, "week") || iequals(v, "month") || iequals(v, "year"); },
     "day, week, month, year"},
    {"location_precision", &CsvColumnMapping::location_precision_values,
     [](std::string_view v) { return !v.empty() && parse_location_precision(v).has_value(); },
     "point, municipality, estimated, state, country, outside"},
};

// Column positions of the fields in one file; -1 where it has none.
struct Columns {
    int id = -1, date = -1, date_end = -1, date_precision = -1, time = -1, place = -1, state = -1, lon = -1, lat = -1,
        location_precision = -1, category = -1, actors = -1, fatalities = -1, injured = -1, source = -1, notes = -1;
    std::vector<int> more_actors;  // columns after the first when `actors` names several
};

int find_column(const std::vector<std::string>& header, const std::string& wanted) {
    if (wanted.empty()) return -1;
    for (std::size_t i = 0; i < header.size(); ++i)
        if (iequals(header[i], trim(wanted))) return static_cast<int>(i);
    return -1;
}

std::string joined(const std::vector<std::string>& names) {
    std::string s;
    for (const auto& n : names) s += (s.empty() ? "" : ", ") + n;
    return s;
}

// A problem with one row: its line, and the message without the "file:line: " prefix, added when
// the line numbers are final (the second half of a file knows its lines only relative to its
// start until the first half is done).
struct RowProblem {
    std::size_t line;
    std::string message;
    // Where a malformed record starts in the reader's text: the reader's message names lines
    // too, so it is worded again from there once they are final.
    std::size_t record = std::string_view::npos;
};

// `from`, read from `text` (lines counted from 1 + line_shift there), into `problems`.
void add_problems(std::vector<RowProblem>& from, const std::string& name, std::string_view text, CsvOptions csv,
                  std::size_t line_shift, std::vector<std::string>* problems) {
    if (!problems) return;
    for (RowProblem& p : from) {
        if (p.record != std::string_view::npos && line_shift > 0) {
            csv.first_line = p.line + line_shift;
            csv.file_start = false;
            CsvReader again(text.substr(p.record), csv);
            CsvRecord rec;
            again.next(rec);
            p.message = rec.error + "; row skipped";
        }
        problems->push_back(at(name, p.line + line_shift).append(p.message));
    }
}

// What the clean-file fast path keeps of each row (read_clean_incident_positions). It gives up
// on the first row without coordinates: that one needs the geocoder, and the full loader.
struct PositionSink {
    IncidentPositions out;
    std::vector<std::size_t> id_hashes;  // 0: no id (IdHashes.hpp)
    bool unplaced = false;

    void reserve(std::size_t n) {
        out.lon.reserve(n), out.lat.reserve(n), out.day_start.reserve(n), out.day_end.reserve(n);
        out.fatalities.reserve(n), out.location_precision.reserve(n), id_hashes.reserve(n);
    }
    void add(const IncidentView& v) {
        if (!std::isfinite(v.lon) || !std::isfinite(v.lat)) {
            unplaced = true;
            return;
        }
        // As IncidentStoreBuilder::add keeps them.
        out.lon.push_back(static_cast<float>(v.lon));
        out.lat.push_back(static_cast<float>(v.lat));
        out.day_start.push_back(v.date.day_start);
        out.day_end.push_back(v.date.day_end);
        out.fatalities.push_back(v.fatalities);
        out.location_precision.push_back(v.location_precision);
        id_hashes.push_back(detail::id_hash(v.id));
    }
    bool gave_up() const { return unplaced; }
    void shift_source_rows(std::uint32_t) {}  // no rows kept: a clean file has nothing to report
    void append(PositionSink&& o) {
        const auto join = [](auto& a, auto& b) { a.insert(a.end(), b.begin(), b.end()); };
        join(out.lon, o.out.lon), join(out.lat, o.out.lat), join(out.day_start, o.out.day_start);
        join(out.day_end, o.out.day_end), join(out.fatalities, o.out.fatalities);
        join(out.location_precision, o.out.location_precision), join(id_hashes, o.id_hashes);
        unplaced = unplaced || o.unplaced;
    }
};

template <class Sink>
constexpr bool kCleanOnly = false;
template <>
constexpr bool kCleanOnly<PositionSink> = true;

// How much of a mapped file is read before its pages are handed back (parse_rows). Each
// hand-back interrupts the other thread (its TLB is flushed too): every 16 MB cost the clean
// path a third of its reading time on 1M rows (two halves of 27 MB), where it keeps only 33
// bytes a row and the file's pages are the page cache's to reclaim. The store, which copies
// the text, hands them back more often.
template <class Sink>
constexpr std::size_t kReleaseStep = std::size_t{16} << 20;
template <>
constexpr std::size_t kReleaseStep<PositionSink> = std::size_t{256} << 20;

// The rows from `reader`'s position into `builder`, until the end of its text, or until the
// reader has reached offset `stop` (the record there is left unread), or until `cancel` is set.
// With `release_read`, the text is a read-only file mapping, and the pages read are handed back
// as reading goes on: the rows' text is copied into the builder, so holding the file's pages
// only added the file's size to the peak memory.
// `Sink` is IncidentStoreBuilder, or PositionSink (above) for the clean-file fast path: that one
// gives up at the first problem or warning (it sets `cancel`, so the other half stops too).
template <class Sink>
void parse_rows(CsvReader& reader, std::size_t stop, std::atomic<bool>* cancel, bool release_read,
                const IncidentCsvOptions& options, const Columns& c, std::size_t field_count, Sink& builder,
                std::vector<RowProblem>& problems) {
    const CsvColumnMapping& map = options.columns;
    CsvRecord rec;
    auto report = [&](std::string message) { problems.push_back({rec.line, std::move(message)}); };
    std::vector<std::string_view> actors;
    std::vector<std::string> recoded;
    std::vector<std::string_view> recoded_views;
    std::vector<std::string> warnings;
    std::unordered_map<std::string, std::optional<IncidentCategory>, TextHash, std::equal_to<>> categories;
    // UTF-8 validity is a property of each character, and records are cut at ASCII bytes: when a
    // stretch of text that ends at a line end is valid, so is every record within it, and one
    // pass over the stretch replaces a check per row. The stretch is checked as the first of its
    // records is reached and is small enough to be still in the cache as the rest are parsed
    // (one pass over the whole text first read it from memory twice).
    constexpr std::size_t kStretchBytes = 1 << 20;
    const std::string_view text = reader.text();
    IncidentView v;
    std::size_t checked_end = 0;
    bool checked_valid = true;

    constexpr std::size_t kReleaseBytes = kReleaseStep<Sink>;
    const auto page = static_cast<std::uintptr_t>(::sysconf(_SC_PAGESIZE));
    std::uintptr_t released = reinterpret_cast<std::uintptr_t>(reader.text().data() + reader.offset()) & ~(page - 1);
    // The fast path stops at the first row it cannot take as it is.
    const auto give_up = [&] {
        if constexpr (kCleanOnly<Sink>) return !problems.empty() || builder.gave_up();
        else return false;
    };
    while (reader.offset() < stop && !(cancel && cancel->load(std::memory_order_relaxed)) && !give_up() &&
           reader.next(rec)) {
        if (release_read) {
            const auto read = reinterpret_cast<std::uintptr_t>(rec.raw.data()) & ~(page - 1);
            if (read >= released + kReleaseBytes) {
                // The pages come back from the page cache if touched again (never written).
                ::madvise(reinterpret_cast<void*>(released), read - released, MADV_DONTNEED);
                released = read;
            }
        }
        if (rec.raw.size() > options.max_record_bytes) {
            report(std::string("record of ") + std::to_string(rec.raw.size()) + " bytes, over the " +
                   std::to_string(options.max_record_bytes) + "-byte limit; row skipped");
            continue;
        }
        if (!rec.ok()) {
            problems.push_back({rec.line, rec.error + "; row skipped", static_cast<std::size_t>(rec.raw.data() - text.data())});
            continue;
        }
        if (rec.size() == 1 && trim(rec[0]).empty()) continue;  // blank line
        if (rec.size() != field_count) {
            report(std::to_string(rec.size()) + " fields, the header has " + std::to_string(field_count) +
                   "; row skipped");
            continue;
        }
        warnings.clear();

        const auto begin = static_cast<std::size_t>(rec.raw.data() - text.data()), end = begin + rec.raw.size();
        if (begin >= checked_end) {
            const std::size_t nl = text.find('\n', std::min(text.size(), begin + kStretchBytes));
            checked_end = nl == std::string_view::npos ? text.size() : nl + 1;
            checked_valid = is_valid_utf8(text.substr(begin, checked_end - begin));
        }
        std::span<const std::string_view> f = rec.fields;
        if (!(checked_valid && end <= checked_end) && !is_valid_utf8(rec.raw)) {
            recoded.clear();
            recoded_views.clear();
            for (std::string_view v : rec.fields) recoded.push_back(latin1_to_utf8(v));
            for (const std::string& v : recoded) recoded_views.push_back(v);
            f = recoded_views;
            warnings.emplace_back("text is not valid UTF-8; read as Latin-1");
        }
        auto get = [&](int col) { return col < 0 ? std::string_view() : trim(f[static_cast<std::size_t>(col)]); };

        // One view for every row, reset field by field: a fresh one was zeroed whole (200 bytes,
        // `rep stos`) for each row, a fifth of this loop's own time. Every field a row sets is
        // set below on each row; these three are set only by some rows.
        v.location_precision = LocationPrecision::Unknown;
        v.lon = v.lat = std::numeric_limits<double>::quiet_NaN();
        v.date_text = get(c.date);
        auto date = parse_incident_date(v.date_text);
        if (!date) {
            report(date.error() + "; row skipped");
            continue;
        }
        v.date = date.value();
        if (const std::string_view t = get(c.time); !t.empty()) {
            if (auto why = detail::apply_time_of_day(v.date, v.date_text, t)) {
                report(*why + "; row skipped");
                continue;
            }
        }
        if (c.date_precision >= 0 || c.date_end >= 0) {
            std::string warning;
            if (auto why = detail::apply_date_extent(v.date, map.date_precision_values.apply(get(c.date_precision)),
                                                     get(c.date_end), &warning)) {
                report(*why + "; row skipped");
                continue;
            }
            if (!warning.empty()) warnings.push_back(std::move(warning));
        }
        if (c.location_precision >= 0) {
            std::string warning;
            v.location_precision =
                detail::location_precision_or_unknown(map.location_precision_values.apply(get(c.location_precision)), &warning);
            if (!warning.empty()) warnings.push_back(std::move(warning));
        }

        v.place = get(c.place);
        const std::string_view lon_text = get(c.lon), lat_text = get(c.lat);
        if (lon_text.empty() && lat_text.empty()) {
            if (v.place.empty()) {
                report("neither lon/lat nor a place; row skipped");
                continue;
            }
            // Left NaN: the geocoder places it from `place`.
        } else if (lon_text.empty() || lat_text.empty()) {
            report(std::string(lon_text.empty() ? "lat given without lon" : "lon given without lat").append("; row skipped"));
            continue;
        } else {
            double lon = 0, lat = 0;
            const NumberStatus ls = parse_number(lon_text, map.delimiter, lon);
            const NumberStatus as = parse_number(lat_text, map.delimiter, lat);
            if (ls != NumberStatus::Ok || as != NumberStatus::Ok) {
                const bool lon_bad = ls != NumberStatus::Ok;
                const std::string which = lon_bad ? "lon" : "lat";
                const std::string value(lon_bad ? lon_text : lat_text);
                const NumberStatus st = lon_bad ? ls : as;
                report(which + " '" + value + "' is " +
                       (st == NumberStatus::NotFinite ? "not a finite number" : "not a number") + "; row skipped");
                continue;
            }
            if (auto why = detail::position_problem(lon, lat, options.bounds)) {
                const bool swapped = why->rfind("lat/lon swapped?", 0) == 0;
                report(*why + "; row skipped" + (swapped ? " (not fixed: check the source)" : ""));
                continue;
            }
            v.lon = lon;
            v.lat = lat;
        }

        if (!detail::parse_count(get(c.fatalities), v.fatalities)) {
            report(std::string("fatalities '") + std::string(get(c.fatalities)) + "' is not a whole number >= 0; row skipped");
            continue;
        }
        if (!detail::parse_count(get(c.injured), v.injured)) {
            report(std::string("injured '") + std::string(get(c.injured)) + "' is not a whole number >= 0; row skipped");
            continue;
        }

        // Folding the text (an allocation and a scan of the aliases) once per distinct spelling,
        // not once per row: a catalogue uses a handful of spellings.
        // No category (or no such column, as for `mirador density`): Other, without a look-up.
        const std::string_view category_text = map.category_values.apply(get(c.category));
        if (category_text.empty()) {
            v.category = IncidentCategory::Other;
        } else {
            auto known = categories.find(category_text);
            if (known == categories.end())
                known = categories.emplace(std::string(category_text), parse_incident_category(category_text)).first;
            if (known->second) {
                v.category = *known->second;
            } else {
                std::string category_warning;
                v.category = detail::category_or_other(category_text, &category_warning);
                warnings.push_back(std::move(category_warning));
            }
        }

        detail::split_actors(get(c.actors), map.actor_separator, actors);
        for (const int more : c.more_actors) detail::append_actors(get(more), map.actor_separator, actors);
        v.actors = actors;
        v.id = get(c.id);
        v.state = get(c.state);
        v.source = get(c.source);
        v.notes = get(c.notes);
        v.source_row = static_cast<std::uint32_t>(rec.line);
        builder.add(v);
        for (auto& w : warnings) report(std::move(w));
    }
    if constexpr (kCleanOnly<Sink>)
        if (give_up() && cancel) cancel->store(true, std::memory_order_relaxed);
}

}  // namespace

namespace {
template <class Sink>
Result<bool> parse_into(std::string_view text, bool mapped, const std::string& name, std::vector<std::string>* problems,
                        const IncidentCsvOptions& options, Sink& builder);
}  // namespace

Result<CsvColumnMapping> parse_column_mapping(std::string_view text, const std::string& name) {
    if (auto ok = check_text_encoding(text.substr(0, 512), name); !ok) return make_error(ok.error());
    CsvColumnMapping m;
    std::size_t line = 0;
    while (!text.empty()) {
        ++line;
        const auto nl = text.find('\n');
        std::string_view l = trim(text.substr(0, nl));
        text.remove_prefix(nl == std::string_view::npos ? text.size() : nl + 1);
        if (line == 1 && l.substr(0, 3) == "\xEF\xBB\xBF") l = trim(l.substr(3));
        if (l.empty() || l.front() == '#') continue;
        const auto eq = l.find('=');
        if (eq == std::string_view::npos)
            return make_error(at(name, line) + "expected field=column, got '" + std::string(l) + "'");
        const std::string_view key = trim(l.substr(0, eq));
        std::string_view value = trim(l.substr(eq + 1));
        // "notes = "Descripción del hecho"": quotes allowed around a column name.
        if (value.size() >= 2 && value.front() == '"' && value.back() == '"') value = value.substr(1, value.size() - 2);
        if (const auto dot = key.find('.'); dot != std::string_view::npos) {
            const std::string_view field = trim(key.substr(0, dot)), from = trim(key.substr(dot + 1));
            const ValueMapSpec* spec = nullptr;
            for (const ValueMapSpec& vm : kValueMaps)
                if (iequals(field, vm.name)) spec = &vm;
            if (!spec)
                return make_error(at(name, line) + "'" + std::string(field) +
                                  "' takes no value map (value maps are for category, date_precision, location_precision)");
            if (!spec->known(value))
                return make_error(at(name, line) + std::string(spec->name) + " value '" + std::string(value) +
                                  "' is not one Mirador knows (" + spec->values + ")");
            ValueMap& vm = m.*(spec->map);
            if (from == "*") vm.otherwise = std::string(value);
            else vm.entries.emplace_back(std::string(from), std::string(value));
            continue;
        }
        if (iequals(key, "delimiter") || iequals(key, "actor_separator")) {
            auto c = parse_separator(value);
            if (!c) return make_error(at(name, line) + std::string(key) + ": " + c.error());
            (iequals(key, "delimiter") ? m.delimiter : m.actor_separator) = c.value();
            continue;
        }
        bool known = false;
        for (const FieldSpec& f : kFields)
            if (iequals(key, f.name)) {
                if (value.empty())
                    return make_error(at(name, line) + "'" + std::string(l) + "' names no column for " + f.name +
                                      " (write the column's name after '=', or remove the line)");
                m.*f.column = std::string(value);
                m.named.emplace_back(f.name);
                known = true;
            }
        if (!known)
            return make_error(at(name, line) + "unknown field '" + std::string(key) + "' (fields: " + field_list() + ")");
    }
    return m;
}

const std::string* CsvColumnMapping::column_of(std::string_view field) const {
    for (const FieldSpec& f : kFields)
        if (field == f.name) return &(this->*f.column);
    return nullptr;
}

std::optional<MissingColumn> first_missing_named_column(const CsvColumnMapping& m,
                                                        const std::function<bool(const std::string&)>& has_column,
                                                        bool skip_position) {
    for (const std::string& field : m.named) {
        if (skip_position && (field == "lon" || field == "lat")) continue;
        const std::string* column = m.column_of(field);
        // An emptied column is one the caller chose not to read.
        if (!column || column->empty()) continue;
        // "actors" may name several columns.
        const std::vector<std::string> columns =
            field == "actors" ? detail::actor_columns(*column, has_column) : std::vector<std::string>{*column};
        for (const std::string& c : columns)
            if (!has_column(c)) return MissingColumn{field, c};
    }
    return std::nullopt;
}

std::string_view ValueMap::apply(std::string_view value) const {
    if (value.empty() || empty()) return value;
    for (const auto& [from, to] : entries)
        if (from == value) return to;
    for (const auto& [from, to] : entries)
        if (iequals(from, value)) return to;
    return otherwise ? std::string_view(*otherwise) : value;
}

Result<CsvColumnMapping> load_column_mapping(const std::string& path) {
    auto text = read_whole_file(path);
    if (!text) return make_error(text.error());
    return parse_column_mapping(text.value(), path);
}

Result<IncidentStore> load_incident_csv(const std::string& path, std::vector<std::string>* problems,
                                        const IncidentCsvOptions& options) {
    // A large regular file is mapped, not copied: reading 1.3 GB into a string cost a copy,
    // page faults on fresh memory and that much more peak memory. The pages are not populated
    // up front (MAP_POPULATE): the parser hands back those it has read, and faulting them in as
    // it goes costs less than the serial populate did. Anything else (small, empty, a failed
    // map) goes through read_whole_file, which also words the errors.
    {
        std::error_code ec;
        const bool regular = std::filesystem::is_regular_file(path, ec);
        const auto size = regular ? std::filesystem::file_size(path, ec) : 0;
        if (!ec && size >= (std::uintmax_t{1} << 20)) {
            if (auto mapped = MappedFile::open(path)) {
                IncidentStoreBuilder builder;
                std::vector<std::string> found;
                auto parsed = parse_into(mapped->text(), true, path, &found, options, builder);
                // Another program rewrote the file while it was read: what was read mixes two
                // files (or zeros where the end went). Nothing of it is used.
                if (mapped->changed())
                    return make_error(path + ": the file changed while it was being read (another program is writing "
                                             "it?); load it again once it is complete");
                if (problems) problems->insert(problems->end(), found.begin(), found.end());
                if (!parsed) return make_error(parsed.error());
                return builder.finish();
            }
        }
    }
    auto text = read_whole_file(path);
    if (!text) return make_error(text.error());
    return parse_incident_csv(text.value(), path, problems, options);
}

bool ids_may_repeat(std::span<const std::size_t> id_hashes) { return detail::any_repeated_hash(id_hashes); }

std::optional<IncidentPositions> read_clean_incident_positions(const std::string& path, const IncidentCsvOptions& options,
                                                               IdCheck ids) {
    PositionSink sink;
    std::error_code ec;
    const auto size = std::filesystem::is_regular_file(path, ec) ? std::filesystem::file_size(path, ec) : 0;
    if (!ec && size >= (std::uintmax_t{1} << 20)) {
        auto mapped = MappedFile::open(path);
        if (!mapped) return std::nullopt;
        sink.reserve(static_cast<std::size_t>(size / 32));
        auto parsed = parse_into(mapped->text(), true, path, nullptr, options, sink);
        if (!parsed || !*parsed || mapped->changed()) return std::nullopt;
    } else {
        auto text = read_whole_file(path);
        if (!text) return std::nullopt;
        auto parsed = parse_into(std::string_view(*text), false, path, nullptr, options, sink);
        if (!parsed || !*parsed) return std::nullopt;
    }
    if (ids == IdCheck::Caller) {
        sink.out.id_hashes = std::move(sink.id_hashes);
    } else if (detail::any_repeated_hash(sink.id_hashes)) {
        return std::nullopt;
    }
    return std::move(sink.out);
}

namespace {

// The rows of `text` into `builder` (not finished, so that the caller can let go of the text
// first). True on success; for a PositionSink, false where it gave up.
template <class Sink>
Result<bool> parse_into(std::string_view text, bool mapped, const std::string& name, std::vector<std::string>* problems,
                        const IncidentCsvOptions& options, Sink& builder) {
    const CsvColumnMapping& map = options.columns;
    CsvOptions csv;
    csv.delimiter = map.delimiter;
    if (auto ok = check_text_encoding(text.substr(0, 512), name); !ok) return make_error(ok.error());
    CsvReader reader(text, csv);
    if (trim(reader.text()).empty()) return make_error(name + ": empty file (expected a header line and incidents)");

    // The header: the first line that is not blank.
    CsvRecord rec;
    while (reader.next(rec) && rec.ok() && rec.size() == 1 && trim(rec[0]).empty()) {
    }
    if (!rec.ok()) return make_error(at(name, rec.line) + "header: " + rec.error);
    std::vector<std::string> header;
    for (std::string_view f : rec.fields) header.push_back(ensure_utf8(trim(f)));
    const std::size_t field_count = header.size();

    Columns c;
    c.id = find_column(header, map.id);
    c.date = find_column(header, map.date);
    c.date_end = find_column(header, map.date_end);
    c.date_precision = find_column(header, map.date_precision);
    c.location_precision = find_column(header, map.location_precision);
    c.time = find_column(header, map.time);
    c.place = find_column(header, map.place);
    c.state = find_column(header, map.state);
    c.lon = find_column(header, map.lon);
    c.lat = find_column(header, map.lat);
    c.category = find_column(header, map.category);
    const auto actor_columns =
        detail::actor_columns(map.actors, [&](const std::string& n) { return find_column(header, n) >= 0; });
    for (const std::string& a : actor_columns) {
        const int col = find_column(header, a);
        if (col < 0) continue;
        if (c.actors < 0) c.actors = col;
        else c.more_actors.push_back(col);
    }
    c.fatalities = find_column(header, map.fatalities);
    c.injured = find_column(header, map.injured);
    c.source = find_column(header, map.source);
    c.notes = find_column(header, map.notes);

    const std::string has = std::string(" (the header has: ").append(joined(header)).append(")");
    if (const auto missing =
            first_missing_named_column(map, [&](const std::string& column) { return find_column(header, column) >= 0; }))
        return make_error(name + ": the mapping names column '" + missing->column + "' for " + missing->field +
                          ", and the file has no such column" + has);
    if (c.date < 0) return make_error(name + ": missing column '" + map.date + "' (the incident date)" + has);
    if ((c.lon < 0) != (c.lat < 0)) {
        const std::string& missing = c.lon < 0 ? map.lon : map.lat;
        return make_error(name + ": missing column '" + missing + "' (lon and lat come together)" + has);
    }
    if (c.lon < 0 && c.place < 0)
        return make_error(name + ": missing column '" + map.lon + "' and '" + map.lat + "', or '" + map.place +
                          "' (each incident needs coordinates or a place)" + has);

    // Large files are parsed in two halves on two threads (the project's machine has two cores;
    // one thread managed about 1.2M rows/s, the target is 2M). Each half gets its own builder
    // and string pool, merged after. The second half starts after the first line end past the
    // middle, a guess: that line end may be inside a quoted field. This thread reads on from
    // the header as if alone and stops at the cut; if it stops exactly there, reading the whole
    // file on one thread would have reached a record boundary there too, and the second half is
    // what it would have read after. If a record runs across the cut, the guess was wrong: the
    // second half is dropped and this thread reads on to the end. (Counting quotes up to the
    // middle would make the guess exact, but took longer than the whole merge of the halves.)
    // Small files stay on one thread.
    const std::size_t start = reader.offset();
    const std::string_view rows = reader.text().substr(start);
    std::vector<RowProblem> first_problems;
    if (options.parallel && !rows.empty() && rows.size() >= options.parallel_min_bytes) {
        const std::size_t nl = rows.find('\n', rows.size() / 2);
        const std::size_t cut = nl == std::string_view::npos ? rows.size() : nl + 1;
        // Columns reserved from the line length of the first 256 KB (a little over): growing
        // them by doubling copied gigabytes at 10M rows and held old and new at once. Unused
        // capacity is not touched, so costs no memory.
        const std::string_view sample = rows.substr(0, std::size_t{1} << 18);
        const auto lines = static_cast<std::size_t>(std::count(sample.begin(), sample.end(), '\n'));
        const double per_byte = static_cast<double>(lines + 1) / static_cast<double>(sample.size()) * 1.1;
        Sink second_builder;
        builder.reserve(static_cast<std::size_t>(per_byte * static_cast<double>(rows.size())) + 1024);
        second_builder.reserve(static_cast<std::size_t>(per_byte * static_cast<double>(rows.size() - cut)) + 1024);
        std::vector<RowProblem> second_problems;
        std::atomic<bool> cancel{false};
        std::thread worker([&] {
            // Lines counted from 1 here, shifted after. Not the file's start: a line that begins
            // with a byte order mark (files joined with cat) keeps it, as on one thread.
            CsvOptions middle = csv;
            middle.file_start = false;
            CsvReader r(rows.substr(cut), middle);
            parse_rows(r, std::string_view::npos, &cancel, mapped, options, c, field_count, second_builder,
                       second_problems);
        });
        parse_rows(reader, start + cut, kCleanOnly<Sink> ? &cancel : nullptr, mapped, options, c, field_count, builder,
                   first_problems);
        const bool at_cut = reader.offset() == start + cut;
        if (!at_cut) cancel = true;
        worker.join();
        if constexpr (kCleanOnly<Sink>)
            if (!first_problems.empty() || !second_problems.empty() || builder.gave_up() || second_builder.gave_up())
                return false;
        if (at_cut) {
            second_builder.shift_source_rows(static_cast<std::uint32_t>(reader.line() - 1));
            builder.append(std::move(second_builder));
            add_problems(first_problems, name, reader.text(), csv, 0, problems);
            add_problems(second_problems, name, rows.substr(cut), csv, reader.line() - 1, problems);
            return true;
        }
    }
    parse_rows(reader, std::string_view::npos, nullptr, mapped, options, c, field_count, builder, first_problems);
    if constexpr (kCleanOnly<Sink>)
        if (!first_problems.empty() || builder.gave_up()) return false;
    add_problems(first_problems, name, reader.text(), csv, 0, problems);
    return true;
}

}  // namespace

Result<IncidentStore> parse_incident_csv(std::string_view text, const std::string& name, std::vector<std::string>* problems,
                                         const IncidentCsvOptions& options) {
    IncidentStoreBuilder builder;
    auto parsed = parse_into(text, false, name, problems, options, builder);
    if (!parsed) return make_error(parsed.error());
    return builder.finish();
}

}  // namespace mirador::geo
