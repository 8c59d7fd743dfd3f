#include "mirador/geo/CountTable.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <unordered_map>

#include "mirador/geo/CsvReader.hpp"
#include "mirador/geo/IncidentDate.hpp"
#include "mirador/geo/MappedFile.hpp"
#include "mirador/geo/Text.hpp"

namespace mirador::geo {

namespace {

constexpr const char* kMonthNames[] = {"enero", "febrero", "marzo",      "abril",   "mayo",      "junio",
                                       "julio", "agosto",  "septiembre", "octubre", "noviembre", "diciembre"};

std::string_view trimmed(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
    return s;
}

std::string trim(std::string_view s) { return std::string(trimmed(s)); }

// The cell parsers below work on views: they run on every cell of tables of 10^5 rows.
std::optional<long> parse_int(std::string_view s) {
    const std::string_view t = trimmed(s);
    long v = 0;
    const auto [end, ec] = std::from_chars(t.data(), t.data() + t.size(), v);
    if (t.empty() || ec != std::errc() || end != t.data() + t.size()) return std::nullopt;
    return v;
}

// NaN for "NA" or an empty cell (reported as not available); nothing for text that is no number.
std::optional<double> parse_count(std::string_view s) {
    const std::string_view t = trimmed(s);
    if (t.empty() || t == "NA" || t == "N/A" || t == "na") return std::nan("");
    std::string with_separators;
    std::string_view digits = t;
    if (t.find(',') != std::string_view::npos) {
        for (const char c : t)
            if (c != ',') with_separators += c;  // thousands separators, as spreadsheets export them
        digits = with_separators;
    }
    double v = 0;
    const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), v);
    if (ec != std::errc() || end != digits.data() + digits.size() || !std::isfinite(v) || v < 0) return std::nullopt;
    return v;
}

// "1001" -> "01001"; a state "8" -> "08". Codes are digits; nothing for anything else.
std::optional<std::string> normalise_code(std::string_view s, CountLevel level) {
    const std::string_view t = trimmed(s);
    if (t.empty() || t.size() > 5 || !std::all_of(t.begin(), t.end(), [](char c) { return c >= '0' && c <= '9'; }))
        return std::nullopt;
    const std::size_t width = level == CountLevel::State ? 2 : 5;
    if (t.size() > width) return std::nullopt;
    std::string code(width - t.size(), '0');
    return code.append(t);
}

long find_column(const std::vector<std::string>& folded, const std::string& wanted,
                 std::initializer_list<const char*> usual) {
    if (!wanted.empty()) {
        const std::string w = fold_for_search(wanted);
        for (std::size_t c = 0; c < folded.size(); ++c)
            if (folded[c] == w) return static_cast<long>(c);
        return -2;  // named but absent
    }
    for (const char* u : usual)
        for (std::size_t c = 0; c < folded.size(); ++c)
            if (folded[c] == u) return static_cast<long>(c);
    return -1;
}

struct Builder {
    CountTable t;
    std::unordered_map<std::string, std::uint32_t> unit_index;
    std::vector<std::unordered_map<std::string, std::uint32_t>> category_index;
    std::uint32_t last_unit = 0;

    std::uint32_t unit(const std::string& code, std::string_view name) {
        // Rows come grouped by unit in every table we know: the last one is most often the one.
        if (!t.unit_codes.empty() && t.unit_codes[last_unit] == code) return last_unit;
        if (const auto found = unit_index.find(code); found != unit_index.end()) return last_unit = found->second;
        const auto [it, added] = unit_index.emplace(code, static_cast<std::uint32_t>(t.unit_codes.size()));
        if (added) {
            t.unit_codes.push_back(code);
            t.unit_names.push_back(trim(name));
        }
        return last_unit = it->second;
    }
    void add(std::uint32_t u, std::int32_t month, double count, const std::vector<std::string_view>& cats) {
        t.rows.push_back({u, month, count});
        for (std::size_t c = 0; c < cats.size(); ++c) {
            const std::string v = trim(cats[c]);
            const auto [it, added] =
                category_index[c].try_emplace(v, static_cast<std::uint32_t>(t.category_values[c].size()));
            if (added) t.category_values[c].push_back(v);
            t.row_categories.push_back(it->second);
        }
        t.first_month = t.rows.size() == 1 ? month : std::min(t.first_month, month);
        t.last_month = t.rows.size() == 1 ? month : std::max(t.last_month, month);
    }
    void set_categories(std::vector<std::string> names) {
        t.category_columns = std::move(names);
        t.category_values.resize(t.category_columns.size());
        category_index.resize(t.category_columns.size());
    }
    // A record to read: not blank, well formed, as many fields as the header (else reported).
    bool usable(const CsvRecord& r, std::size_t fields) {
        if (r.size() == 1 && trim(r[0]).empty()) return false;
        if (!r.ok()) {
            bad(r.line, r.error);
            return false;
        }
        if (r.size() != fields) {
            bad(r.line, std::to_string(r.size()) + " fields where the header has " + std::to_string(fields));
            return false;
        }
        return true;
    }
    void bad(std::size_t line, const std::string& why) {
        t.warnings.push_back(t.source + ":" + std::to_string(line) + ": " + why + "; row skipped");
    }
};

}  // namespace

