#include "scene/HotspotLayer.hpp"

#include <imgui.h>

#include <cmath>
#include <cstdio>

#include "mirador/geo/IncidentDate.hpp"

namespace mirador {

namespace {

std::unique_ptr<HotspotOutcome> compute(HotspotSettings s, std::shared_ptr<const stats::SpatialWeights> weights,
                                        stats::HotspotInput input, std::optional<stats::SpaceTimeCube> cube,
                                        std::vector<std::string> labels, std::size_t left_out, std::string cube_error) {
    auto out = std::make_unique<HotspotOutcome>();
    out->settings = s;
    out->weights = weights;
    out->input = std::move(input);
    out->period_labels = std::move(labels);
    out->map.kind = s.map;
    char buf[256];
    if (s.map == HotspotMapKind::Emerging) {
        if (!cube || cube->periods < 2) {
            out->error = cube_error.empty() ? "emerging hot spots need at least two periods of data" : cube_error;
            return out;
        }
        out->emerging = stats::emerging_hot_spots(*cube, *weights, static_cast<unsigned>(s.time_lags),
                                                  {static_cast<double>(s.alpha), 0.05});
        for (const auto& u : out->emerging.units) out->map.classes.push_back(static_cast<int>(u.category));
        out->map.title = "Emerging hot spots, " + out->period_labels.front() + " to " + out->period_labels.back();
        if (left_out) std::snprintf(buf, sizeof buf, "%zu periods; %zu incidents dated more coarsely than a period left out",
                                    cube->periods, left_out);
        else std::snprintf(buf, sizeof buf, "%zu periods", cube->periods);
        out->summary = buf;
        return out;
    }
    stats::HotspotOptions o;
    o.value = s.value;
    o.statistic = stats::HotspotStatistic::Both;
    o.permutation.permutations = static_cast<unsigned>(s.permutations);
    o.p_rule = s.p_rule;
    o.correction = s.correction;
    o.alpha = s.alpha;
    out->result = stats::run_hotspots(out->input, *weights, o, &out->error);
    if (!out->error.empty()) return out;
    const auto& r = out->result;
    for (std::size_t i = 0; i < r.value.size(); ++i)
        out->map.classes.push_back(s.map == HotspotMapKind::Lisa ? static_cast<int>(r.lisa_cluster[i])
                                   : std::isnan(r.gistar_z[i])   ? HotspotMap::kNoClass
                                                                 : r.gistar_class[i]);
    out->map.title = std::string(s.map == HotspotMapKind::Lisa ? "Local Moran clusters (" : "Gi* hot spots (") +
                     stats::hotspot_value_name(s.value) + ")";
    std::snprintf(buf, sizeof buf, "global Moran's I %.4f (permutation p %.4f)", r.global.I, r.global_permutation.p_greater);
    out->summary = buf;
    return out;
}

}  // namespace

HotspotLayer::~HotspotLayer() {
    if (running_.valid()) running_.wait();
}

namespace {

std::string period_label(std::int32_t m, int months) {
    char label[16];
    if (months == 1) std::snprintf(label, sizeof label, "%04d-%02d", m / 12, m % 12 + 1);
    else if (months == 3) std::snprintf(label, sizeof label, "%04d-Q%d", m / 12, m % 12 / 3 + 1);
    else std::snprintf(label, sizeof label, "%04d", m / 12);
    return label;
}

int months_of(doc::HotspotPeriod p) {
    return p == doc::HotspotPeriod::Month ? 1 : p == doc::HotspotPeriod::Quarter ? 3 : 12;
}

}  // namespace

template <class MakeCube>
void HotspotLayer::submit(const HotspotSettings& s, const UnitTotals& totals, const std::string& cube_key,
                          const geo::Boundaries& b, const geo::PopulationTable* population, MakeCube&& make_cube) {
    boundaries_ = &b;
    const std::size_t n = b.municipalities.feature_count();
    std::vector<double> counts(n, 0.0), fatalities(n, 0.0);
    for (const auto& u : totals.by_municipality.units) {
        counts[u.unit] = static_cast<double>(u.incidents);
        fatalities[u.unit] = static_cast<double>(u.fatalities);
    }
    const bool emerging = s.map == HotspotMapKind::Emerging;
    const bool same = requested_once_ && s == last_settings_ &&
                      (emerging ? cube_key == last_cube_key_ : counts == last_counts_ && fatalities == last_fatalities_);
    if (same) return;
    requested_once_ = true;
    last_settings_ = s;
    last_counts_ = counts;
    last_fatalities_ = fatalities;
    last_cube_key_ = cube_key;

    Job job;
    job.settings = s;
    job.input.count = std::move(counts);
    job.input.fatalities = std::move(fatalities);
    if (population) {
        for (const auto& a : b.municipalities.attributes) {
            const auto it = population->find(a.code);
            job.input.population.push_back(it == population->end() ? std::nan("") : static_cast<double>(it->second));
        }
    }
    // The cube over the data's whole extent (the time window does not apply: the cube is time).
    // Built here, on the UI thread, from the source's masks, which the worker must not read
    // while the filters may change them.
    if (emerging) make_cube(job, n, months_of(s.period));
    if (running_.valid()) pending_ = std::move(job);
    else launch(std::move(job));
}

void HotspotLayer::request(const HotspotSettings& s, bool visible, const IncidentLayer& incidents, const geo::Boundaries& b,
                           const geo::PopulationTable* population) {
    if (!visible) return;
    const auto& f = incidents.filters;
    char key[256];
    std::snprintf(key, sizeof key, "%d|%s|%u|%s|%d|%d|%d", f.filter.category ? static_cast<int>(*f.filter.category) : -1,
                  f.filter.actor.c_str(), f.filter.min_fatalities, f.text.c_str(), f.filter.from_day, f.filter.to_day, static_cast<int>(s.period));
    submit(s, incidents, key, b, population, [&](Job& job, std::size_t n, int months) {
        const auto& store = incidents.store;
        std::int32_t m0 = INT32_MAX, m1 = INT32_MIN;
        for (std::size_t i = 0; i < store.size(); ++i)
            if (incidents.included[i] && incidents.placed.municipality(i, store) >= 0) {
                const auto c = geo::civil_from_days(store.day_start()[i]);
                m0 = std::min(m0, c.year * 12 + c.month - 1);
                m1 = std::max(m1, c.year * 12 + c.month - 1);
            }
        if (m0 > m1) return;
        m0 -= (m0 % 12) % months;
        const std::size_t T = static_cast<std::size_t>((m1 - m0) / months + 1);
        stats::SpaceTimeCube cube{n, T, std::vector<double>(n * T, 0.0)};
        for (std::size_t t = 0; t < T; ++t) job.period_labels.push_back(period_label(m0 + static_cast<std::int32_t>(t) * months, months));
        for (std::size_t i = 0; i < store.size(); ++i) {
            const long mun = incidents.placed.municipality(i, store);
            if (!incidents.included[i] || mun < 0) continue;
            const auto a = geo::civil_from_days(store.day_start()[i]), z = geo::civil_from_days(store.day_end()[i]);
            const std::int32_t ma = a.year * 12 + a.month - 1, mz = z.year * 12 + z.month - 1;
            if ((ma - m0) / months != (mz - m0) / months) {
                ++job.left_out;  // spans more than one period
                continue;
            }
            cube.values[static_cast<std::size_t>((ma - m0) / months) * n + static_cast<std::size_t>(mun)] += 1;
        }
        job.cube = std::move(cube);
    });
}

void HotspotLayer::request(const HotspotSettings& s, bool visible, const CountLayer& table, const geo::Boundaries& b,
                           const geo::PopulationTable* population) {
    if (!visible) return;
    std::string key = std::to_string(static_cast<int>(s.period));
    for (const std::string& f : table.filter_texts) key += "|" + f;
    submit(s, table, key, b, population, [&](Job& job, std::size_t n, int months) {
        if (table.table.first_month > table.table.last_month) return;
        if (!table.table.monthly && months != 12) {
            job.cube_error = table.source + " gives years only: emerging hot spots of this table need yearly periods";
            return;
        }
        std::int32_t m0 = table.table.first_month;
        const std::int32_t m1 = table.table.last_month;
        m0 -= (m0 % 12) % months;
        // Months as the table reports them (NA left out: missing, not counted).
        const std::vector<double> monthly =
            geo::monthly_unit_counts(table.table, table.municipality_codes, table.passing, {m0, m1});
        const std::size_t T = static_cast<std::size_t>((m1 - m0) / months + 1);
        stats::SpaceTimeCube cube{n, T, std::vector<double>(n * T, 0.0)};
        for (std::size_t t = 0; t < T; ++t) job.period_labels.push_back(period_label(m0 + static_cast<std::int32_t>(t) * months, months));
        for (std::int32_t m = m0; m <= m1; ++m) {
            const std::size_t t = static_cast<std::size_t>((m - m0) / months);
            const double* row = monthly.data() + static_cast<std::size_t>(m - m0) * n;
            for (std::size_t u = 0; u < n; ++u) cube.values[t * n + u] += row[u];
        }
        job.cube = std::move(cube);
    });
}

void HotspotLayer::launch(Job job) {
    const int slot = static_cast<int>(job.settings.neighbours);
    if (!weights_[slot] || (slot == 2 && weights_knn_ != job.settings.knn_k)) {
        // Built once per rule (contiguity of every municipality: a tenth of a second).
        const auto& mun = boundaries_->municipalities;
        if (slot == 2) {
            std::vector<geo::Vec2> centres;
            for (std::size_t m = 0; m < mun.feature_count(); ++m) centres.push_back(geo::feature_centroid(mun, m));
            weights_[2] = std::make_shared<stats::SpatialWeights>(stats::knn_weights(centres, static_cast<unsigned>(job.settings.knn_k)));
            weights_knn_ = job.settings.knn_k;
        } else {
            weights_[slot] = std::make_shared<stats::SpatialWeights>(
                stats::contiguity_weights(mun, slot == 0 ? stats::Contiguity::Queen : stats::Contiguity::Rook));
        }
    }
    running_ = std::async(std::launch::async, compute, job.settings, weights_[slot], std::move(job.input),
                          std::move(job.cube), std::move(job.period_labels), job.left_out, std::move(job.cube_error));
}

bool HotspotLayer::poll() {
    if (!running_.valid() || running_.wait_for(std::chrono::seconds(0)) != std::future_status::ready) return false;
    outcome_ = running_.get();
    if (pending_) {
        launch(std::move(*pending_));
        pending_.reset();
    }
    return true;
}

void draw_hotspot_neighbours(ImDrawList* list, const MapView& view, const geo::Boundaries& b,
                             const stats::SpatialWeights& w, long unit, float s) {
    if (!list || unit < 0 || static_cast<std::size_t>(unit) >= w.size()) return;
    const auto& l = b.municipalities;
    std::vector<ImVec2> pts;
    for (const auto j : w.row(static_cast<std::size_t>(unit))) {
        for (auto p = l.feature_first_polygon[j]; p < l.feature_first_polygon[j + 1]; ++p)
            for (auto r = l.polygon_first_ring[p]; r < l.polygon_first_ring[p + 1]; ++r) {
                pts.clear();
                for (auto v = l.ring_first_vertex[r]; v < l.ring_first_vertex[r + 1]; ++v) {
                    const geo::Vec2 q = view.map_to_screen(l.vertices[v]);
                    pts.push_back(ImVec2(static_cast<float>(q.x), static_cast<float>(q.y)));
                }
                list->AddPolyline(pts.data(), static_cast<int>(pts.size()), IM_COL32(0, 150, 255, 255),
                                  ImDrawFlags_Closed, 2.5f * s);
            }
    }
}

}  // namespace mirador
