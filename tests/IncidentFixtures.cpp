#include "IncidentFixtures.hpp"

#include <map>
#include <stdexcept>

#include "TestData.hpp"

namespace mirador::test {

PlacedIncidents& placed_incidents(const std::string& csv) {
    // Map nodes never move, so the geocoder's pointer to the gazetteer beside it stays valid.
    static std::map<std::string, PlacedIncidents> loaded;
    if (auto it = loaded.find(csv); it != loaded.end()) return it->second;
    auto g = geo::load_gazetteer(data_dir() + "/gazetteer/localidades_mx.csv");
    if (!g) throw std::runtime_error(g.error());
    PlacedIncidents& x = loaded[csv];
    x.gazetteer = std::move(g.value());
    x.geocoder = std::make_unique<geo::Geocoder>(default_boundaries(), &x.gazetteer, nullptr);
    std::vector<std::string> problems;
    auto layer = load_incident_layer(IncidentSource{csv, "", "", false}, *x.geocoder, nullptr, problems);
    if (!layer) {
        loaded.erase(csv);
        throw std::runtime_error(layer.error());
    }
    x.layer = std::move(layer.value());
    return x;
}

}  // namespace mirador::test