Result<CountLayout> parse_count_layout(const std::string& text) {
    if (text == "long") return CountLayout::Long;
    if (text == "sesnsp") return CountLayout::Sesnsp;
    if (text == "inegi") return CountLayout::Inegi;
    if (text.empty() || text == "auto") return CountLayout::Auto;
    return make_error("--counts-layout is long, sesnsp or inegi, not '" + text + "'");
}

Result<CountMapping> parse_count_mapping(const std::string& text, const std::string& name) {
    CountMapping m;
    std::size_t line = 0, pos = 0;
    while (pos <= text.size()) {
        const std::size_t end = std::min(text.find('\n', pos), text.size());
        std::string l = text.substr(pos, end - pos);
        pos = end + 1;
        ++line;
        if (const auto hash = l.find('#'); hash != std::string::npos) l.resize(hash);
        l = trim(l);
        if (l.empty()) continue;
        const auto eq = l.find('=');
        if (eq == std::string::npos)
            return make_error(name + ":" + std::to_string(line) + ": expected field=column, got '" + l + "'");
        const std::string field = trim(l.substr(0, eq)), column = trim(l.substr(eq + 1));
        std::string* slot = field == "unit"     ? &m.unit
                            : field == "year"   ? &m.year
                            : field == "month"  ? &m.month
                            : field == "period" ? &m.period
                            : field == "count"  ? &m.count
                            : field == "name"   ? &m.name
                                                : nullptr;
        if (slot) *slot = column;
        else if (field == "category") m.categories.push_back(column);
        else
            return make_error(name + ":" + std::to_string(line) + ": unknown field '" + field +
                              "' (unit, year, month, period, count, name, category)");
    }
    return m;
}

long CountTable::find_unit(const std::string& code) const {
    const auto it = std::find(unit_codes.begin(), unit_codes.end(), code);
    return it == unit_codes.end() ? -1 : static_cast<long>(it - unit_codes.begin());
}

