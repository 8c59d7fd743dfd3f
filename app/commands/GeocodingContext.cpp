#include "commands/GeocodingContext.hpp"
#include "platform/Report.hpp"

#include <cstdio>

// GCC 12 at -O3 reports a std::string inside a moved-from Result<unordered_map> as freed
// while not heap-allocated (-Wfree-nonheap-object); it is a known false positive of that
// release (the same code is clean under ASan), silenced for this file only.
#if defined(__GNUC__) && !defined(__clang__) && __GNUC__ == 12
#pragma GCC diagnostic ignored "-Wfree-nonheap-object"
#endif

namespace mirador {

geo::Result<GeocodingContext> load_geocoding_context(const DataOptions& data, const char* command,
                                                     std::unique_ptr<geo::Boundaries> boundaries) {
    GeocodingContext c;
    if (boundaries) {
        c.boundaries = std::move(boundaries);
    } else {
        auto b = load_boundaries_verbose(data);
        if (!b) return geo::make_error(b.error());
        c.boundaries = std::move(b.value());
    }

    // The data folder's tables when there is one (scripts/fetch-data), else the bundled ones
    // (scripts/make-assets), so a fresh clone or an installed package geocodes localities and
    // gives rates with nothing beside it.
    const auto table = [](const std::string& flag, const char* data_file, const char* asset) {
        if (!flag.empty()) return flag;
        const std::string found = find_data_file(data_file);
        return found.empty() ? find_asset_file(asset) : found;
    };
    const std::string gaz = table(data.boundaries.gazetteer, "gazetteer/localidades_mx.csv", "localities_2020.csv.gz");
    if (gaz.empty()) {
        eprint("%s: no localities gazetteer (assets/localities_2020.csv.gz is missing: run scripts/make-assets, or "
               "pass --gazetteer); places match states and municipalities only\n",
               command);
    } else {
        std::vector<std::string> problems;
        auto g = geo::load_gazetteer(gaz, &problems);
        if (!g) return geo::make_error(g.error());
        for (const auto& p : problems) eprint("%s: warning: %s\n", command, p.c_str());
        c.gazetteer = std::make_unique<geo::Gazetteer>(std::move(g.value()));
    }
    const std::string pop = table(data.boundaries.population, "mx/population_2020.csv", "population_2020.csv");
    if (!pop.empty()) {
        auto p = geo::load_population(pop);
        if (!p) return geo::make_error(p.error());
        c.population = std::make_unique<geo::PopulationTable>(std::move(p.value()));
    }
    c.geocoder = std::make_unique<geo::Geocoder>(*c.boundaries, c.gazetteer.get(), c.population.get());
    return c;
}

}  // namespace mirador
