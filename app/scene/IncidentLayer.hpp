#pragma once
// The incidents the map shows, with everything derived from them that the window and the
// snapshot share: where each one is on the map, which pass the filters, and the counts per
// municipality and state for those filters. Plain data plus the functions that update it.
#include <memory>
#include <string>
#include <vector>

#include "mirador/geo/IncidentAggregation.hpp"
#include "render/MapView.hpp"
#include "scene/IncidentPicker.hpp"

namespace mirador {

struct IncidentFilterUi {
    geo::IncidentFilter filter;  // category, actor (folded), minimum fatalities, time
    std::string text;            // folded; matched against place, id, notes, source, actors
};

struct IncidentLayer {
    std::string source;                      // file, for messages
    geo::IncidentStore store;
    std::vector<geo::GeocodeResult> placed;  // per incident, store order
    std::vector<geo::Vec2> display_xy;       // display CRS; NaN when not placed
    IncidentFilterUi filters;
    std::vector<std::uint8_t> visible;       // 1: passes the filters and is placed
    geo::Aggregation by_municipality, by_state;
    std::size_t visible_count = 0;
    IncidentPicker picker;  // over display_xy; rebuild it if display_xy changes

    // Recomputes `visible` and the counts; call after changing `filters`.
    void apply_filters(const geo::Boundaries& b, const geo::PopulationTable* population);
    // Nearest visible incident within `radius_px` of screen point (sx, sy), or -1.
    long pick(const MapView& view, double sx, double sy, double radius_px) const;
};

// Loads any incident source (CSV, OGR, PG:), places every incident with the geocoder, and
// applies no filter. Row problems and unplaced incidents go to `problems`.
// Where incidents come from: a file or PG: string, its layer (OGR), and an optional
// `field=column` mapping file for layouts other than Mirador's (see IncidentCsv.hpp).
struct IncidentSource {
    std::string path, layer, mapping;
};

geo::Result<std::unique_ptr<IncidentLayer>> load_incident_layer(const IncidentSource& source,
                                                                const geo::Geocoder& geocoder,
                                                                const geo::PopulationTable* population,
                                                                std::vector<std::string>& problems);

}  // namespace mirador
