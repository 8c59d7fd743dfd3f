#include "mirador/geo/DensityPoints.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <optional>
#include <string_view>
#include <span>
#include <thread>

#include "mirador/geo/MexicoLambert.hpp"
#include "mirador/geo/Projector.hpp"

namespace mirador::geo {

const char* to_string(DensityWeight w) { return w == DensityWeight::Count ? "count" : "fatalities"; }

std::vector<float> density_weights(const IncidentStore& store, DensityWeight weight,
                                   const std::vector<std::uint8_t>* include) {
    const auto fat = store.fatalities_hot();
    std::vector<float> out(store.size());
    for (std::size_t i = 0; i < out.size(); ++i) {
        float w = 1.0f;
        if (weight == DensityWeight::Fatalities) {
            if (fat[i] == kCountUnknown) w = 0.0f;
            else if (fat[i] == kCountSaturated) w = static_cast<float>(store.fatalities(i).value_or(kCountSaturated));
            else w = fat[i];
        }
        if (include && !(*include)[i]) w = 0.0f;
        out[i] = w;
    }
    return out;
}

namespace {

// Positions [first, last) projected into p.x, p.y (NaN where not placed); `project(chunk)`
// transforms a chunk of lon/lat in place.
template <class Project>
void project_range(const Project& project, std::span<const float> lon, std::span<const float> lat, std::size_t first,
                   std::size_t last, DensityPoints& p) {
    constexpr float nan = std::numeric_limits<float>::quiet_NaN();
    // In chunks: a Vec2 copy of 10M rows would double the memory the points need.
    constexpr std::size_t kChunk = 1 << 16;
    std::vector<Vec2> buf;
    for (std::size_t from = first; from < last; from += kChunk) {
        const std::size_t to = std::min(last, from + kChunk);
        buf.clear();
        for (std::size_t i = from; i < to; ++i) buf.push_back({lon[i], lat[i]});
        project(buf);
        for (std::size_t i = from; i < to; ++i) {
            const Vec2 v = buf[i - from];
            const bool placed = std::isfinite(lon[i]) && std::isfinite(lat[i]) && std::isfinite(v.x) && std::isfinite(v.y);
            p.x[i] = placed ? static_cast<float>(v.x) : nan;
            p.y[i] = placed ? static_cast<float>(v.y) : nan;
        }
    }
}

// Large sets in two halves on two threads.
constexpr std::size_t kTwoThreadsFrom = 200000;
bool two_threads(std::size_t n) { return n >= kTwoThreadsFrom && std::thread::hardware_concurrency() > 1; }

// p.x, p.y from lon/lat in degrees.
Result<bool> project_all(std::span<const float> lon, std::span<const float> lat, const char* crs, DensityPoints& p) {
    const std::size_t n = lon.size();
    p.x.resize(n);
    p.y.resize(n);
    if (std::string_view(crs) == "EPSG:6372") {
        // The display CRS in closed form (MexicoLambert.hpp says why): no PROJ context to set up
        // per thread, no call per point.
        const MexicoLambert lcc;
        const auto project = [&](std::vector<Vec2>& chunk) {
            for (Vec2& v : chunk) v = lcc.forward(v.x, v.y);
        };
        if (two_threads(n)) {
            std::thread other([&] { project_range(project, lon, lat, n / 2, n, p); });
            project_range(project, lon, lat, 0, n / 2, p);
            other.join();
        } else {
            project_range(project, lon, lat, 0, n, p);
        }
        return true;
    }
    auto proj = Projector::create("EPSG:4326", crs);
    if (!proj) return make_error(proj.error());
    const auto through = [](const Projector& q) { return [&q](std::vector<Vec2>& chunk) { q.forward(chunk); }; };
    // Each thread with a Projector of its own (a PROJ context serves one thread): a million
    // points take about 0.2 s of PROJ on one core.
    if (two_threads(n)) {
        std::optional<Projector> second;
        std::thread other([&] {
            if (auto q = Projector::create("EPSG:4326", crs)) {
                second.emplace(std::move(q).value());
                project_range(through(*second), lon, lat, n / 2, n, p);
            }
        });
        project_range(through(*proj), lon, lat, 0, n / 2, p);
        other.join();
        if (!second) project_range(through(*proj), lon, lat, n / 2, n, p);  // no second context: this thread does it all
    } else {
        project_range(through(*proj), lon, lat, 0, n, p);
    }
    return true;
}

}  // namespace

Result<DensityPoints> make_density_points(const IncidentStore& store, DensityWeight weight,
                                          const std::vector<std::uint8_t>* include, const char* crs) {
    DensityPoints p;
    p.store = &store;
    if (auto ok = project_all(store.lon(), store.lat(), crs, p); !ok) return make_error(ok.error());
    p.weight = density_weights(store, weight, include);
    return p;
}

Result<DensityPoints> make_density_points(IncidentPositions&& positions, DensityWeight weight, const char* crs) {
    DensityPoints p;
    if (auto ok = project_all(positions.lon, positions.lat, crs, p); !ok) return make_error(ok.error());
    const std::size_t n = positions.size();
    p.weight.resize(n);
    for (std::size_t i = 0; i < n; ++i) {
        // local_mask's rule (IncidentAggregation.hpp) and density_weights' (above).
        const bool local = point_is_local(positions.location_precision[i]);
        const auto& fat = positions.fatalities[i];
        const float w = weight == DensityWeight::Count ? 1.0f : fat ? static_cast<float>(*fat) : 0.0f;
        p.weight[i] = local ? w : 0.0f;
    }
    p.day_start = std::move(positions.day_start);
    p.day_end = std::move(positions.day_end);
    return p;
}

std::optional<std::pair<Vec2, Vec2>> placed_extent(const DensityPoints& p) {
    Vec2 lo{INFINITY, INFINITY}, hi{-INFINITY, -INFINITY};
    for (std::size_t i = 0; i < p.size(); ++i) {
        if (std::isnan(p.x[i]) || std::isnan(p.y[i])) continue;
        lo = {std::min<double>(lo.x, p.x[i]), std::min<double>(lo.y, p.y[i])};
        hi = {std::max<double>(hi.x, p.x[i]), std::max<double>(hi.y, p.y[i])};
    }
    if (lo.x > hi.x) return std::nullopt;
    return std::pair{lo, hi};
}

}  // namespace mirador::geo
