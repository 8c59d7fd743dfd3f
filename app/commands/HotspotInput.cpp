#include "platform/Report.hpp"
#include "commands/HotspotInput.hpp"

#include <CLI/CLI.hpp>

#include <charconv>
#include <cmath>
#include <cstdio>
#include <future>
#include <unordered_map>

#include "mirador/geo/CsvReader.hpp"
#include "mirador/geo/IncidentAggregation.hpp"
#include "mirador/geo/IncidentDate.hpp"
#include "mirador/geo/StateCatalog.hpp"
#include "mirador/geo/Text.hpp"

namespace mirador {

void add_hotspot_source_flags(CLI::App& c, HotspotSourceOptions& o) {
    c.add_option("--incidents", o.incidents.path, "Incidents: Mirador's CSV, an OGR point layer or PG:\"...\"");
    c.add_option("--incidents-layer", o.incidents.layer, "Layer or table in --incidents");
    c.add_option("--incidents-mapping", o.incidents.mapping, "Column mapping file for --incidents (field=column)");
    c.add_option("--counts", o.counts,
                 "Count table: counts per municipality or state and month (long, SESNSP's municipal layout, INEGI's "
                 "homicide table)");
    c.add_option("--counts-layout", o.counts_layout, "long, sesnsp or inegi (default: recognised from the header)");
    c.add_option("--counts-mapping", o.counts_mapping,
                 "For a long table: lines of field=column (unit, year, month, period, count, name, category)");
    c.add_option("--by", o.by, "Units: municipality, state, or hex:KM (hexagons KM apart, incidents only)")
        ->capture_default_str();
    c.add_option("--neighbours", o.neighbours, "queen, rook, knn:K or distance:KM (between unit centres, EPSG:6372)")
        ->capture_default_str();
    c.add_option("--filter", o.filters,
                 "COLUMN=VALUE on a count table's category columns, repeatable, accent- and case-insensitive "
                 "(e.g. \"Subtipo de delito=Homicidio doloso\"); for incidents: category=VALUE");
    c.add_option("--from", o.from, "First date (2019, 2019-10; a count table takes whole months only)");
    c.add_option("--to", o.to, "Last date, inclusive");
    c.add_option("--out", o.out, "Output .csv, or .gpkg (with the units' polygons)")->required();
}

std::string format_number(double v, int significant) {
    if (std::isnan(v)) return "";
    // std::to_chars writes what printf's %.*g writes, in a fraction of its time: a hot spot
    // table has tens of thousands of numbers.
    char buf[48];
    const auto r = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::general, significant);
    return std::string(buf, r.ptr);
}

std::string units_word(const std::string& kind) {
    return kind == "municipality" ? "municipalities" : kind + "s";
}

std::vector<std::string> HotspotSource::inputs() const { return inputs_; }