namespace {

Result<CountTable> read_long(Builder& b, CsvReader& reader, const std::vector<std::string>& header,
                             const std::vector<std::string>& folded, const CountMapping& m) {
    const long unit = find_column(folded, m.unit, {"cvegeo", "cve geo", "clave", "unit", "code", "cve ent", "clave ent"});
    const long year = find_column(folded, m.year, {"year", "ano", "anio", "year reg", "ano reg"});
    const long month = find_column(folded, m.month, {"month", "mes", "month reg", "mes reg"});
    const long period = find_column(folded, m.period, {"period", "periodo", "fecha", "date"});
    const long count =
        find_column(folded, m.count, {"count", "victims", "victimas", "homicides", "homicidios", "deaths",
                                      "defunciones", "incidencia", "total", "value", "valor"});
    const long name = find_column(folded, m.name, {"nomgeo", "nom mun", "name", "nombre", "municipio", "entidad"});
    const std::string where = b.t.source + ": ";
    if (unit < 0) return make_error(where + "no unit column (cvegeo, CVE_ENT ...; or unit= in the mapping)");
    if (count < 0) return make_error(where + "no count column (count, VICTIMS, HOMICIDES ...; or count= in the mapping)");
    if (period < 0 && year < 0) return make_error(where + "no period column and no year column");
    std::vector<long> cats;
    if (!m.categories.empty()) {
        for (const auto& c : m.categories) {
            const long k = find_column(folded, c, {});
            if (k < 0) return make_error(where + "no category column '" + c + "'");
            cats.push_back(k);
        }
    } else {
        for (long c = 0; c < static_cast<long>(folded.size()); ++c) {
            const bool used = c == unit || c == year || c == month || c == period || c == count || c == name;
            const bool key = folded[c].rfind("cve", 0) == 0 || folded[c].rfind("clave", 0) == 0;
            if (!used && !key) cats.push_back(c);
        }
    }
    std::vector<std::string> cat_names;
    for (const long c : cats) cat_names.push_back(header[static_cast<std::size_t>(c)]);
    b.set_categories(cat_names);
    // The level follows the unit column's name, or its codes' width.
    const bool state_column = folded[static_cast<std::size_t>(unit)] == "cve ent" ||
                              folded[static_cast<std::size_t>(unit)] == "clave ent";
    b.t.level = state_column ? CountLevel::State : CountLevel::Municipality;
    bool level_known = state_column;
    bool monthly_known = false;
    CsvRecord r;
    std::vector<std::string_view> cat_values(cats.size());
    while (reader.next(r)) {
        if (!b.usable(r, header.size())) continue;
        if (!level_known) {
            const std::string t = trim(r[static_cast<std::size_t>(unit)]);
            b.t.level = t.size() <= 2 ? CountLevel::State : CountLevel::Municipality;
            level_known = true;
        }
        const auto code = normalise_code(r[static_cast<std::size_t>(unit)], b.t.level);
        if (!code) {
            b.bad(r.line, "unit code '" + std::string(r[static_cast<std::size_t>(unit)]) + "' is not a " +
                              (b.t.level == CountLevel::State ? "state code (1-2 digits)" : "municipality code (4-5 digits)"));
            continue;
        }
        std::int32_t m_index = 0;
        bool row_monthly = true;
        if (period >= 0) {
            auto d = parse_incident_date(r[static_cast<std::size_t>(period)]);
            if (!d || d->precision == DatePrecision::Day) {
                b.bad(r.line, d ? "period '" + std::string(r[static_cast<std::size_t>(period)]) +
                                      "' is a day; a count table's period is a month (2019-10) or a year (2019)"
                                : d.error());
                continue;
            }
            const CivilDate c = civil_from_days(d->day_start);
            m_index = c.year * 12 + c.month - 1;
            row_monthly = d->precision == DatePrecision::Month;
        } else {
            const auto y = parse_int(r[static_cast<std::size_t>(year)]);
            const auto mo = month >= 0 ? parse_int(r[static_cast<std::size_t>(month)]) : std::optional<long>(1);
            if (!y || *y < 1800 || *y > 2200) {
                b.bad(r.line, "year '" + std::string(r[static_cast<std::size_t>(year)]) + "' is not a year");
                continue;
            }
            if (!mo || *mo < 1 || *mo > 12) {
                b.bad(r.line, "month '" + std::string(r[static_cast<std::size_t>(month)]) + "' is not 1-12");
                continue;
            }
            m_index = static_cast<std::int32_t>(*y * 12 + *mo - 1);
            row_monthly = month >= 0;
        }
        if (!monthly_known) {
            b.t.monthly = row_monthly;
            monthly_known = true;
        } else if (row_monthly != b.t.monthly) {
            b.bad(r.line, b.t.monthly ? "a year where the table gives months" : "a month where the table gives years");
            continue;
        }
        const auto value = parse_count(r[static_cast<std::size_t>(count)]);
        if (!value) {
            b.bad(r.line, "count '" + std::string(r[static_cast<std::size_t>(count)]) + "' is not a number >= 0 or NA");
            continue;
        }
        for (std::size_t c = 0; c < cats.size(); ++c) cat_values[c] = r[static_cast<std::size_t>(cats[c])];
        const std::uint32_t u = b.unit(*code, name >= 0 ? r[static_cast<std::size_t>(name)] : std::string_view());
        b.add(u, m_index, *value, cat_values);
    }
    return std::move(b.t);
}

Result<CountTable> read_sesnsp(Builder& b, CsvReader& reader, const std::vector<std::string>& header,
                               const std::vector<std::string>& folded) {
    const std::string where = b.t.source + ": ";
    const long year = find_column(folded, "", {"ano", "anio", "year"});
    const long unit = find_column(folded, "", {"cve municipio", "clave municipio", "cve mun"});
    const long name = find_column(folded, "", {"municipio"});
    if (year < 0 || unit < 0) return make_error(where + "SESNSP's municipal layout needs the columns Año and Cve. Municipio");
    long months[12];
    for (int m = 0; m < 12; ++m) {
        months[m] = find_column(folded, "", {kMonthNames[m]});
        if (months[m] < 0) return make_error(where + "SESNSP's municipal layout has no column " + kMonthNames[m]);
    }
    std::vector<long> cats;
    std::vector<std::string> cat_names;
    for (const char* c : {"bien juridico afectado", "tipo de delito", "subtipo de delito", "modalidad"})
        if (const long k = find_column(folded, "", {c}); k >= 0) {
            cats.push_back(k);
            cat_names.push_back(header[static_cast<std::size_t>(k)]);
        }
    b.set_categories(cat_names);
    b.t.level = CountLevel::Municipality;
    CsvRecord r;
    std::vector<std::string_view> cat_values(cats.size());
    while (reader.next(r)) {
        if (!b.usable(r, header.size())) continue;
        const auto y = parse_int(r[static_cast<std::size_t>(year)]);
        const auto code = normalise_code(r[static_cast<std::size_t>(unit)], CountLevel::Municipality);
        if (!y || *y < 1800 || *y > 2200 || !code) {
            b.bad(r.line, !code ? "Cve. Municipio '" + std::string(r[static_cast<std::size_t>(unit)]) + "' is not a municipality code"
                                : "Año '" + std::string(r[static_cast<std::size_t>(year)]) + "' is not a year");
            continue;
        }
        double values[12];
        bool ok = true;
        for (int m = 0; m < 12 && ok; ++m) {
            const auto v = parse_count(r[static_cast<std::size_t>(months[m])]);
            if (!v) {
                b.bad(r.line, std::string(kMonthNames[m]) + " '" + std::string(r[static_cast<std::size_t>(months[m])]) +
                                  "' is not a number >= 0 or NA");
                ok = false;
            } else {
                values[m] = *v;
            }
        }
        if (!ok) continue;
        for (std::size_t c = 0; c < cats.size(); ++c) cat_values[c] = r[static_cast<std::size_t>(cats[c])];
        const std::uint32_t u = b.unit(*code, name >= 0 ? r[static_cast<std::size_t>(name)] : std::string_view());
        for (int m = 0; m < 12; ++m) b.add(u, static_cast<std::int32_t>(*y * 12 + m), values[m], cat_values);
    }
    return std::move(b.t);
}

Result<CountTable> read_layout(Builder& b, CsvReader& reader, const std::vector<std::string>& header,
                               const std::vector<std::string>& folded, CountLayout layout, const CountMapping& mapping,
                               const std::string& path);

}  // namespace

