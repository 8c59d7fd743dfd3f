#pragma once
// An official count table on the map (INEGI's homicides, SESNSP's victims or crime incidence):
// counts per municipality or state and month, filtered by the table's category columns and
// counted over the time window, as UnitTotals that the choropleth, ranking, details panel,
// time bar and hot spots read as they read incidents. The table's rules (geo/CountTable.hpp,
// README "Count tables") hold here too: an absent unit-month is 0, NA is missing and shown as
// such, 999 codes count for their state only, units never in the table are listed, and only
// whole months are counted.
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "document/MapDocument.hpp"
#include "mirador/geo/Boundaries.hpp"
#include "mirador/geo/CountTable.hpp"
#include "mirador/geo/Geocoder.hpp"
#include "mirador/geo/TimeWindow.hpp"
#include "scene/UnitTotals.hpp"

namespace mirador {

struct CountLayer : UnitTotals {
    std::string source;  // the file, for messages
    geo::CountTable table;
    std::vector<std::string> municipality_codes, state_codes;  // the boundary units' codes
    std::vector<std::uint8_t> passing;         // per row: passes the table filters
    std::vector<std::string> filter_texts;     // the filters passing was made from
    std::optional<geo::DayRange> time_window;  // none: every month of the table
    geo::MonthWindow months;                   // the months counted
    geo::DayRange extent{0, -1};               // the days of the table's first to last month
    // Units of the boundary layer that never appear in the whole table: 0 by the table's
    // convention, listed so that the analyst can judge ("Name, State (code)").
    std::vector<std::string> never_in_table;
    // In the window: codes counted for their state only (999, abroad) and codes the boundary
    // layer does not have (another vintage), with their counts.
    std::map<std::string, double> unplaceable, unknown;
    double total = 0;        // every passing count in the window, unplaceable included
    double missing_cells = 0;  // cells of the window reported as NA
    std::string filter_error;  // the last filters' error (empty: none), for the panel

    bool by_state_only() const { return table.level == geo::CountLevel::State; }
    // Applies "COLUMN=VALUE" filters (accents and case ignored). A filter naming no column or
    // value of the table is an error (returned and kept in filter_error; empty: none), and the
    // rows stay as they were.
    std::string apply_filters(const std::vector<std::string>& texts, const geo::Boundaries& b,
                                    const geo::PopulationTable* population);
    // Counts the months the window covers (none: all of them). The window must be whole months
    // (count_window_allowed): anything finer was refused before it got here.
    void set_time_window(std::optional<geo::DayRange> window, const geo::Boundaries& b,
                         const geo::PopulationTable* population);
};

// Whether a time window of this kind can be counted from a table of months (of years): month,
// quarter, year or cumulative of those; never days, weeks or a custom number of days.
bool count_window_allowed(const geo::WindowSpec& spec, bool monthly);

// Reads the table and counts it for the boundary layer, with no filter and all months.
geo::Result<std::unique_ptr<CountLayer>> load_count_layer(const doc::CountSource& source, const geo::Boundaries& b,
                                                          const geo::PopulationTable* population);

}  // namespace mirador
