#include "mirador/geo/IncidentAggregation.hpp"

#include <algorithm>
#include <cmath>

#include "mirador/geo/Text.hpp"

namespace mirador::geo {

std::vector<AggregationRow> aggregation_rows(const Aggregation& a) {
    std::vector<AggregationRow> rows;
    rows.reserve(a.units.size() + a.state_level.size() + 1);
    for (const auto& u : a.units) rows.push_back({AggregationRow::Kind::Unit, &u});
    for (const auto& u : a.state_level) rows.push_back({AggregationRow::Kind::StateLevel, &u});
    if (a.country_level.incidents) rows.push_back({AggregationRow::Kind::CountryLevel, &a.country_level});
    // Each list is sorted already and kinds are in tie order: a stable sort on the count merges them.
    std::stable_sort(rows.begin(), rows.end(),
                     [](const AggregationRow& x, const AggregationRow& y) { return x.count->incidents > y.count->incidents; });
    return rows;
}

bool passes(const IncidentStore& s, std::size_t i, const IncidentFilter& f) {
    if (!s.overlaps(i, f.from_day, f.to_day)) return false;
    if (f.category && s.category()[i] != *f.category) return false;
    if (f.min_fatalities > 0 && s.fatalities(i).value_or(0) < f.min_fatalities) return false;
    if (!f.actor.empty()) {
        bool any = false;
        for (std::size_t k = 0; k < s.actor_count(i) && !any; ++k)
            any = fold_for_search(s.actor(i, k)).find(f.actor) != std::string::npos;
        if (!any) return false;
    }
    return true;
}

namespace {

// Both aggregate() overloads: they differ only in which incidents of the window's index
// range count.
template <class Counts>
Aggregation aggregate_range(const IncidentStore& s, const Placements& placed, const Boundaries& b,
                            std::int32_t from_day, std::int32_t to_day, AggregateBy by, const PopulationTable* population,
                            Counts&& counts) {
    const bool per_state = by == AggregateBy::State;
    const std::size_t n_units = per_state ? b.states.size() : b.municipalities.feature_count();
    std::vector<UnitCount> units(n_units);
    for (std::size_t u = 0; u < n_units; ++u) units[u].unit = u;
    std::vector<UnitCount> state_level(per_state ? 0 : b.states.size());
    for (std::size_t u = 0; u < state_level.size(); ++u) state_level[u].unit = u;

    Aggregation out;
    // Only what can overlap the window is visited (the store is time-sorted): its index range
    // and the long-span incidents that began before it.
    const IncidentStore::OverlapScan scan = s.scan_overlapping(from_day, to_day);
    out.filtered_out = s.size() - scan.size();
    auto visit = [&](std::size_t i) {
        if (!counts(i)) {
            ++out.filtered_out;
            return;
        }
        if (!placed.matched(i)) {
            ++out.unplaced;
            return;
        }
        // Where it is known to be: its municipality (or state, per state); else its state as
        // a state-level row; else Mexico.
        const long state = placed.state(i);
        const long unit = per_state ? state : placed.municipality(i, s);
        UnitCount& u = unit >= 0    ? units[static_cast<std::size_t>(unit)]
                       : state >= 0 ? state_level[static_cast<std::size_t>(state)]
                                    : out.country_level;
        ++u.incidents;
        u.fatalities += s.fatalities(i).value_or(0);
        out.counted += unit >= 0;
    };
    for (const std::uint32_t i : scan.before) visit(i);
    for (std::size_t i = scan.first; i < scan.last; ++i) visit(i);

    if (population) {
        auto pop_of_municipality = [&](std::size_t f) -> long {
            const auto it = population->find(b.municipalities.attributes[f].code);
            return it == population->end() ? -1 : it->second;
        };
        for (auto& u : units) {
            if (u.incidents == 0) continue;
            long pop = 0;
            if (per_state) {
                // A state's population is the sum of its municipalities'; unknown if any is missing.
                for (std::uint32_t f : b.states[u.unit].municipalities) {
                    const long p = pop_of_municipality(f);
                    if (p < 0) {
                        pop = -1;
                        break;
                    }
                    pop += p;
                }
            } else {
                pop = pop_of_municipality(u.unit);
            }
            if (pop > 0) u.rate_per_100k = 1e5 * double(u.incidents) / double(pop);
        }
    }
    for (auto& u : units)
        if (u.incidents) out.units.push_back(u);
    for (auto& u : state_level)
        if (u.incidents) out.state_level.push_back(u);
    const auto code = [&](std::size_t unit) -> const std::string& {
        return per_state ? b.states[unit].code : b.municipalities.attributes[unit].code;
    };
    std::sort(out.units.begin(), out.units.end(), [&](const UnitCount& a, const UnitCount& c) {
        return a.incidents != c.incidents ? a.incidents > c.incidents : code(a.unit) < code(c.unit);
    });
    std::sort(out.state_level.begin(), out.state_level.end(), [&](const UnitCount& a, const UnitCount& c) {
        return a.incidents != c.incidents ? a.incidents > c.incidents : b.states[a.unit].code < b.states[c.unit].code;
    });
    return out;
}

}  // namespace

Aggregation aggregate(const IncidentStore& s, const Placements& placed, const Boundaries& b,
                      const IncidentFilter& f, AggregateBy by, const PopulationTable* population) {
    return aggregate_range(s, placed, b, f.from_day, f.to_day, by, population,
                           [&](std::size_t i) { return passes(s, i, f); });
}

Aggregation aggregate(const IncidentStore& s, const Placements& placed, const Boundaries& b,
                      const std::vector<std::uint8_t>& include, std::int32_t from_day, std::int32_t to_day, AggregateBy by,
                      const PopulationTable* population) {
    return aggregate_range(s, placed, b, from_day, to_day, by, population,
                           [&](std::size_t i) { return include[i] && s.overlaps(i, from_day, to_day); });
}

}  // namespace mirador::geo
