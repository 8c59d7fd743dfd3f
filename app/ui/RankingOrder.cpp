#include "ui/RankingOrder.hpp"

#include <algorithm>
#include <numeric>

#include "mirador/geo/Text.hpp"

namespace mirador {

std::vector<std::size_t> ranking_ranks(const std::vector<geo::AggregationRow>& rows) {
    std::vector<std::size_t> rank(rows.size(), 0);
    for (std::size_t r = 0, n = 0; r < rows.size(); ++r)
        if (rows[r].kind == geo::AggregationRow::Kind::Unit) rank[r] = ++n;
    return rank;
}

std::vector<std::string> ranking_name_keys(const geo::Boundaries& b) {
    std::vector<std::string> keys;
    keys.reserve(b.municipalities.attributes.size());
    for (const auto& a : b.municipalities.attributes) keys.push_back(geo::fold_for_search(a.name));
    return keys;
}

std::vector<std::size_t> ranking_order(const std::vector<geo::AggregationRow>& rows, RankingSort sort,
                                       const std::vector<std::string>& name_keys) {
    std::vector<std::size_t> order(rows.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    if (sort.column == RankingColumn::Rank) {
        // The rank is fixed by incidents: ascending is the ranking, descending its reverse, the
        // rows without a rank last either way.
        if (!sort.ascending) {
            const auto units = std::stable_partition(order.begin(), order.end(), [&](std::size_t r) {
                return rows[r].kind == geo::AggregationRow::Kind::Unit;
            });
            std::reverse(order.begin(), units);
        }
        return order;
    }
    const auto is_unit = [&](std::size_t r) { return rows[r].kind == geo::AggregationRow::Kind::Unit; };
    const auto has_value = [&](std::size_t r) {
        if (sort.column == RankingColumn::Municipality) return is_unit(r);
        if (sort.column == RankingColumn::Rate) return is_unit(r) && rows[r].count->rate_per_100k.has_value();
        return true;
    };
    const auto less = [&](std::size_t x, std::size_t y) {
        const geo::UnitCount& a = *rows[x].count;
        const geo::UnitCount& b = *rows[y].count;
        switch (sort.column) {
            case RankingColumn::Municipality: return name_keys[a.unit] < name_keys[b.unit];
            case RankingColumn::Fatalities: return a.fatalities < b.fatalities;
            case RankingColumn::Rate: return *a.rate_per_100k < *b.rate_per_100k;
            default: return a.incidents < b.incidents;
        }
    };
    const auto valued_end = std::stable_partition(order.begin(), order.end(), has_value);
    std::stable_sort(order.begin(), valued_end,
                     [&](std::size_t x, std::size_t y) { return sort.ascending ? less(x, y) : less(y, x); });
    return order;
}

}  // namespace mirador
