#pragma once
// Official count tables as a data source beside incidents: counts per municipality or state and
// month (SESNSP's crime incidence, INEGI's homicide deaths). Three layouts:
//
//   long     one count per row: unit code, year and month (or a period "2019-10" / "2019"),
//            count, and any category columns; columns found by name or by a mapping
//            (`cvegeo,period,count`; SESNSP's state table YEAR,MONTH,CVE_ENT,NOMGEO,SUBTIPO,
//            MODALIDAD,VICTIMS)
//   sesnsp   SESNSP's municipal wide layout: Año, Clave_Ent, Entidad, Cve. Municipio, Municipio,
//            Bien jurídico afectado, Tipo de delito, Subtipo de delito, Modalidad, Enero ...
//            Diciembre (Latin-1 or UTF-8; "NA" for months not yet reported)
//   inegi    INEGI's homicide table YEAR_REG,MONTH_REG,CVEGEO,CVE_ENT,CVE_MUN,NOM_MUN,HOMICIDES
//
// Rules (README, "Count tables"):
//   - a unit-month absent from the table is 0 (tables are sparse); a reported NA is missing;
//   - codes ending in 999 (unspecified municipality) and states 33-35 (abroad, unspecified)
//     are unplaceable: they count for their state (if it is one of the 32) and are listed;
//   - units of the boundary layer that never appear in the table count as 0 and are listed;
//   - only month, quarter, year and cumulative windows: a table of months says nothing about days.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "mirador/geo/Result.hpp"

namespace mirador::geo {

enum class CountLayout { Auto, Long, Sesnsp, Inegi };
[[nodiscard]] Result<CountLayout> parse_count_layout(const std::string& text);

// For the long layout: which column holds what (by header name, case- and accent-insensitive).
// Empty fields are found by their usual names.
struct CountMapping {
    std::string unit, year, month, period, count, name;
    std::vector<std::string> categories;  // empty: every text column that is none of the above
};
// Lines of `field=column`; `category=` may repeat. `name` names the file in messages.
[[nodiscard]] Result<CountMapping> parse_count_mapping(const std::string& text, const std::string& name);

enum class CountLevel { Municipality, State };

struct CountTable {
    std::string source;
    CountLevel level = CountLevel::Municipality;
    bool monthly = true;  // false: the table gives years only
    std::vector<std::string> unit_codes;  // as written with leading zeros: "25006", "08"
    std::vector<std::string> unit_names;  // as the table names them (may be empty)
    std::vector<std::string> category_columns;
    std::vector<std::vector<std::string>> category_values;  // per column, distinct values

    // One row per reported cell (several per unit-month when categories split it).
    struct Row {
        std::uint32_t unit;
        std::int32_t month;  // year * 12 + (month - 1); for a yearly table, year * 12
        double count;        // NaN: reported as NA (missing)
    };
    std::vector<Row> rows;
    std::vector<std::uint32_t> row_categories;  // rows.size() x category_columns.size(), value ids

    std::int32_t first_month = 0, last_month = -1;  // extent of the rows
    std::vector<std::string> warnings;              // bad rows, with file and line

    long find_unit(const std::string& code) const;
};

[[nodiscard]] Result<CountTable> load_count_table(const std::string& path, CountLayout layout,
                                                  const CountMapping& mapping = {});

// "COLUMN=VALUE", matched case- and accent-insensitively against the table's category columns.
struct CountFilter {
    std::vector<std::pair<std::string, std::string>> equals;
};
[[nodiscard]] Result<CountFilter> parse_count_filters(const std::vector<std::string>& texts, const CountTable& table);
// Which rows pass (one byte a row).
std::vector<std::uint8_t> rows_passing(const CountTable& table, const CountFilter& filter);

// Months as the table counts them: [from, to] inclusive, year * 12 + month - 1.
struct MonthWindow {
    std::int32_t from = INT32_MIN, to = INT32_MAX;
};
// --from/--to for a table: whole months ("2019-10", "2019"), or a day that starts (ends) a
// month; anything finer is refused with a message, never spread over days. A yearly table takes
// whole years only.
[[nodiscard]] Result<MonthWindow> count_window(const std::string& from, const std::string& to, const CountTable& table);

// Counts per unit of a boundary layer for a window and filter.
struct UnitCounts {
    std::vector<double> count;           // per boundary unit; 0 when the table has no row
    std::vector<std::uint32_t> missing;  // per unit: months in the window reported as NA
    std::vector<std::uint8_t> in_table;  // the unit appears somewhere in the whole table
    // Codes of the table not in the boundary layer: unplaceable (999, abroad) and others (a
    // boundary layer of another vintage), with their counts in the window.
    std::map<std::string, double> unplaceable, unknown;
    double total = 0;  // every passing row in the window, unplaceable included
};
// `codes` are the boundary units' codes (CVEGEO of municipalities, or of states). For a
// municipal table aggregated to states, pass state codes: a municipality counts for its state,
// 999 codes included.
UnitCounts count_units(const CountTable& table, const std::vector<std::string>& codes,
                       const std::vector<std::uint8_t>& passing, MonthWindow window);

// Month-by-month counts per boundary unit over [window], for the space-time cube: result[m * units + u].
std::vector<double> monthly_unit_counts(const CountTable& table, const std::vector<std::string>& codes,
                                        const std::vector<std::uint8_t>& passing, MonthWindow window);

std::string format_month(std::int32_t month);  // "2019-10"

}  // namespace mirador::geo
