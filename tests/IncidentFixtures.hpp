#pragma once
// Incident layers the render tests share: a CSV loaded and placed on the bundled boundaries
// with INEGI's gazetteer (needs the data folder).
#include <memory>
#include <string>

#include "mirador/geo/Gazetteer.hpp"
#include "mirador/geo/Geocoder.hpp"
#include "scene/IncidentLayer.hpp"

namespace mirador::test {

struct PlacedIncidents {
    geo::Gazetteer gazetteer;
    std::unique_ptr<geo::Geocoder> geocoder;
    std::unique_ptr<IncidentLayer> layer;
};

// Loads `csv` once per test binary (throws with the loader's message if it fails).
PlacedIncidents& placed_incidents(const std::string& csv);

// Puts a shared layer back as loaded (no filters, all time) when the test leaves, whether its
// checks passed or a REQUIRE ended it early: later tests see the fixture they expect.
class LayerRestorer {
public:
    LayerRestorer(IncidentLayer& layer, const geo::Boundaries& boundaries) : layer_(layer), boundaries_(boundaries) {}
    ~LayerRestorer() {
        layer_.filters = {};
        layer_.time_window.reset();
        layer_.apply_filters(boundaries_, nullptr);
    }
    LayerRestorer(const LayerRestorer&) = delete;
    LayerRestorer& operator=(const LayerRestorer&) = delete;

private:
    IncidentLayer& layer_;
    const geo::Boundaries& boundaries_;
};

}  // namespace mirador::test
