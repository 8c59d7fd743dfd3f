// libFuzzer target: geo::load_incident_layer over any bytes, given to GDAL in memory (/vsimem/) as
// a GeoJSON file when they start like a JSON object and as a CSV file (GDAL's CSV driver: a
// table without geometry, lon/lat as text attributes) otherwise. Only those two drivers stay
// registered, so that the time goes to our handling of features, not to GDAL's other drivers
// guessing at the bytes. Beyond the sanitizers it checks that errors and problems name the
// source, that every feature GDAL reads is an incident or a skipped feature, and that the store
// keeps the loaders' promises (FuzzStoreChecks.hpp).
#include <cpl_conv.h>
#include <cpl_vsi.h>
#include <gdal_priv.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "FuzzCheck.hpp"
#include "FuzzStoreChecks.hpp"
#include "mirador/geo/IncidentOgr.hpp"
#include "mirador/geo/LayerLoader.hpp"

using namespace mirador;

namespace {

void keep_only_geojson_and_csv() {
    geo::ensure_gdal_registered();
    GDALDriverManager* drivers = GetGDALDriverManager();
    std::string skip;
    for (int i = 0; i < drivers->GetDriverCount(); ++i) {
        const std::string name = drivers->GetDriver(i)->GetDescription();
        if (name != "GeoJSON" && name != "CSV") skip += (skip.empty() ? "" : ",") + name;  // commas: "ESRI Shapefile"
    }
    CPLSetConfigOption("GDAL_SKIP", skip.c_str());
    drivers->AutoSkipDrivers();
    FUZZ_CHECK(drivers->GetDriverCount() == 2, "expected only the GeoJSON and CSV drivers");
}

// The features GDAL reads from the source, counted apart from the loader (-1 when it cannot open
// it), and the layer's name.
long count_features(const std::string& path, std::string& layer_name) {
    GDALDatasetH ds = GDALOpenEx(path.c_str(), GDAL_OF_VECTOR, nullptr, nullptr, nullptr);
    if (!ds) return -1;
    long n = -1;
    if (GDALDatasetGetLayerCount(ds) == 1) {
        OGRLayerH layer = GDALDatasetGetLayer(ds, 0);
        layer_name = OGR_L_GetName(layer);
        n = 0;
        OGR_L_ResetReading(layer);
        while (OGRFeatureH f = OGR_L_GetNextFeature(layer)) {
            OGR_F_Destroy(f);
            ++n;
        }
    }
    GDALClose(ds);
    return n;
}

bool looks_like_json(std::string_view text) {
    const auto first = text.find_first_not_of(" \t\r\n");
    return first != std::string_view::npos && text[first] == '{';
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    keep_only_geojson_and_csv();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text = fuzz::as_text(data, size);
    const std::string path = looks_like_json(text) ? "/vsimem/fuzz/incidents.geojson" : "/vsimem/fuzz/incidents.csv";
    // GDAL reads the fuzzer's own buffer (not copied, not owned): a read past its end is caught.
    VSILFILE* f = VSIFileFromMemBuffer(path.c_str(), const_cast<GByte*>(data), size, FALSE);
    FUZZ_CHECK(f != nullptr, "cannot make " + path);
    VSIFCloseL(f);

    geo::IncidentOgrOptions options;
    options.path = path;
    std::vector<std::string> problems;
    auto store = geo::load_incident_layer(options, &problems);
    if (!store) {
        VSIUnlink(path.c_str());
        FUZZ_CHECK(store.error().rfind(path, 0) == 0, "the error does not name the source: " + store.error());
        return 0;
    }
    for (const std::string& p : problems)
        FUZZ_CHECK(p.rfind(path, 0) == 0, "a problem that does not name the source: " + p);
    // Every feature is an incident or a skipped feature: none vanishes silently. A skipped one is
    // "source[layer] feature N: why; feature skipped" (by the start and the end, not by a search:
    // values quoted in a message, GDAL's included, may hold the words too).
    std::string layer_name;
    const long features = count_features(path, layer_name);
    VSIUnlink(path.c_str());
    const std::string skip_start = path + "[" + layer_name + "] feature ";
    const auto skipped = std::count_if(problems.begin(), problems.end(), [&](const std::string& p) {
        return p.rfind(skip_start, 0) == 0 && (fuzz::ends_with(p, "; feature skipped") ||
                                               fuzz::ends_with(p, "; feature skipped (not fixed: check the source)"));
    });
    FUZZ_CHECK(features == static_cast<long>(store->size() + static_cast<std::size_t>(skipped)),
               std::to_string(features) + " features, " + std::to_string(store->size()) + " incidents and " +
                   std::to_string(skipped) + " skipped");
    fuzz::check_store(*store, options.bounds);
    return 0;
}