std::unique_ptr<HotspotSource> HotspotSource::open(const DataOptions& data, const HotspotSourceOptions& o,
                                                   const char* command, int& status) {
    status = 2;
    std::unique_ptr<HotspotSource> s(new HotspotSource());
    s->options_ = o;
    if (o.incidents.path.empty() == o.counts.empty()) {
        eprint("%s: give one source: --incidents FILE or --counts FILE\n", command);
        return nullptr;
    }
    if (o.by.rfind("hex:", 0) == 0 && !o.counts.empty()) {
        eprint("%s: --by hex needs incidents (a count table has no positions inside its units)\n", command);
        return nullptr;
    }
    status = 1;
    if (!o.incidents.path.empty()) {
        s->inputs_.push_back(o.incidents.path);
        if (!o.incidents.mapping.empty()) s->inputs_.push_back(o.incidents.mapping);
        // [from's first day, to's last day]: "--to 2019-10" includes all of October.
        for (const auto* text : {&o.from, &o.to}) {
            if (text->empty()) continue;
            auto d = geo::parse_incident_date(*text);
            if (!d) return eprint("%s: %s: %s\n", command, text == &o.from ? "--from" : "--to",
                                        d.error().c_str()), nullptr;
            (text == &o.from ? s->from_day_ : s->to_day_) = text == &o.from ? d->day_start : d->day_end;
        }
        geo::IncidentFilter filter;
        for (const auto& f : o.filters) {
            const auto eq = f.find('=');
            const auto cat = eq == std::string::npos ? std::nullopt : geo::parse_incident_category(f.substr(eq + 1));
            if (eq == std::string::npos || geo::fold_for_search(f.substr(0, eq)) != "category" || !cat) {
                eprint("%s: --filter '%s': incidents filter by category=VALUE (armed clash, massacre ...)\n",
                             command, f.c_str());
                return status = 2, nullptr;
            }
            filter.category = cat;
        }
        auto loaded = load_placed_incidents(data, o.incidents, command);
        if (!loaded) {
            eprint("%s: %s\n", command, loaded.error().c_str());
            return nullptr;
        }
        s->incidents_.emplace(std::move(loaded.value()));
        s->boundaries_ = std::move(s->incidents_->context.boundaries);
        s->municipalities_ = &s->boundaries_->municipalities;
        s->population_ = std::move(s->incidents_->context.population);
        const auto& store = s->incidents_->store;
        s->incident_include_.resize(store.size());
        for (std::size_t i = 0; i < store.size(); ++i) s->incident_include_[i] = geo::passes(store, i, filter);
    } else {
        s->inputs_.push_back(o.counts);
        auto layout = geo::parse_count_layout(o.counts_layout);
        if (!layout) return eprint("%s: %s\n", command, layout.error().c_str()), status = 2, nullptr;
        geo::CountMapping mapping;
        if (!o.counts_mapping.empty()) {
            s->inputs_.push_back(o.counts_mapping);
            auto text = geo::read_whole_file(o.counts_mapping);
            auto m = text ? geo::parse_count_mapping(*text, o.counts_mapping) : geo::Result<geo::CountMapping>(geo::make_error(text.error()));
            if (!m) return eprint("%s: %s\n", command, m.error().c_str()), nullptr;
            mapping = *m;
        }
        auto sources = resolve_sources(data);
        if (!sources) return eprint("%s: %s\n", command, sources.error().c_str()), status = 2, nullptr;
        // The table is parsed on a second thread while GDAL reads the polygons: the two are
        // most of the command's time and share nothing.
        auto pending_table = std::async(std::launch::async, [&] { return geo::load_count_table(o.counts, *layout, mapping); });
        std::vector<std::string> warnings;
        auto layer = geo::load_polygon_layer({sources->municipalities_path, sources->municipalities_layer, sources->fields,
                                              sources->display_crs, sources->assume_source_crs}, &warnings);
        auto table = pending_table.get();
        if (!layer) return eprint("%s: %s\n", command, layer.error().c_str()), nullptr;
        for (const auto& w : warnings) eprint("%s: warning: %s\n", command, w.c_str());
        s->municipal_layer_.emplace(std::move(layer.value()));
        s->municipalities_ = &*s->municipal_layer_;
        if (!table) return eprint("%s: %s\n", command, table.error().c_str()), nullptr;
        for (const auto& w : table->warnings) eprint("%s: warning: %s\n", command, w.c_str());
        auto window = geo::count_window(o.from, o.to, *table);
        if (!window) return eprint("%s: %s\n", command, window.error().c_str()), status = 2, nullptr;
        auto filter = geo::parse_count_filters(o.filters, *table);
        if (!filter) return eprint("%s: %s\n", command, filter.error().c_str()), status = 2, nullptr;
        s->table_passing_ = geo::rows_passing(*table, *filter);
        s->table_window_ = *window;
        s->table_.emplace(std::move(table.value()));
        const std::string pop = data.boundaries.population.empty() ? find_data_file("mx/population_2020.csv") : data.boundaries.population;
        if (!pop.empty()) {
            auto p = geo::load_population(pop);
            if (!p) return eprint("%s: %s\n", command, p.error().c_str()), nullptr;
            s->population_ = std::make_unique<geo::PopulationTable>(std::move(p.value()));
        }
    }
    if (!s->build_units(data, o, command)) return nullptr;
    status = 0;
    return s;
}

std::string HotspotSource::state_name(const std::string& code) const {
    if (boundaries_) {
        const long s = boundaries_->state_index(code.substr(0, 2));
        if (s >= 0) return boundaries_->states[static_cast<std::size_t>(s)].name;
    }
    const auto* e = geo::find_state_by_code(code.substr(0, 2));
    return e ? std::string(e->name) : std::string();
}

