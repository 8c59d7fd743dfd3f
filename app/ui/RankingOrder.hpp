#pragma once
// The ranking's order, apart from drawing it: which row goes where for the column and direction
// the analyst sorted by. Plain data in, indices out, so the order is tested without a window.
#include <cstddef>
#include <string>
#include <vector>

#include "mirador/geo/Boundaries.hpp"
#include "mirador/geo/IncidentAggregation.hpp"

namespace mirador {

// The ranking table's columns, in the order the table shows them.
enum class RankingColumn { Rank, Municipality, Incidents, Fatalities, Rate };

struct RankingSort {
    RankingColumn column = RankingColumn::Incidents;
    bool ascending = false;
};

// Per row of `rows` (geo::aggregation_rows, most incidents first): 1, 2, 3 ... for the
// municipalities in that order, 0 for the rows placed in no municipality. The rank stays the
// rank by incidents whatever the order shown.
std::vector<std::size_t> ranking_ranks(const std::vector<geo::AggregationRow>& rows);

// Per municipality, the key its name sorts by: folded (geo::fold_for_search), so that Álamos
// sorts among the A's rather than after Zacatecas.
std::vector<std::string> ranking_name_keys(const geo::Boundaries& b);

// Indices into `rows` in the order shown. Ties keep the ranking's order (most incidents first).
// Rows with nothing in the column come last in either direction: the state- and country-level
// rows have no municipality name and no rate, a municipality without population no rate.
// Sorting by rank is the ranking's own order. `name_keys`: ranking_name_keys().
std::vector<std::size_t> ranking_order(const std::vector<geo::AggregationRow>& rows, RankingSort sort,
                                       const std::vector<std::string>& name_keys);

}  // namespace mirador
