#include <cmath>

#include "mirador/geo/IncidentAggregation.hpp"

namespace mirador::geo {

Placements place_incidents(IncidentStore& store, const Geocoder& geocoder) {
    const auto& m = geocoder.boundaries().municipalities;
    const auto declared = store.location_precision();
    Placements out;
    out.reserve(store.size());
    for (std::size_t i = 0; i < store.size(); ++i) {
        const double lon = store.lon()[i], lat = store.lat()[i];
        const GeocodeResult r = geocoder.place(lon, lat, store.place(i), store.state(i), declared[i]);
        out.push_back(r);
        if (r.status != GeoStatus::Matched) continue;
        if (!(std::isfinite(lon) && std::isfinite(lat)) && std::isfinite(r.lon)) store.set_location(i, r.lon, r.lat);
        if (r.municipality >= 0)
            store.set_municipality(i, static_cast<std::uint32_t>(r.municipality),
                                   m.attributes[static_cast<std::size_t>(r.municipality)].code);
    }
    return out;
}

std::vector<std::uint8_t> local_mask(const Placements& placed) {
    std::vector<std::uint8_t> mask(placed.size());
    for (std::size_t i = 0; i < mask.size(); ++i) mask[i] = placed.local(i) ? 1 : 0;
    return mask;
}

std::vector<std::uint8_t> local_mask(const IncidentStore& store) {
    const auto declared = store.location_precision();
    std::vector<std::uint8_t> mask(store.size());
    for (std::size_t i = 0; i < mask.size(); ++i) {
        mask[i] = point_is_local(declared[i]);
    }
    return mask;
}

}  // namespace mirador::geo
