#include "mirador/geo/UnitTableWriter.hpp"

#include <ogr_spatialref.h>

#include <atomic>
#include <cstdlib>

#include "GdalSupport.hpp"
#include "mirador/geo/AtomicFile.hpp"
#include "mirador/geo/CsvReader.hpp"
#include "mirador/geo/GdalRegistration.hpp"

namespace mirador::geo {

bool ends_with_gpkg(const std::string& path) {
    if (path.size() < 5) return false;
    std::string tail = path.substr(path.size() - 5);
    for (auto& c : tail) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return tail == ".gpkg";
}

Result<bool> write_unit_table_csv(const std::string& path, const UnitTable& t) {
    auto out = AtomicFile::create(path);
    if (!out) return make_error(out.error());
    for (std::size_t c = 0; c < t.columns.size(); ++c) *out << (c ? "," : "") << csv_field(t.columns[c]);
    *out << '\n';
    for (const auto& row : t.rows) {
        for (std::size_t c = 0; c < row.size(); ++c) {
            if (c) *out << ',';
            *out << csv_field(row[c]);
        }
        *out << '\n';
    }
    return out->commit();
}

Result<bool> write_unit_table_gpkg(const std::string& path, const UnitTable& t,
                                   const std::vector<const PolygonLayer*>& geometry,
                                   const std::vector<std::size_t>& features, const std::string& layer_name,
                                   const std::string& description) {
    ensure_gdal_registered();
    detail::GdalMessageCollector messages;
    const auto fail = [&](const std::string& what) {
        const std::string why = messages.last();
        return make_error(path + ": " + what + (why.empty() ? std::string() : ": " + why));
    };
    // SQLite wants a real path with room for its journal beside it, so the GeoPackage is built in
    // GDAL's memory file system and its bytes then go to the target through AtomicFile.
    static std::atomic<int> serial{0};
    const std::string mem = "/vsimem/mirador-units-" + std::to_string(serial++) + ".gpkg";
    GDALDriver* driver = GetGDALDriverManager()->GetDriverByName("GPKG");
    if (!driver) return make_error(path + ": GDAL has no GPKG driver");
    {
        detail::DatasetPtr ds(driver->Create(mem.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
        if (!ds) return fail("cannot create the GeoPackage");
        OGRSpatialReference srs;
        const PolygonLayer* first = geometry.empty() ? nullptr : geometry.front();
        srs.importFromEPSG(first ? epsg_code(first->crs) : 6372);
        srs.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
        const char* options[] = {"SPATIAL_INDEX=YES", nullptr};
        OGRLayer* layer = ds->CreateLayer(layer_name.c_str(), &srs, wkbMultiPolygon, const_cast<char**>(options));
        if (!layer) return fail("cannot create the layer");
        for (std::size_t c = 0; c < t.columns.size(); ++c) {
            const char type = c < t.types.size() ? t.types[c] : 's';
            OGRFieldDefn field(t.columns[c].c_str(), type == 'r' ? OFTReal : type == 'i' ? OFTInteger64 : OFTString);
            if (layer->CreateField(&field) != OGRERR_NONE) return fail("cannot create the field " + t.columns[c]);
        }
        if (!description.empty()) layer->SetMetadataItem("DESCRIPTION", description.c_str());
        if (ds->StartTransaction() != OGRERR_NONE) return fail("cannot start a transaction");
        for (std::size_t k = 0; k < t.rows.size(); ++k) {
            OGRFeature feature(layer->GetLayerDefn());
            for (std::size_t c = 0; c < t.rows[k].size(); ++c) {
                const std::string& v = t.rows[k][c];
                if (v.empty() && c < t.types.size() && t.types[c] != 's') continue;  // null
                feature.SetField(static_cast<int>(c), v.c_str());
            }
            const PolygonLayer& l = *geometry[k < geometry.size() ? k : 0];
            const std::size_t f = features[k];
            OGRMultiPolygon multi;
            for (auto p = l.feature_first_polygon[f]; p < l.feature_first_polygon[f + 1]; ++p) {
                OGRPolygon poly;
                for (auto r = l.polygon_first_ring[p]; r < l.polygon_first_ring[p + 1]; ++r) {
                    OGRLinearRing ring;
                    for (auto v = l.ring_first_vertex[r]; v < l.ring_first_vertex[r + 1]; ++v)
                        ring.addPoint(l.vertices[v].x, l.vertices[v].y);
                    ring.closeRings();
                    poly.addRing(&ring);
                }
                multi.addGeometry(&poly);
            }
            feature.SetGeometry(&multi);
            if (layer->CreateFeature(&feature) != OGRERR_NONE) return fail("cannot write row " + std::to_string(k + 1));
        }
        if (ds->CommitTransaction() != OGRERR_NONE) return fail("cannot commit");
    }
    vsi_l_offset size = 0;
    GByte* bytes = VSIGetMemFileBuffer(mem.c_str(), &size, FALSE);
    if (!bytes) return fail("the GeoPackage was not written");
    auto written = write_file_atomically(path, std::string_view(reinterpret_cast<const char*>(bytes), size));
    VSIUnlink(mem.c_str());
    return written;
}

}  // namespace mirador::geo