bool HotspotSource::build_units(const DataOptions& data, const HotspotSourceOptions& o, const char* command) {
    const geo::PolygonLayer& mun = *municipalities_;
    UnitSet& u = units_;
    stats::NeighbourRule rule;
    std::string error;
    if (!stats::parse_neighbour_rule(o.neighbours, rule, error)) {
        eprint("%s: --neighbours: %s\n", command, error.c_str());
        return false;
    }
    auto population_of = [&](const std::string& code) {
        if (!population_) return std::nan("");
        const auto it = population_->find(code);
        return it == population_->end() ? std::nan("") : static_cast<double>(it->second);
    };
    if (o.by == "municipality") {
        u.kind = "municipality";
        u.geometry = &mun;
        for (std::size_t m = 0; m < mun.feature_count(); ++m) {
            const auto& a = mun.attributes[m];
            u.codes.push_back(a.code);
            u.names.push_back(a.name);
            u.state_names.push_back(state_name(a.code));
            u.population.push_back(population_of(a.code));
            u.centres.push_back(geo::feature_centroid(mun, m));
        }
    } else if (o.by == "state") {
        u.kind = "state";
        auto sources = resolve_sources(data);
        if (!sources || sources->states_path.empty()) {
            eprint("%s: --by state needs a state layer (--states, or 00ent.shp beside 00mun.shp)\n", command);
            return false;
        }
        inputs_.push_back(sources->states_path);
        geo::LayerLoadOptions lo{sources->states_path, sources->states_layer, sources->fields, sources->display_crs,
                                 sources->assume_source_crs};
        auto layer = geo::load_polygon_layer(lo);
        if (!layer) return eprint("%s: %s\n", command, layer.error().c_str()), false;
        own_layer_.emplace(std::move(layer.value()));
        u.geometry = &*own_layer_;
        std::unordered_map<std::string, double> state_population;
        for (std::size_t m = 0; m < mun.feature_count(); ++m) {
            const auto& code = mun.attributes[m].code;
            state_population[code.substr(0, 2)] += population_of(code);
        }
        for (std::size_t k = 0; k < own_layer_->feature_count(); ++k) {
            const auto& a = own_layer_->attributes[k];
            const std::string code = a.code.size() >= 2 ? a.code.substr(0, 2) : a.state_code;
            u.codes.push_back(code);
            const std::string catalogued = state_name(code);
            u.names.push_back(catalogued.empty() ? a.name : catalogued);
            u.state_names.push_back(u.names.back());
            const auto it = state_population.find(code);
            u.population.push_back(it == state_population.end() ? std::nan("") : it->second);
            u.centres.push_back(geo::feature_centroid(*own_layer_, k));
        }
    } else if (o.by.rfind("hex:", 0) == 0) {
        u.kind = "hexagon";
        const geo::Boundaries& b = *boundaries_;
        char* end = nullptr;
        const double km = std::strtod(o.by.c_str() + 4, &end);
        if (!(km >= 0.5 && km <= 500) || !end || *end) {
            eprint("%s: --by hex:KM takes a size from 0.5 to 500 km, not '%s'\n", command, o.by.c_str());
            return false;
        }
        const auto& store = incidents_->store;
        std::vector<geo::Vec2> pts(store.size());
        for (std::size_t i = 0; i < store.size(); ++i) pts[i] = {store.lon()[i], store.lat()[i]};
        auto proj = geo::lonlat_to_display(b.municipalities.crs);
        if (!proj) return eprint("%s: %s\n", command, proj.error().c_str()), false;
        proj->forward(pts);
        std::vector<geo::Vec2> placed;
        for (std::size_t i = 0; i < store.size(); ++i)
            if (incidents_->placed.municipality(i, store) >= 0) placed.push_back(pts[i]);
        hexes_.emplace(b.municipalities.bbox, km * 1000.0, [&](geo::Vec2 p) { return b.locate(p) >= 0; }, placed);
        own_layer_.emplace(hexes_->layer());
        own_layer_->crs = b.municipalities.crs;
        u.geometry = &*own_layer_;
        for (std::size_t k = 0; k < hexes_->size(); ++k) {
            u.codes.push_back(hexes_->code(k));
            const long m = b.locate(hexes_->centre(k));
            u.names.push_back(m >= 0 ? b.municipalities.attributes[static_cast<std::size_t>(m)].name : "");
            u.state_names.push_back(m >= 0 && b.state_of(static_cast<std::size_t>(m)) ? b.state_of(static_cast<std::size_t>(m))->name : "");
            u.population.push_back(std::nan(""));
            u.centres.push_back(hexes_->centre(k));
        }
        incident_unit_.assign(store.size(), -1);
        for (std::size_t i = 0; i < store.size(); ++i)
            if (incidents_->placed.municipality(i, store) >= 0) incident_unit_[i] = hexes_->locate(pts[i]);
        notes_.push_back(std::to_string(hexes_->size()) + " hexagons " + format_number(km, 6) +
                         " km apart (EPSG:6372) touch land or hold an incident; open sea is left out");
    } else {
        eprint("%s: --by is municipality, state or hex:KM, not '%s'\n", command, o.by.c_str());
        return false;
    }
    // Neighbours: hexagons share edges by construction; polygons by spdep's contiguity rule.
    if (hexes_ && (rule.kind == stats::NeighbourRule::Kind::Queen || rule.kind == stats::NeighbourRule::Kind::Rook))
        u.weights = hexes_->contiguity();
    else
        u.weights = stats::build_weights(rule, *u.geometry, u.centres);
    u.neighbour_rule = rule.text();
    if (const auto islands = u.weights.islands(); !islands.empty()) {
        std::string list;
        for (std::size_t k = 0; k < islands.size() && k < 20; ++k)
            list += (k ? ", " : "") + u.codes[islands[k]] + " " + u.names[islands[k]];
        notes_.push_back(std::to_string(islands.size()) + " units have no neighbour (" + rule.text() +
                         "), no statistic: " + list + (islands.size() > 20 ? ", ..." : ""));
    }
    if (incidents_ && !hexes_) {
        const geo::Boundaries& b = *boundaries_;
        const auto& store = incidents_->store;
        incident_unit_.assign(store.size(), -1);
        std::unordered_map<std::string, long> state_unit;
        for (std::size_t k = 0; k < u.codes.size(); ++k) state_unit[u.codes[k]] = static_cast<long>(k);
        for (std::size_t i = 0; i < store.size(); ++i) {
            if (u.kind == "municipality") {
                incident_unit_[i] = incidents_->placed.municipality(i, store);
            } else if (const long s = incidents_->placed.state(i); s >= 0) {
                const auto it = state_unit.find(b.states[static_cast<std::size_t>(s)].code);
                incident_unit_[i] = it == state_unit.end() ? -1 : it->second;
            }
        }
    }
    if (table_) {
        // What the table holds that the map cannot show, and what the map has that the table never mentions.
        const auto all = geo::count_units(*table_, u.codes, std::vector<std::uint8_t>(table_->rows.size(), 1), {});
        std::string never;
        std::size_t never_count = 0;
        for (std::size_t k = 0; k < u.codes.size(); ++k)
            if (!all.in_table[k]) {
                if (never_count++ < 200) never += (never.empty() ? "" : ", ") + u.codes[k] + " " + u.names[k];
            }
        if (never_count)
            notes_.push_back(std::to_string(never_count) + " " + (never_count == 1 ? u.kind : units_word(u.kind)) +
                             (never_count == 1 ? " never appears" : " never appear") +
                             " in the table and count as 0 by its convention: " + never +
                             (never_count > 200 ? ", ..." : ""));
        const auto window = geo::count_units(*table_, u.codes, table_passing_, table_window_);
        if (!window.unplaceable.empty()) {
            double total = 0;
            std::string list;
            for (const auto& [code, v] : window.unplaceable) {
                total += v;
                list += (list.empty() ? "" : ", ") + code + " (" + format_number(v, 12) + ")";
            }
            notes_.push_back(format_number(total, 12) + " counted in " + std::to_string(window.unplaceable.size()) +
                             " unplaceable codes (999: unspecified municipality, counted for its state; 33-35: abroad or "
                             "unspecified state): " + list);
        }
        if (!all.unknown.empty()) {
            std::string list;
            for (const auto& [code, v] : all.unknown) list += (list.empty() ? "" : ", ") + code;
            notes_.push_back(std::to_string(all.unknown.size()) + " codes of " + table_->source +
                             " are not in the boundary layer (" + mun.source +
                             "): the table and the boundaries are of different vintages: " + list);
        }
    }
    return true;
}

