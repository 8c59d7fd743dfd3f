#include "commands/Locate.hpp"
#include "platform/Report.hpp"

#include <cmath>
#include <cstdio>

namespace mirador {

int run_locate_command(const DataOptions& data, double lon, double lat) {
    if (!std::isfinite(lon) || !std::isfinite(lat) || std::abs(lon) > 180 || std::abs(lat) > 90) {
        eprint("mirador locate: %g, %g is not a longitude, latitude pair\n", lon, lat);
        return 2;
    }
    auto b = load_boundaries_verbose(data);
    if (!b) {
        eprint("mirador locate: %s\n", b.error().c_str());
        return 1;
    }
    auto proj = geo::lonlat_to_display((*b)->municipalities.crs);
    if (!proj) {
        eprint("mirador locate: %s\n", proj.error().c_str());
        return 1;
    }
    const long f = (*b)->locate(proj->forward(geo::Vec2{lon, lat}));
    if (f < 0) {
        std::printf("%.6f,%.6f,,,outside\n", lon, lat);
        return 3;
    }
    const auto& a = (*b)->municipalities.attributes[static_cast<std::size_t>(f)];
    const geo::StateInfo* s = (*b)->state_of(static_cast<std::size_t>(f));
    std::printf("%.6f,%.6f,%s,%s,%s\n", lon, lat, a.code.c_str(), a.name.c_str(), s ? s->name.c_str() : "");
    return 0;
}

}  // namespace mirador
