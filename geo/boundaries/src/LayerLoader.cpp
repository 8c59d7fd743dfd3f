#include "mirador/geo/LayerLoader.hpp"

#include <cpl_error.h>
#include <gdal_priv.h>
#include <ogr_geometry.h>
#include <ogr_spatialref.h>
#include <ogrsf_frmts.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <filesystem>
#include <memory>

#include "GdalSupport.hpp"
#include "mirador/geo/GdalRegistration.hpp"
#include "mirador/geo/InputPath.hpp"
#include "mirador/geo/Text.hpp"

namespace mirador::geo {

namespace {

bool equal_ignoring_case(const std::string& a, const std::string& b) { return EQUAL(a.c_str(), b.c_str()); }

// file.shp -> file.dbf (or .DBF, as some exports write it) exists.
bool sibling_exists(const std::filesystem::path& shp, const char* ext) {
    std::string upper = ext;
    for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    std::error_code ec;
    return std::filesystem::exists(std::filesystem::path(shp).replace_extension(ext), ec) ||
           std::filesystem::exists(std::filesystem::path(shp).replace_extension(upper), ec);
}

using detail::DatasetPtr;
using detail::field_list;
using detail::find_field;
using detail::GdalMessageCollector;

bool is_polygonal(OGRwkbGeometryType t) {
    const auto flat = wkbFlatten(t);
    return flat == wkbPolygon || flat == wkbMultiPolygon || flat == wkbCurvePolygon ||
           flat == wkbMultiSurface || flat == wkbPolyhedralSurface || flat == wkbTIN;
}

bool is_unknown_or_collection(OGRwkbGeometryType t) {
    const auto flat = wkbFlatten(t);
    return flat == wkbUnknown || flat == wkbGeometryCollection;
}

// Appends one ring, dropping the closing vertex and consecutive duplicates, oriented CCW
// for outer rings and CW for holes (the triangulator and the index rely on it).
bool append_ring(const OGRLinearRing* ring, bool outer, PolygonLayer& layer) {
    const std::size_t start = layer.vertices.size();
    const int n = ring->getNumPoints();
    for (int i = 0; i < n; ++i) {
        const Vec2 p{ring->getX(i), ring->getY(i)};
        if (!std::isfinite(p.x) || !std::isfinite(p.y)) continue;
        if (layer.vertices.size() > start && layer.vertices.back() == p) continue;
        layer.vertices.push_back(p);
    }
    while (layer.vertices.size() > start + 1 && layer.vertices.back() == layer.vertices[start])
        layer.vertices.pop_back();
    if (layer.vertices.size() - start < 3) {
        layer.vertices.resize(start);
        return false;
    }
    layer.ring_first_vertex.push_back(static_cast<std::uint32_t>(layer.vertices.size()));
    const double area = layer.ring_signed_area(layer.ring_count() - 1);
    if ((outer && area < 0) || (!outer && area > 0))
        std::reverse(layer.vertices.begin() + static_cast<std::ptrdiff_t>(start), layer.vertices.end());
    return true;
}

void append_polygon(const OGRPolygon* poly, PolygonLayer& layer) {
    if (poly->IsEmpty()) return;
    if (!append_ring(poly->getExteriorRing(), true, layer)) return;
    for (int i = 0; i < poly->getNumInteriorRings(); ++i) append_ring(poly->getInteriorRing(i), false, layer);
    layer.polygon_first_ring.push_back(static_cast<std::uint32_t>(layer.ring_count()));
}

// Returns the number of polygons appended.
std::size_t append_geometry(const OGRGeometry* g, PolygonLayer& layer) {
    const std::size_t before = layer.polygon_count();
    const auto flat = wkbFlatten(g->getGeometryType());
    if (flat == wkbPolygon) {
        append_polygon(g->toPolygon(), layer);
    } else if (flat == wkbMultiPolygon || flat == wkbGeometryCollection) {
        for (const OGRGeometry* part : *g->toGeometryCollection()) append_geometry(part, layer);
    } else if (is_polygonal(flat)) {
        // Curved or TIN geometries: linearise once and take the polygons.
        std::unique_ptr<OGRGeometry> lin(g->getLinearGeometry());
        if (lin) {
            std::unique_ptr<OGRGeometry> mp(OGRGeometryFactory::forceToMultiPolygon(lin.release()));
            if (mp) append_geometry(mp.get(), layer);
        }
    }
    return layer.polygon_count() - before;
}

std::string srs_to_proj_input(const OGRSpatialReference& srs) {
    const char* auth = srs.GetAuthorityName(nullptr);
    const char* code = srs.GetAuthorityCode(nullptr);
    if (auth && code) return std::string(auth) + ":" + code;
    char* wkt = nullptr;
    const char* opts[] = {"FORMAT=WKT2_2019", nullptr};
    srs.exportToWkt(&wkt, opts);
    std::string out = wkt ? wkt : "";
    CPLFree(wkt);
    return out;
}

// A shapefile is opened by the shapefile driver alone, registered in well under a millisecond
// where all of GDAL's drivers take 10-30 ms (a tenth of `mirador hotspots`); anything else, or a
// shapefile that driver refuses, by all of GDAL's drivers.
DatasetPtr open_vector(const std::string& path, bool shapefile) {
    if (shapefile) {
        ensure_shapefile_driver_registered();
        const char* const only[] = {"ESRI Shapefile", nullptr};
        DatasetPtr ds(static_cast<GDALDataset*>(GDALOpenEx(path.c_str(), GDAL_OF_VECTOR, only, nullptr, nullptr)));
        if (ds) return ds;
    }
    ensure_gdal_registered();
    return DatasetPtr(static_cast<GDALDataset*>(GDALOpenEx(path.c_str(), GDAL_OF_VECTOR, nullptr, nullptr, nullptr)));
}

}  // namespace

Result<PolygonLayer> load_polygon_layer(const LayerLoadOptions& opt, std::vector<std::string>* warnings) {
    auto warn = [&](std::string w) {
        if (warnings) warnings->push_back(std::move(w));
    };
    const std::string& path = opt.path;
    if (auto ok = check_input_path(path, FolderPolicy::Allow); !ok) return make_error(ok.error());

    GdalMessageCollector gdal_messages;
    // A shapefile is several files; name the one that is the problem rather than its symptom.
    const std::filesystem::path shp(path);
    const bool is_shapefile = !is_connection_string(path) && equal_ignoring_case(shp.extension().string(), ".shp");
    DatasetPtr ds = open_vector(path, is_shapefile);
    if (!ds) {
        return make_error(path + ": " + detail::why_not_vector(path, gdal_messages.last()));
    }
    if (ds->GetLayerCount() == 0) return make_error(path + ": contains no layers");

    OGRLayer* layer = opt.layer.empty() ? ds->GetLayer(0) : ds->GetLayerByName(opt.layer.c_str());
    if (!layer) {
        std::string names;
        for (int i = 0; i < ds->GetLayerCount(); ++i) names += (i ? ", " : "") + std::string(ds->GetLayer(i)->GetName());
        return make_error(path + ": no layer named '" + opt.layer + "' (layers: " + names + ")");
    }
    const std::string where = path + (ds->GetLayerCount() > 1 ? " [" + std::string(layer->GetName()) + "]" : "");

    const OGRwkbGeometryType declared = layer->GetGeomType();
    if (!is_polygonal(declared) && !is_unknown_or_collection(declared))
        return make_error(where + ": has " + OGRGeometryTypeToName(declared) +
                          " geometries; a polygon layer is expected");

    if (is_shapefile && !sibling_exists(shp, ".dbf"))
        return make_error(where + ": " + shp.stem().string() + ".dbf is missing beside it (a shapefile's attributes, " +
                          opt.fields.code + " and the names, are in its .dbf)");
    if (layer->GetFeatureCount(TRUE) == 0) return make_error(where + ": the layer has no features (an empty file?)");

    OGRFeatureDefn* defn = layer->GetLayerDefn();
    const int f_code = find_field(defn, opt.fields.code);
    const int f_state = find_field(defn, opt.fields.state_code);
    const int f_local = find_field(defn, opt.fields.local_code);
    const int f_name = find_field(defn, opt.fields.name);
    if (f_code < 0)
        return make_error(where + ": no field '" + opt.fields.code + "' for the feature code (fields: " +
                          field_list(defn) + ")");
    if (f_name < 0)
        warn(where + ": no field '" + opt.fields.name + "'; features are named by their code");

    // Decide the source CRS before reading anything, so a missing .prj fails fast.
    std::string source_crs;
    if (const OGRSpatialReference* srs = layer->GetSpatialRef()) {
        source_crs = srs_to_proj_input(*srs);
    } else if (is_shapefile && sibling_exists(shp, ".prj")) {
        const std::string why = gdal_messages.last();
        return make_error(where + ": " + shp.stem().string() +
                          ".prj cannot be read as a coordinate reference system" + (why.empty() ? "" : " (" + why + ")") +
                          "; fix or replace it, or remove it and pass --source-crs EPSG:XXXX");
    } else if (!opt.assume_source_crs.empty()) {
        source_crs = opt.assume_source_crs;
        warn(where + ": declares no CRS (no .prj?); assuming " + source_crs + " as requested");
    } else {
        return make_error(where + ": declares no coordinate reference system (is the .prj file missing?). "
                                  "Add the .prj, or pass --source-crs EPSG:XXXX to say which CRS it is in");
    }
    auto projector = Projector::create(source_crs, crs_definition(opt.display_crs));
    if (!projector) return make_error(where + ": " + projector.error());

    PolygonLayer out;
    out.source = path;
    out.layer_name = layer->GetName();
    out.crs = opt.display_crs;

    bool recoded_any = false;
    auto text = [&](OGRFeature& f, int idx) -> std::string {
        if (idx < 0 || !f.IsFieldSetAndNotNull(idx)) return {};
        bool recoded = false;
        std::string s = ensure_utf8(f.GetFieldAsString(idx), &recoded);
        recoded_any |= recoded;
        return s;
    };

    // A shapefile's points take 16 bytes each in the .shp: room for all of them at once spares
    // the copies (and the fresh pages) of a vector that doubles its way up to 10^5 points.
    std::error_code size_error;
    if (const auto bytes = is_shapefile ? std::filesystem::file_size(shp, size_error) : 0; !size_error && bytes > 0)
        out.vertices.reserve(static_cast<std::size_t>(bytes / sizeof(Vec2)));
    layer->ResetReading();
    long index = 0;
    std::vector<std::string> unreadable;  // "feature 973: no geometry", one per feature not loaded
    const std::size_t failures_before = gdal_messages.failures();
    while (true) {
        std::unique_ptr<OGRFeature> feature(layer->GetNextFeature());
        if (!feature) break;
        ++index;
        const OGRGeometry* g = feature->GetGeometryRef();
        const std::string feature_name = "feature " + std::to_string(index);
        if (!g || g->IsEmpty()) {
            unreadable.push_back(feature_name + ": no geometry");
            continue;
        }
        if (!is_polygonal(g->getGeometryType()) && wkbFlatten(g->getGeometryType()) != wkbGeometryCollection) {
            unreadable.push_back(feature_name + ": a " + OGRGeometryTypeToName(g->getGeometryType()) + ", not a polygon");
            continue;
        }
        if (append_geometry(g, out) == 0) {
            unreadable.push_back(feature_name + ": no usable polygon");
            continue;
        }
        FeatureAttributes a;
        a.code = text(*feature, f_code);
        a.state_code = text(*feature, f_state);
        a.local_code = text(*feature, f_local);
        a.name = text(*feature, f_name);
        // INEGI's keys nest: CVEGEO = CVE_ENT + CVE_MUN. Fill what a file left out.
        if (a.state_code.empty() && a.code.size() >= 2) a.state_code = a.code.substr(0, 2);
        if (a.local_code.empty() && a.code.size() == 5) a.local_code = a.code.substr(2);
        if (a.name.empty()) a.name = a.code;
        out.attributes.push_back(std::move(a));
        out.feature_first_polygon.push_back(static_cast<std::uint32_t>(out.polygon_count()));
    }
    // Features GDAL counted but never handed over (a file cut short) are missing too.
    const GIntBig declared_count = layer->GetFeatureCount(FALSE);
    const bool read_errors = gdal_messages.failures() > failures_before;
    if (!unreadable.empty() || read_errors || (declared_count >= 0 && declared_count > index)) {
        const long total = std::max<long>(index, static_cast<long>(declared_count));
        const long loaded = static_cast<long>(out.feature_count());
        std::string m = where + ": " + std::to_string(total - loaded) + " of " + std::to_string(total) +
                        " features could not be read";
        for (std::size_t k = 0; k < unreadable.size() && k < 3; ++k) m += (k ? "; " : " (") + unreadable[k];
        if (!unreadable.empty()) m += unreadable.size() > 3 ? "; ...)" : ")";
        if (read_errors) m += "; GDAL: " + gdal_messages.last();
        if (!opt.allow_partial)
            return make_error(m + ". The file looks truncated or damaged; pass --allow-partial to load the " +
                              std::to_string(loaded) + " features that can be read");
        warn(m + "; loaded the " + std::to_string(loaded) + " that could be read (--allow-partial)");
    }
    // GDAL says the same thing once per damaged feature: the first few, then a count.
    const auto messages = gdal_messages.take();
    for (std::size_t k = 0; k < messages.size() && k < 3; ++k) warn(where + ": " + messages[k]);
    if (messages.size() > 3) warn(where + ": " + std::to_string(messages.size() - 3) + " more messages from GDAL like these");
    if (recoded_any)
        warn(where + ": text is not UTF-8 and no encoding is declared (.cpg); read it as Latin-1 (ISO-8859-1)");

    if (out.feature_count() == 0) {
        if (index == 0) return make_error(where + ": the layer has no features (empty or unreadable file)");
        return make_error(where + ": none of its " + std::to_string(index) + " features has a polygon");
    }

    projector->forward(out.vertices);
    for (const auto& v : out.vertices)
        if (!std::isfinite(v.x) || !std::isfinite(v.y))
            return make_error(where + ": coordinates cannot be projected to " + crs_definition(opt.display_crs) +
                              " (is the declared CRS right?)");

    out.feature_bbox.resize(out.feature_count());
    for (std::size_t f = 0; f < out.feature_count(); ++f) {
        const std::uint32_t r0 = out.polygon_first_ring[out.feature_first_polygon[f]];
        const std::uint32_t r1 = out.polygon_first_ring[out.feature_first_polygon[f + 1]];
        for (std::uint32_t v = out.ring_first_vertex[r0]; v < out.ring_first_vertex[r1]; ++v)
            out.feature_bbox[f].add(out.vertices[v]);
        out.bbox.add(out.feature_bbox[f]);
    }
    return out;
}

}  // namespace mirador::geo