Result<CountTable> load_count_table(const std::string& path, CountLayout layout, const CountMapping& mapping) {
    // Mapped, not read: no copy of the file, and a file rewritten while we read it is reported.
    auto mapped = MappedFile::open(path);
    if (!mapped) return make_error(mapped.error());
    // Valid UTF-8 is used in place; anything else is Latin-1 (SESNSP's and INEGI's exports).
    const bool recoded = !is_valid_utf8(mapped->text());
    const std::string converted = recoded ? latin1_to_utf8(mapped->text()) : std::string();
    const std::string_view text = recoded ? std::string_view(converted) : mapped->text();
    Builder b;
    b.t.source = path;
    if (recoded) b.t.warnings.push_back(path + ": not UTF-8; read as Latin-1 (ISO-8859-1)");
    CsvReader reader(text);
    CsvRecord r;
    if (!reader.next(r) || !r.ok()) return make_error(path + ": no header row");
    b.t.rows.reserve(text.size() / 32);  // INEGI's rows are about 36 bytes
    std::vector<std::string> header, folded;
    for (const auto f : r.fields) {
        header.push_back(trim(f));
        folded.push_back(fold_for_search(trim(f)));
    }
    if (layout == CountLayout::Auto) {
        const bool wide = find_column(folded, "", {"enero"}) >= 0 && find_column(folded, "", {"diciembre"}) >= 0;
        layout = wide ? CountLayout::Sesnsp : CountLayout::Long;
    }
    auto result = read_layout(b, reader, header, folded, layout, mapping, path);
    if (result && mapped->changed()) return make_error(path + ": the file changed while it was read; try again");
    return result;
}

