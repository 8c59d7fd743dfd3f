#include "CityIncidents.hpp"

#include <cstdio>
#include <cstdlib>
#include <random>

#include "mirador/geo/IncidentCsv.hpp"
#include "mirador/geo/Projector.hpp"

namespace mirador::bench {

using namespace mirador::geo;

namespace {

struct City {
    double lon, lat, spread_km, weight;
};
// Approximate centres of large or violence-affected cities, written out for this benchmark.
constexpr City kCities[] = {
    {-99.13, 19.43, 25, 10}, {-103.35, 20.67, 20, 8}, {-100.31, 25.67, 18, 6}, {-107.39, 24.80, 8, 7},
    {-106.42, 23.23, 6, 4},  {-106.49, 31.69, 12, 6}, {-117.04, 32.51, 15, 7}, {-115.45, 32.62, 10, 3},
    {-110.96, 29.07, 10, 3}, {-104.66, 24.03, 8, 2},  {-103.23, 25.54, 10, 3}, {-97.50, 25.87, 8, 4},
    {-99.51, 27.48, 6, 4},   {-98.30, 26.08, 8, 3},   {-97.86, 22.25, 10, 3}, {-99.89, 16.86, 8, 5},
    {-99.54, 18.35, 5, 4},   {-99.50, 17.55, 5, 3},   {-101.18, 19.70, 8, 4}, {-102.05, 19.41, 5, 4},
    {-102.90, 18.92, 30, 3}, {-101.26, 20.52, 6, 5},  {-101.35, 20.68, 5, 4}, {-101.68, 21.12, 12, 4},
    {-100.39, 20.59, 10, 3}, {-102.57, 22.77, 8, 4},  {-96.13, 19.18, 10, 3}, {-94.45, 18.14, 8, 2},
    {-98.20, 19.04, 12, 3},  {-96.72, 17.06, 10, 2},  {-92.95, 17.99, 10, 2}, {-93.12, 16.75, 8, 2},
    {-86.85, 21.16, 8, 3},   {-89.62, 20.97, 10, 1},  {-104.89, 21.50, 6, 2}, {-103.72, 19.24, 40, 3}};

}  // namespace

CityIncidents city_incidents(std::size_t n) {
    std::mt19937_64 rng(20250101);
    std::vector<double> w;
    for (const City& c : kCities) w.push_back(c.weight);
    std::discrete_distribution<std::size_t> pick(w.begin(), w.end());
    std::uniform_real_distribution<double> u01(0, 1);
    std::normal_distribution<double> g(0, 1);
    auto proj = lonlat_to_display(DisplayCrs::Mexico6372);
    if (!proj) {
        std::fprintf(stderr, "error: %s\n", proj.error().c_str());
        std::exit(1);
    }
    std::vector<Vec2> anchor;
    for (const City& c : kCities) anchor.push_back(proj->forward(Vec2{c.lon, c.lat}));
    const std::int32_t first = days_from_civil(2014, 1, 1), span = days_from_civil(2023, 12, 31) - first;
    CityIncidents out;
    out.lonlat.resize(n);
    out.dates.resize(n);
    const LonLatBox mexico;  // what the CSV loader accepts: points beyond it are drawn again
    for (std::size_t i = 0; i < n; ++i) {
        do {
            if (u01(rng) < 0.15) {
                out.lonlat[i] = {-117.1 + 30.3 * u01(rng), 14.5 + 18.2 * u01(rng)};  // lon/lat already
            } else {
                const std::size_t c = pick(rng);
                const double s = kCities[c].spread_km * 1000;
                out.lonlat[i] = proj->inverse(Vec2{anchor[c].x + s * g(rng), anchor[c].y + s * g(rng)});
            }
        } while (!mexico.contains(out.lonlat[i].x, out.lonlat[i].y));
        const CivilDate d = civil_from_days(first + static_cast<std::int32_t>(span * u01(rng)));
        const double p = u01(rng);
        IncidentDate& date = out.dates[i];
        date.day_start = date.day_end = days_from_civil(d.year, d.month, d.day);
        if (p > 0.97) {
            date.precision = DatePrecision::Year;
            date.day_start = days_from_civil(d.year, 1, 1), date.day_end = days_from_civil(d.year, 12, 31);
        } else if (p > 0.90) {
            date.precision = DatePrecision::Month;
            date.day_start = days_from_civil(d.year, d.month, 1);
            date.day_end = days_from_civil(d.year, d.month, days_in_month(d.year, d.month));
        }
    }
    return out;
}

IncidentStore to_store(const CityIncidents& c) {
    IncidentStoreBuilder b;
    b.reserve(c.size());
    for (std::size_t i = 0; i < c.size(); ++i) {
        IncidentView v;
        v.lon = c.lonlat[i].x;
        v.lat = c.lonlat[i].y;
        v.date = c.dates[i];
        b.add(v);
    }
    return b.finish();
}

std::string date_text(const geo::IncidentDate& d) {
    const geo::CivilDate c = geo::civil_from_days(d.day_start);
    char buf[16];
    if (d.precision == geo::DatePrecision::Year) std::snprintf(buf, sizeof buf, "%04d", c.year);
    else if (d.precision == geo::DatePrecision::Month) std::snprintf(buf, sizeof buf, "%04d-%02d", c.year, c.month);
    else std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", c.year, c.month, c.day);
    return buf;
}

}  // namespace mirador::bench
