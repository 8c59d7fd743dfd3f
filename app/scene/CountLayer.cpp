#include "scene/CountLayer.hpp"

#include <algorithm>
#include <cmath>

#include "mirador/geo/CsvReader.hpp"
#include "mirador/geo/IncidentDate.hpp"

namespace mirador {

namespace {

std::int32_t month_of_day(std::int32_t day) {
    const geo::CivilDate c = geo::civil_from_days(day);
    return c.year * 12 + c.month - 1;
}

std::int32_t first_day_of(std::int32_t month) { return geo::days_from_civil(month / 12, month % 12 + 1, 1); }
std::int32_t last_day_of(std::int32_t month) {
    return geo::days_from_civil(month / 12, month % 12 + 1, geo::days_in_month(month / 12, month % 12 + 1));
}

// Counts of the table as ranked units: most first, ties by code. Counts are whole numbers in
// every official table; a fractional one (a long file of estimates) is rounded for the ranking,
// and the choropleth's classes come from the same numbers.
std::vector<geo::UnitCount> ranked(const std::vector<double>& count, const std::vector<long>& population,
                                   const std::vector<std::string>& codes) {
    std::vector<geo::UnitCount> units;
    for (std::size_t u = 0; u < count.size(); ++u) {
        if (count[u] <= 0) continue;
        geo::UnitCount c;
        c.unit = u;
        c.incidents = c.fatalities = static_cast<std::uint64_t>(std::llround(count[u]));
        if (population[u] > 0) c.rate_per_100k = 1e5 * count[u] / double(population[u]);
        units.push_back(c);
    }
    std::sort(units.begin(), units.end(), [&](const geo::UnitCount& a, const geo::UnitCount& b) {
        return a.incidents != b.incidents ? a.incidents > b.incidents : codes[a.unit] < codes[b.unit];
    });
    return units;
}

// Population per municipality and per state (the sum of its municipalities'; unknown, -1, if
// any is missing), as the incidents' rates use.
void populations(const geo::Boundaries& b, const geo::PopulationTable* table, std::vector<long>& municipal,
                 std::vector<long>& state) {
    municipal.assign(b.municipalities.feature_count(), -1);
    state.assign(b.states.size(), -1);
    if (!table) return;
    for (std::size_t f = 0; f < municipal.size(); ++f)
        if (const auto it = table->find(b.municipalities.attributes[f].code); it != table->end()) municipal[f] = it->second;
    for (std::size_t s = 0; s < state.size(); ++s) {
        long sum = 0;
        for (const std::uint32_t f : b.states[s].municipalities) {
            if (municipal[f] < 0) {
                sum = -1;
                break;
            }
            sum += municipal[f];
        }
        state[s] = b.states[s].municipalities.empty() ? -1 : sum;
    }
}

void build_histogram(CountLayer& c) {
    geo::TimeHistogram& h = c.histogram;
    h = {};
    h.bin = c.table.monthly ? geo::HistogramBin::Month : geo::HistogramBin::Year;
    if (c.table.first_month > c.table.last_month) return;
    const std::int32_t step = c.table.monthly ? 1 : 12;
    for (std::int32_t m = c.table.first_month; m <= c.table.last_month; m += step) {
        h.bins.push_back({first_day_of(m), last_day_of(m + step - 1)});
        h.counts.push_back(0);
    }
    for (std::size_t r = 0; r < c.table.rows.size(); ++r) {
        const auto& row = c.table.rows[r];
        if (!c.passing[r] || std::isnan(row.count)) continue;
        h.counts[static_cast<std::size_t>((row.month - c.table.first_month) / step)] += row.count;
    }
    h.weights = h.counts;  // a table's fatalities are its counts (victims, deaths)
}

}  // namespace

bool count_window_allowed(const geo::WindowSpec& spec, bool monthly) {
    if (!monthly) return spec.unit == geo::WindowUnit::Year;
    return spec.unit == geo::WindowUnit::Month || spec.unit == geo::WindowUnit::Quarter || spec.unit == geo::WindowUnit::Year;
}

std::string CountLayer::apply_filters(const std::vector<std::string>& texts, const geo::Boundaries& b,
                                      const geo::PopulationTable* population) {
    filter_texts = texts;
    auto parsed = geo::parse_count_filters(texts, table);
    if (!parsed) return filter_error = source + ": " + parsed.error();
    filter_error.clear();
    passing = geo::rows_passing(table, *parsed);
    build_histogram(*this);
    set_time_window(time_window, b, population);
    return {};
}

void CountLayer::set_time_window(std::optional<geo::DayRange> window, const geo::Boundaries& b,
                                 const geo::PopulationTable* population) {
    time_window = window;
    months = {};
    if (window) months = {month_of_day(window->from), month_of_day(window->to)};
    std::vector<long> mun_pop, state_pop;
    populations(b, population, mun_pop, state_pop);

    const geo::UnitCounts states = geo::count_units(table, state_codes, passing, months);
    by_state = {};
    by_state.units = ranked(states.count, state_pop, state_codes);
    by_municipality = {};
    missing_months.assign(municipality_codes.size(), 0);
    if (by_state_only()) {
        // A table of states: no municipality has a count of its own, and the ranking lists the
        // states as the incidents' "known only to the state" rows.
        by_municipality.state_level = by_state.units;
        total = states.total;
        unplaceable = states.unplaceable;
        unknown = states.unknown;
    } else {
        const geo::UnitCounts mun = geo::count_units(table, municipality_codes, passing, months);
        by_municipality.units = ranked(mun.count, mun_pop, municipality_codes);
        missing_months = mun.missing;
        total = mun.total;
        unplaceable = mun.unplaceable;
        unknown = mun.unknown;
        // 999 codes (and states 33-35) count for their state (or Mexico) only: the ranking's
        // grey rows, never credited to a municipality.
        std::vector<double> state_level(state_codes.size(), 0.0);
        double country_level = 0;
        for (const auto& [code, n] : unplaceable) {
            const auto it = std::find(state_codes.begin(), state_codes.end(), code.substr(0, 2));
            if (it == state_codes.end()) country_level += n;
            else state_level[static_cast<std::size_t>(it - state_codes.begin())] += n;
        }
        by_municipality.state_level = ranked(state_level, std::vector<long>(state_codes.size(), -1), state_codes);
        for (auto& u : by_municipality.state_level) u.rate_per_100k.reset();
        by_municipality.country_level.incidents = by_municipality.country_level.fatalities =
            static_cast<std::uint64_t>(std::llround(country_level));
    }
    missing_cells = 0;
    for (std::size_t r = 0; r < table.rows.size(); ++r) {
        const auto& row = table.rows[r];
        if (passing[r] && std::isnan(row.count) && row.month >= months.from && row.month <= months.to) ++missing_cells;
    }
    by_municipality.counted = by_state.counted = static_cast<std::size_t>(std::llround(total));
}

geo::Result<std::unique_ptr<CountLayer>> load_count_layer(const doc::CountSource& source, const geo::Boundaries& b,
                                                          const geo::PopulationTable* population) {
    geo::CountMapping mapping;
    if (!source.mapping.empty()) {
        auto text = geo::read_whole_file(source.mapping);
        if (!text) return geo::make_error(text.error());
        auto m = geo::parse_count_mapping(*text, source.mapping);
        if (!m) return geo::make_error(m.error());
        mapping = *m;
    }
    auto table = geo::load_count_table(source.path, source.layout, mapping);
    if (!table) return geo::make_error(table.error());
    auto c = std::make_unique<CountLayer>();
    c->source = source.path;
    c->table = std::move(table).value();
    c->from_table = true;
    c->counted = "count";
    for (const auto& a : b.municipalities.attributes) c->municipality_codes.push_back(a.code);
    for (const auto& s : b.states) c->state_codes.push_back(s.code);
    if (c->table.first_month <= c->table.last_month)
        c->extent = {first_day_of(c->table.first_month),
                     last_day_of(c->table.last_month + (c->table.monthly ? 0 : 11))};
    // Units never in the whole table, whatever the filters and window.
    const bool states = c->by_state_only();
    const auto& codes = states ? c->state_codes : c->municipality_codes;
    const geo::UnitCounts all = geo::count_units(c->table, codes, std::vector<std::uint8_t>(c->table.rows.size(), 1), {});
    for (std::size_t u = 0; u < codes.size(); ++u) {
        if (all.in_table[u]) continue;
        if (states) {
            c->never_in_table.push_back(b.states[u].name + " (" + codes[u] + ")");
        } else {
            const geo::StateInfo* s = b.state_of(u);
            c->never_in_table.push_back(b.municipalities.attributes[u].name + ", " + (s ? s->short_name : "") + " (" +
                                        codes[u] + ")");
        }
    }
    if (auto error = c->apply_filters({}, b, population); !error.empty()) return geo::make_error(error);
    return c;
}

}  // namespace mirador