namespace {

Result<CountTable> read_layout(Builder& b, CsvReader& reader, const std::vector<std::string>& header,
                               const std::vector<std::string>& folded, CountLayout layout, const CountMapping& mapping,
                               const std::string& path) {
    switch (layout) {
    case CountLayout::Sesnsp: return read_sesnsp(b, reader, header, folded);
    case CountLayout::Inegi: {
        if (find_column(folded, "", {"year reg"}) < 0 || find_column(folded, "", {"homicides"}) < 0)
            return make_error(path + ": INEGI's homicide table has the columns YEAR_REG,MONTH_REG,CVEGEO,...,HOMICIDES");
        CountMapping m;
        m.unit = "CVEGEO";
        m.year = "YEAR_REG";
        m.month = "MONTH_REG";
        m.count = "HOMICIDES";
        m.name = "NOM_MUN";
        return read_long(b, reader, header, folded, m);
    }
    default: return read_long(b, reader, header, folded, mapping);
    }
}

}  // namespace

Result<CountFilter> parse_count_filters(const std::vector<std::string>& texts, const CountTable& table) {
    CountFilter f;
    for (const auto& t : texts) {
        const auto eq = t.find('=');
        if (eq == std::string::npos) return make_error("--filter '" + t + "': expected COLUMN=VALUE");
        const std::string column = fold_for_search(t.substr(0, eq)), value = fold_for_search(t.substr(eq + 1));
        bool found = false;
        for (std::size_t c = 0; c < table.category_columns.size() && !found; ++c)
            if (fold_for_search(table.category_columns[c]) == column) {
                found = true;
                bool any = false;
                for (const auto& v : table.category_values[c]) any |= fold_for_search(v) == value;
                if (!any) {
                    std::string known;
                    for (std::size_t k = 0; k < table.category_values[c].size() && k < 12; ++k)
                        known += (k ? ", " : "") + table.category_values[c][k];
                    return make_error("--filter '" + t + "': " + table.source + " has no such value in " +
                                      table.category_columns[c] + " (" + known +
                                      (table.category_values[c].size() > 12 ? ", ..." : "") + ")");
                }
            }
        if (!found) {
            std::string known;
            for (const auto& c : table.category_columns) known += (known.empty() ? "" : ", ") + c;
            return make_error("--filter '" + t + "': " + table.source + " has no category column '" + t.substr(0, eq) +
                              "' (" + (known.empty() ? "none" : known) + ")");
        }
        f.equals.push_back({column, value});
    }
    return f;
}

std::vector<std::uint8_t> rows_passing(const CountTable& table, const CountFilter& filter) {
    const std::size_t nc = table.category_columns.size();
    std::vector<std::uint8_t> pass(table.rows.size(), 1);
    for (const auto& [column, value] : filter.equals) {
        for (std::size_t c = 0; c < nc; ++c) {
            if (fold_for_search(table.category_columns[c]) != column) continue;
            std::vector<std::uint8_t> accepted(table.category_values[c].size());
            for (std::size_t v = 0; v < accepted.size(); ++v) accepted[v] = fold_for_search(table.category_values[c][v]) == value;
            for (std::size_t r = 0; r < table.rows.size(); ++r) pass[r] &= accepted[table.row_categories[r * nc + c]];
        }
    }
    return pass;
}

Result<MonthWindow> count_window(const std::string& from, const std::string& to, const CountTable& table) {
    MonthWindow w;
    for (const auto* text : {&from, &to}) {
        if (text->empty()) continue;
        const bool is_from = text == &from;
        const char* flag = is_from ? "--from" : "--to";
        auto d = parse_incident_date(*text);
        if (!d) return make_error(std::string(flag) + ": " + d.error());
        const CivilDate start = civil_from_days(d->day_start), end = civil_from_days(d->day_end);
        const bool month_start = start.day == 1, month_end = end.day == days_in_month(end.year, end.month);
        if (d->precision == DatePrecision::Day && (is_from ? !month_start : !month_end))
            return make_error(std::string(flag) + " " + *text + ": " + table.source +
                              " counts whole months; a window is a month, quarter, year or cumulative (e.g. " +
                              flag + " " + format_month(start.year * 12 + start.month - 1) +
                              "), never a part of a month");
        std::int32_t m = is_from ? start.year * 12 + start.month - 1 : end.year * 12 + end.month - 1;
        if (!table.monthly) {
            const bool whole_year = is_from ? m % 12 == 0 : m % 12 == 11;
            if (!whole_year)
                return make_error(std::string(flag) + " " + *text + ": " + table.source +
                                  " counts whole years; give a year (e.g. 2019)");
            m = is_from ? m : m - 11;  // yearly rows sit on January
        }
        (is_from ? w.from : w.to) = m;
    }
    return w;
}