UnitValues HotspotSource::values_between(std::int32_t from_day, std::int32_t to_day) const {
    UnitValues v;
    const std::size_t n = units_.codes.size();
    v.count.assign(n, 0.0);
    v.fatalities.assign(n, 0.0);
    v.missing.assign(n, 0);
    const auto& store = incidents_->store;
    const auto [first, last] = store.range_overlapping(from_day, to_day);
    for (std::size_t i = first; i < last; ++i) {
        if (!incident_include_[i] || incident_unit_[i] < 0) continue;
        if (store.day_end()[i] < from_day || store.day_start()[i] > to_day) continue;
        const auto u = static_cast<std::size_t>(incident_unit_[i]);
        v.count[u] += 1;
        v.fatalities[u] += store.fatalities(i).value_or(0);
    }
    return v;
}

UnitValues HotspotSource::values() const {
    if (!table_) return values_between(from_day_, to_day_);
    const auto c = geo::count_units(*table_, units_.codes, table_passing_, table_window_);
    return {c.count, c.count, c.missing};  // a table's count is its victims or deaths
}

std::optional<stats::SpaceTimeCube> HotspotSource::cube(const std::string& step, std::vector<Period>& periods,
                                                        std::string& error) const {
    const int months_per = step == "month" ? 1 : step == "quarter" ? 3 : step == "year" ? 12 : 0;
    if (!months_per) return error = "--step is month, quarter or year, not '" + step + "'", std::nullopt;
    // The window in months: the options' bounds, else the data's extent.
    std::int32_t m0 = 0, m1 = -1;
    if (table_) {
        if (!table_->monthly && months_per < 12)
            return error = table_->source + " counts years: --step year", std::nullopt;
        m0 = std::max(table_window_.from, table_->first_month);
        m1 = std::min(table_window_.to, table_->last_month);
        if (!table_->monthly) m1 += 11;
    } else {
        const auto& store = incidents_->store;
        if (store.size() == 0) return error = "no incidents", std::nullopt;
        std::int32_t d0 = INT32_MAX, d1 = INT32_MIN;
        for (std::size_t i = 0; i < store.size(); ++i)
            if (incident_include_[i] && incident_unit_[i] >= 0)
                d0 = std::min(d0, store.day_start()[i]), d1 = std::max(d1, store.day_end()[i]);
        d0 = std::max(d0, from_day_);
        d1 = std::min(d1, to_day_);
        if (d0 > d1) return error = "no placed incident in the window", std::nullopt;
        const auto c0 = geo::civil_from_days(d0), c1 = geo::civil_from_days(d1);
        m0 = c0.year * 12 + c0.month - 1;
        m1 = c1.year * 12 + c1.month - 1;
    }
    // Calendar periods: a quarter starts in January, April, July or October.
    m0 -= ((m0 % 12) % months_per);
    if (m1 < m0) return error = "the window holds no period", std::nullopt;
    const std::size_t T = static_cast<std::size_t>((m1 - m0) / months_per + 1);
    stats::SpaceTimeCube cube{units_.codes.size(), T, {}};
    cube.values.assign(cube.units * T, 0.0);
    periods.clear();
    for (std::size_t t = 0; t < T; ++t) {
        const std::int32_t m = m0 + static_cast<std::int32_t>(t) * months_per, y = m / 12, mo = m % 12 + 1;
        const std::int32_t last = m + months_per - 1;
        char label[16];
        if (months_per == 1) std::snprintf(label, sizeof label, "%04d-%02d", y, mo);
        else if (months_per == 3) std::snprintf(label, sizeof label, "%04d-Q%d", y, (mo - 1) / 3 + 1);
        else std::snprintf(label, sizeof label, "%04d", y);
        periods.push_back({label, geo::days_from_civil(y, mo, 1),
                           geo::days_from_civil(last / 12, last % 12 + 1, geo::days_in_month(last / 12, last % 12 + 1))});
    }
    if (table_) {
        const auto monthly = geo::monthly_unit_counts(*table_, units_.codes, table_passing_, {m0, m0 + static_cast<std::int32_t>(T) * months_per - 1});
        for (std::size_t k = 0; k < monthly.size(); ++k) {
            const std::size_t month = k / cube.units, unit = k % cube.units;
            cube.values[(month / static_cast<std::size_t>(months_per)) * cube.units + unit] += monthly[k];
        }
        return cube;
    }
    // Incidents: each in the period that holds its whole span; one dated more coarsely than the
    // step (a year-precision incident in a monthly cube) is left out, and said.
    const auto& store = incidents_->store;
    std::size_t coarse = 0;
    for (std::size_t i = 0; i < store.size(); ++i) {
        if (!incident_include_[i] || incident_unit_[i] < 0) continue;
        const auto c = geo::civil_from_days(store.day_start()[i]);
        const std::int32_t m = c.year * 12 + c.month - 1;
        if (m < m0 || store.day_start()[i] < from_day_ || store.day_end()[i] > to_day_) continue;
        const auto t = static_cast<std::size_t>((m - m0) / months_per);
        if (t >= T) continue;
        if (store.day_end()[i] > periods[t].to_day) {
            ++coarse;
            continue;
        }
        cube.values[t * cube.units + static_cast<std::size_t>(incident_unit_[i])] += 1;
    }
    if (coarse)
        eprint("mirador: %zu incidents are dated more coarsely than a %s and are left out of the cube\n",
                     coarse, step.c_str());
    return cube;
}

}  // namespace mirador
