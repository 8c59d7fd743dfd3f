#include "SyntheticIncidents.hpp"

#include <cstdio>
#include <random>
#include <stdexcept>
#include <string>

#include "TestData.hpp"
#include "mirador/geo/IncidentDate.hpp"

namespace mirador::test {

namespace {

constexpr const char* kHeader = "id,date,place,state,lon,lat,category,actors,fatalities,injured,source,notes\n";

SyntheticIncidents load(const std::string& path) {
    SyntheticIncidents s;
    s.geocoder = std::make_unique<geo::Geocoder>(default_boundaries(), nullptr, nullptr);
    std::vector<std::string> problems;
    auto layer = load_incident_layer(IncidentSource{path, "", "", false}, *s.geocoder, nullptr, problems);
    if (!layer) throw std::runtime_error(layer.error());
    s.layer = std::move(layer).value();
    return s;
}

std::FILE* open_csv(const std::string& path) {
    std::FILE* f = std::fopen(path.c_str(), "w");
    if (!f) throw std::runtime_error("cannot write " + path);
    std::fputs(kHeader, f);
    return f;
}

}  // namespace

SyntheticIncidents synthetic_incidents(std::size_t n, unsigned seed) {
    const std::string path = temp_dir("synthetic-" + std::to_string(n) + "-" + std::to_string(seed)) + "/incidents.csv";
    {
        std::FILE* f = open_csv(path);
        std::mt19937 rng(seed);
        const double centers[3][2] = {{-107.39, 24.80}, {-99.13, 19.43}, {-106.45, 31.70}};
        const char* categories[] = {"armed clash", "massacre", "ambush", "military operation", "other"};
        std::normal_distribution<double> spread(0.0, 0.3);
        std::uniform_int_distribution<int> day(0, 729), pick(0, 2), cat(0, 4), dead(0, 6);
        const std::int32_t first = geo::days_from_civil(2019, 1, 1);
        for (std::size_t i = 0; i < n; ++i) {
            const int c = pick(rng);
            const geo::CivilDate d = geo::civil_from_days(first + day(rng));
            std::fprintf(f, "s%zu,%04d-%02d-%02d,,,%.6f,%.6f,%s,,%d,,synthetic,\n", i, d.year, d.month, d.day,
                         centers[c][0] + spread(rng), centers[c][1] + spread(rng), categories[cat(rng)], dead(rng));
        }
        std::fclose(f);
    }
    return load(path);
}

SyntheticIncidents incidents_from_rows(const std::string& name, const std::string& rows) {
    const std::string path = temp_dir(name) + "/incidents.csv";
    std::FILE* f = open_csv(path);
    std::fputs(rows.c_str(), f);
    std::fclose(f);
    return load(path);
}

}  // namespace mirador::test