namespace {

bool unplaceable_code(const std::string& code) {
    if (code.size() == 5 && code.compare(2, 3, "999") == 0) return true;
    const int state = std::atoi(code.substr(0, 2).c_str());
    return state < 1 || state > 32;
}

// For each table unit: the boundary unit it counts for, or -1.
std::vector<long> table_to_boundary(const CountTable& table, const std::vector<std::string>& codes) {
    std::unordered_map<std::string, long> index;
    for (std::size_t i = 0; i < codes.size(); ++i) index.emplace(codes[i], static_cast<long>(i));
    const bool to_states = !codes.empty() && codes.front().size() == 2 && table.level == CountLevel::Municipality;
    std::vector<long> map(table.unit_codes.size(), -1);
    for (std::size_t u = 0; u < map.size(); ++u) {
        const std::string key = to_states ? table.unit_codes[u].substr(0, 2) : table.unit_codes[u];
        if (const auto it = index.find(key); it != index.end()) map[u] = it->second;
    }
    return map;
}

}  // namespace

UnitCounts count_units(const CountTable& table, const std::vector<std::string>& codes,
                       const std::vector<std::uint8_t>& passing, MonthWindow window) {
    UnitCounts c;
    c.count.assign(codes.size(), 0.0);
    c.missing.assign(codes.size(), 0);
    c.in_table.assign(codes.size(), 0);
    const auto map = table_to_boundary(table, codes);
    for (const long b : map)
        if (b >= 0) c.in_table[static_cast<std::size_t>(b)] = 1;
    // Per table unit, not per row (10^5 rows, a few thousand units): whether its code is
    // unplaceable, and its sum in the window when it is unplaceable or off the map.
    const std::size_t units = table.unit_codes.size();
    std::vector<std::uint8_t> unplaceable(units), off_map(units, 0);
    std::vector<double> off_map_sum(units, 0.0);
    for (std::size_t u = 0; u < units; ++u) unplaceable[u] = unplaceable_code(table.unit_codes[u]);
    for (std::size_t r = 0; r < table.rows.size(); ++r) {
        const auto& row = table.rows[r];
        if (!passing[r] || row.month < window.from || row.month > window.to) continue;
        const long b = map[row.unit];
        const bool missing = std::isnan(row.count);
        if (!missing) c.total += row.count;
        if (unplaceable[row.unit] || b < 0) {
            off_map[row.unit] = 1;
            off_map_sum[row.unit] += missing ? 0.0 : row.count;
        }
        if (b < 0) continue;
        if (missing) ++c.missing[static_cast<std::size_t>(b)];
        else c.count[static_cast<std::size_t>(b)] += row.count;
    }
    for (std::size_t u = 0; u < units; ++u)
        if (off_map[u]) (unplaceable[u] ? c.unplaceable : c.unknown)[table.unit_codes[u]] = off_map_sum[u];
    return c;
}

std::vector<double> monthly_unit_counts(const CountTable& table, const std::vector<std::string>& codes,
                                        const std::vector<std::uint8_t>& passing, MonthWindow window) {
    const std::size_t months = static_cast<std::size_t>(std::max(0, window.to - window.from + 1));
    std::vector<double> out(months * codes.size(), 0.0);
    const auto map = table_to_boundary(table, codes);
    for (std::size_t r = 0; r < table.rows.size(); ++r) {
        const auto& row = table.rows[r];
        if (!passing[r] || row.month < window.from || row.month > window.to || std::isnan(row.count)) continue;
        const long b = map[row.unit];
        if (b >= 0) out[static_cast<std::size_t>(row.month - window.from) * codes.size() + static_cast<std::size_t>(b)] += row.count;
    }
    return out;
}

std::string format_month(std::int32_t month) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02d", month / 12, month % 12 + 1);
    return buf;
}

}  // namespace mirador::geo
