#include "mirador/geo/IncidentOgr.hpp"

#include <gdal_priv.h>
#include <ogr_geometry.h>
#include <ogr_spatialref.h>
#include <ogrsf_frmts.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <limits>
#include <memory>
#include <optional>

#include "GdalSupport.hpp"
#include "mirador/geo/InputPath.hpp"
#include "IncidentChecks.hpp"
#include "mirador/geo/GdalRegistration.hpp"
#include "mirador/geo/Text.hpp"

namespace mirador::geo {

namespace {

using detail::trim;

std::string layer_names(GDALDataset& ds) {
    std::string names;
    const int n = ds.GetLayerCount();
    for (int i = 0; i < n && i < 20; ++i) names += (i ? ", " : "") + std::string(ds.GetLayer(i)->GetName());
    if (n > 20) names += ", ... (" + std::to_string(n) + " in all)";
    return names;
}

bool is_point_type(OGRwkbGeometryType t) {
    const auto flat = wkbFlatten(t);
    return flat == wkbPoint || flat == wkbMultiPoint;
}

// A count of people from any kind of attribute. False when the value is not a whole number >= 0;
// `shown` then holds it as the source has it.
bool read_count(OGRFeature& f, int idx, std::optional<std::uint32_t>& out, std::string& shown) {
    out.reset();
    if (idx < 0 || !f.IsFieldSetAndNotNull(idx)) return true;
    shown = f.GetFieldAsString(idx);
    const OGRFieldType type = f.GetFieldDefnRef(idx)->GetType();
    if (type == OFTInteger || type == OFTInteger64) {
        const GIntBig v = f.GetFieldAsInteger64(idx);
        if (v < 0 || v > static_cast<GIntBig>(std::numeric_limits<std::uint32_t>::max())) return false;
        out = static_cast<std::uint32_t>(v);
        return true;
    }
    if (type == OFTReal) {
        const double v = f.GetFieldAsDouble(idx);
        if (!std::isfinite(v) || v < 0 || v != std::floor(v) || v > std::numeric_limits<std::uint32_t>::max())
            return false;
        out = static_cast<std::uint32_t>(v);
        return true;
    }
    return detail::parse_count(trim(shown), out);
}

// A coordinate from an attribute: a number field, or text holding one.
bool read_coordinate(OGRFeature& f, int idx, double& out) {
    const OGRFieldType type = f.GetFieldDefnRef(idx)->GetType();
    if (type == OFTReal || type == OFTInteger || type == OFTInteger64) {
        out = f.GetFieldAsDouble(idx);
        return true;
    }
    std::string_view text = trim(f.GetFieldAsString(idx));
    if (!text.empty() && text.front() == '+') text.remove_prefix(1);
    const auto r = std::from_chars(text.data(), text.data() + text.size(), out);
    return r.ec == std::errc() && r.ptr == text.data() + text.size() && !text.empty();
}

struct Fields {
    int id = -1, date = -1, date_end = -1, date_precision = -1, time = -1, place = -1, state = -1, lon = -1, lat = -1,
        location_precision = -1, category = -1, actors = -1, fatalities = -1, injured = -1, source = -1, notes = -1;
    std::vector<int> more_actors;  // attributes after the first when `actors` names several
};

}  // namespace

Result<IncidentStore> load_incident_layer(const IncidentOgrOptions& opt, std::vector<std::string>* problems) {
    ensure_gdal_registered();
    auto report = [&](std::string message) {
        if (problems) problems->push_back(std::move(message));
    };
    const std::string name = display_name(opt.path);
    if (opt.path.empty()) return make_error("no incident source given");
    if (auto ok = check_input_path(opt.path, FolderPolicy::Allow); !ok) return make_error(display_name(ok.error()));

    detail::GdalMessageCollector gdal_messages;
    detail::DatasetPtr ds(
        static_cast<GDALDataset*>(GDALOpenEx(opt.path.c_str(), GDAL_OF_VECTOR, nullptr, nullptr, nullptr)));
    if (!ds) {
        return make_error(name + ": " + display_name(detail::why_not_vector(opt.path, gdal_messages.last())));
    }
    const int layer_count = ds->GetLayerCount();
    if (layer_count == 0) return make_error(name + ": contains no layers");
    OGRLayer* layer = nullptr;
    if (opt.layer.empty()) {
        if (layer_count > 1)
            return make_error(name + ": has " + std::to_string(layer_count) + " layers (" + layer_names(*ds) +
                              "); say which one holds the incidents");
        layer = ds->GetLayer(0);
    } else {
        layer = ds->GetLayerByName(opt.layer.c_str());
        if (!layer) return make_error(name + ": no layer named '" + opt.layer + "' (layers: " + layer_names(*ds) + ")");
    }
    const std::string where = name + "[" + layer->GetName() + "]";

    // Geometry: points (reprojected), none (lon/lat attributes), or unknown (checked per feature).
    const bool has_geometry = layer->GetLayerDefn()->GetGeomFieldCount() > 0;
    const OGRwkbGeometryType declared = has_geometry ? layer->GetGeomType() : wkbNone;
    const auto flat = wkbFlatten(declared);
    if (has_geometry && !is_point_type(declared) && flat != wkbUnknown && flat != wkbGeometryCollection)
        return make_error(where + ": has " + OGRGeometryTypeToName(declared) +
                          " geometries; incidents need a point layer");

    OGRFeatureDefn* defn = layer->GetLayerDefn();
    const CsvColumnMapping& map = opt.columns;
    Fields c;
    c.id = detail::find_field(defn, map.id);
    c.date = detail::find_field(defn, map.date);
    c.date_end = detail::find_field(defn, map.date_end);
    c.date_precision = detail::find_field(defn, map.date_precision);
    c.location_precision = detail::find_field(defn, map.location_precision);
    c.time = detail::find_field(defn, map.time);
    c.place = detail::find_field(defn, map.place);
    c.state = detail::find_field(defn, map.state);
    c.category = detail::find_field(defn, map.category);
    for (const std::string& a :
         detail::actor_columns(map.actors, [&](const std::string& n) { return detail::find_field(defn, n) >= 0; })) {
        const int idx = detail::find_field(defn, a);
        if (idx < 0) continue;
        if (c.actors < 0) c.actors = idx;
        else c.more_actors.push_back(idx);
    }
    c.fatalities = detail::find_field(defn, map.fatalities);
    c.injured = detail::find_field(defn, map.injured);
    c.source = detail::find_field(defn, map.source);
    c.notes = detail::find_field(defn, map.notes);
    const std::string has = " (fields: " + detail::field_list(defn) + ")";
    if (const auto missing = first_missing_named_column(
            map, [&](const std::string& column) { return detail::find_field(defn, column) >= 0; }, is_point_type(declared)))
        return make_error(where + ": the mapping names attribute '" + missing->column + "' for " + missing->field +
                          ", and the layer has no such attribute" + has);
    if (c.date < 0) return make_error(where + ": no attribute '" + map.date + "' for the incident date" + has);
    if (!has_geometry) {
        c.lon = detail::find_field(defn, map.lon);
        c.lat = detail::find_field(defn, map.lat);
        if ((c.lon < 0) != (c.lat < 0))
            return make_error(where + ": no attribute '" + (c.lon < 0 ? map.lon : map.lat) +
                              "' (lon and lat come together)" + has);
        if (c.lon < 0 && c.place < 0)
            return make_error(where + ": no geometry, no attributes '" + map.lon + "' and '" + map.lat + "', no '" +
                              map.place + "' (each incident needs a point or a place)" + has);
    }

    // Source CRS -> EPSG:4326 in lon/lat order.
    std::unique_ptr<OGRCoordinateTransformation> to_lonlat;
    if (has_geometry) {
        OGRSpatialReference source;
        if (const OGRSpatialReference* srs = layer->GetSpatialRef()) {
            source = *srs;
        } else if (!opt.assume_source_crs.empty()) {
            if (source.SetFromUserInput(opt.assume_source_crs.c_str()) != OGRERR_NONE)
                return make_error(where + ": '" + opt.assume_source_crs + "' is not a CRS GDAL knows");
            report(where + ": declares no CRS (no .prj?); assuming " + opt.assume_source_crs + " as requested");
        } else {
            return make_error(where + ": declares no coordinate reference system (is the .prj file missing?); "
                                      "say which CRS it is in");
        }
        source.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
        OGRSpatialReference wgs84;
        wgs84.importFromEPSG(4326);
        wgs84.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
        if (!source.IsSame(&wgs84)) {
            to_lonlat.reset(OGRCreateCoordinateTransformation(&source, &wgs84));
            if (!to_lonlat)
                return make_error(where + ": no transformation from its CRS to EPSG:4326" +
                                  (gdal_messages.last().empty() ? "" : " (" + gdal_messages.last() + ")"));
        }
    }

    IncidentStoreBuilder builder;
    bool recoded_any = false;
    // Strings of the current feature, kept alive while the builder reads the view.
    std::string id, date_text, place, state, category, actors_text, source_text, notes, shown, end_text, extent_text;
    std::vector<std::string> more_actors_text;
    std::vector<std::string> actor_list;
    std::vector<std::string_view> actors;
    auto text = [&](OGRFeature& f, int idx) -> std::string {
        if (idx < 0 || !f.IsFieldSetAndNotNull(idx)) return {};
        bool recoded = false;
        std::string s(trim(ensure_utf8(f.GetFieldAsString(idx), &recoded)));
        recoded_any |= recoded;
        return s;
    };

    layer->ResetReading();
    std::int64_t ordinal = 0;
    while (true) {
        std::unique_ptr<OGRFeature> feature(layer->GetNextFeature());
        if (!feature) break;
        OGRFeature& f = *feature;
        const GIntBig fid = f.GetFID();
        const std::string at =
            where + " feature " + std::to_string(fid == OGRNullFID ? ordinal : static_cast<std::int64_t>(fid)) + ": ";
        ++ordinal;
        auto skip = [&](const std::string& why) { report(at + why + "; feature skipped"); };

        IncidentView v;
        // Date: a Date/DateTime field, or text.
        if (!f.IsFieldSetAndNotNull(c.date)) {
            skip("no date ('" + map.date + "' is empty)");
            continue;
        }
        const OGRFieldType date_type = f.GetFieldDefnRef(c.date)->GetType();
        if (date_type == OFTDate || date_type == OFTDateTime) {
            int y = 0, mo = 0, d = 0, h = 0, mi = 0, tz = 0;
            float s = 0;
            f.GetFieldAsDateTime(c.date, &y, &mo, &d, &h, &mi, &s, &tz);
            if (mo < 1 || mo > 12 || d < 1 || d > days_in_month(y, mo)) {
                skip("date '" + std::string(f.GetFieldAsString(c.date)) + "' is not a valid day");
                continue;
            }
            v.date.day_start = v.date.day_end = days_from_civil(y, mo, d);
            v.date.precision = DatePrecision::Day;
            if (date_type == OFTDateTime) v.date.minute_of_day = h * 60 + mi;
            date_text = format_incident_date(v.date);
        } else {
            date_text = text(f, c.date);
            auto date = parse_incident_date(date_text);
            if (!date) {
                skip(date.error());
                continue;
            }
            v.date = date.value();
        }
        v.date_text = date_text;
        std::vector<std::string> warnings;
        if (c.time >= 0 && f.IsFieldSetAndNotNull(c.time)) {
            std::string t;
            if (f.GetFieldDefnRef(c.time)->GetType() == OFTTime) {
                int y = 0, mo = 0, d = 0, h = 0, mi = 0, tz = 0;
                float s = 0;
                f.GetFieldAsDateTime(c.time, &y, &mo, &d, &h, &mi, &s, &tz);
                char buf[8];
                std::snprintf(buf, sizeof buf, "%02d:%02d", h % 100, mi % 100);
                t = buf;
            } else {
                t = text(f, c.time);
            }
            if (!t.empty())
                if (auto why = detail::apply_time_of_day(v.date, date_text, t)) {
                    skip(*why);
                    continue;
                }
        }
        if (c.date_precision >= 0 || c.date_end >= 0) {
            // A Date or DateTime end is read by its parts, as the start date is: its text form
            // differs between drivers ("2019/10/17").
            end_text.clear();
            if (c.date_end >= 0 && f.IsFieldSetAndNotNull(c.date_end)) {
                const OGRFieldType t = f.GetFieldDefnRef(c.date_end)->GetType();
                if (t == OFTDate || t == OFTDateTime) {
                    int y = 0, mo = 0, d = 0, h = 0, mi = 0, tz = 0;
                    float sec = 0;
                    f.GetFieldAsDateTime(c.date_end, &y, &mo, &d, &h, &mi, &sec, &tz);
                    char buf[16];
                    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y % 10000, mo % 100, d % 100);
                    end_text = buf;
                } else {
                    end_text = text(f, c.date_end);
                }
            }
            extent_text = text(f, c.date_precision);
            std::string warning;
            if (auto why = detail::apply_date_extent(v.date, map.date_precision_values.apply(extent_text), end_text, &warning)) {
                skip(*why);
                continue;
            }
            if (!warning.empty()) warnings.push_back(std::move(warning));
        }
        if (c.location_precision >= 0) {
            std::string warning;
            v.location_precision = detail::location_precision_or_unknown(
                map.location_precision_values.apply(text(f, c.location_precision)), &warning);
            if (!warning.empty()) warnings.push_back(std::move(warning));
        }

        // Position.
        place = text(f, c.place);
        v.place = place;
        std::optional<std::pair<double, double>> position;
        if (has_geometry) {
            const OGRGeometry* g = f.GetGeometryRef();
            if (g && !g->IsEmpty()) {
                const auto type = wkbFlatten(g->getGeometryType());
                const OGRPoint* p = nullptr;
                if (type == wkbPoint) {
                    p = g->toPoint();
                } else if (type == wkbMultiPoint && g->toMultiPoint()->getNumGeometries() == 1) {
                    p = g->toMultiPoint()->getGeometryRef(0);
                } else if (type == wkbMultiPoint) {
                    skip("a multipoint of " + std::to_string(g->toMultiPoint()->getNumGeometries()) +
                         " points (one point per incident)");
                    continue;
                } else {
                    skip(std::string("a ") + OGRGeometryTypeToName(g->getGeometryType()) +
                         " geometry (incidents are points)");
                    continue;
                }
                double x = p->getX(), y = p->getY();
                if (to_lonlat && std::isfinite(x) && std::isfinite(y) && !to_lonlat->Transform(1, &x, &y)) {
                    skip("point (" + detail::number_text(p->getX()) + ", " + detail::number_text(p->getY()) +
                         ") cannot be reprojected to lon/lat");
                    continue;
                }
                position.emplace(x, y);
            }
        } else if (c.lon >= 0) {
            const bool has_lon = f.IsFieldSetAndNotNull(c.lon) && !trim(f.GetFieldAsString(c.lon)).empty();
            const bool has_lat = f.IsFieldSetAndNotNull(c.lat) && !trim(f.GetFieldAsString(c.lat)).empty();
            if (has_lon != has_lat) {
                skip(has_lon ? "lon given without lat" : "lat given without lon");
                continue;
            }
            if (has_lon) {
                double lon = 0, lat = 0;
                if (!read_coordinate(f, c.lon, lon) || !read_coordinate(f, c.lat, lat)) {
                    const bool lon_bad = !read_coordinate(f, c.lon, lon);
                    skip(std::string(lon_bad ? "lon" : "lat") + " '" + f.GetFieldAsString(lon_bad ? c.lon : c.lat) +
                         "' is not a number");
                    continue;
                }
                position.emplace(lon, lat);
            }
        }
        if (position) {
            const auto [lon, lat] = *position;
            if (auto why = detail::position_problem(lon, lat, opt.bounds)) {
                const bool swapped = why->rfind("lat/lon swapped?", 0) == 0;
                report(at + *why + "; feature skipped" + (swapped ? " (not fixed: check the source)" : ""));
                continue;
            }
            v.lon = lon;
            v.lat = lat;
        } else if (place.empty()) {
            skip(has_geometry ? "no point and no place" : "neither lon/lat nor a place");
            continue;
        }

        if (!read_count(f, c.fatalities, v.fatalities, shown)) {
            skip("fatalities '" + shown + "' is not a whole number >= 0");
            continue;
        }
        if (!read_count(f, c.injured, v.injured, shown)) {
            skip("injured '" + shown + "' is not a whole number >= 0");
            continue;
        }

        category = text(f, c.category);
        std::string category_warning;
        v.category = detail::category_or_other(map.category_values.apply(category), &category_warning);
        if (!category_warning.empty()) warnings.push_back(std::move(category_warning));

        if (c.actors >= 0 && f.IsFieldSetAndNotNull(c.actors) &&
            f.GetFieldDefnRef(c.actors)->GetType() == OFTStringList) {
            actor_list.clear();
            actors.clear();
            for (char** item = f.GetFieldAsStringList(c.actors); item && *item; ++item) {
                bool recoded = false;
                actor_list.emplace_back(trim(ensure_utf8(*item, &recoded)));
                recoded_any |= recoded;
            }
            for (const std::string& a : actor_list)
                if (!a.empty()) actors.push_back(a);
        } else {
            actors_text = text(f, c.actors);
            detail::split_actors(actors_text, map.actor_separator, actors);
        }
        more_actors_text.clear();
        for (const int more : c.more_actors) more_actors_text.push_back(text(f, more));
        for (const std::string& t : more_actors_text) detail::append_actors(t, map.actor_separator, actors);
        v.actors = actors;
        id = text(f, c.id);
        state = text(f, c.state);
        source_text = text(f, c.source);
        notes = text(f, c.notes);
        v.id = id;
        v.state = state;
        v.source = source_text;
        v.notes = notes;
        // The feature as the messages number it.
        const std::int64_t row = fid == OGRNullFID ? static_cast<std::int64_t>(ordinal) : static_cast<std::int64_t>(fid);
        v.source_row = row > 0 && row < std::int64_t{UINT32_MAX} ? static_cast<std::uint32_t>(row) : 0;
        builder.add(v);
        for (const std::string& w : warnings) report(at + w);
    }
    for (auto& m : gdal_messages.take()) report(where + ": " + display_name(m));
    if (recoded_any) report(where + ": text is not UTF-8 and no encoding is declared; read it as Latin-1 (ISO-8859-1)");
    return builder.finish();
}

bool is_incident_csv_path(const std::string& path) {
    if (is_connection_string(path)) return false;
    std::string ext = std::filesystem::path(path).extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(),
                   [](unsigned char ch) { return static_cast<char>(std::tolower(ch)); });
    return ext == ".csv" || ext == ".tsv" || ext == ".txt";
}

Result<IncidentStore> load_incidents(const std::string& path, std::vector<std::string>* problems,
                                     const IncidentOgrOptions& options) {
    if (is_incident_csv_path(path)) {
        IncidentCsvOptions csv;
        csv.columns = options.columns;
        csv.bounds = options.bounds;
        const std::string ext = std::filesystem::path(path).extension().string();
        if ((ext == ".tsv" || ext == ".TSV") && csv.columns.delimiter == ',') csv.columns.delimiter = '\t';
        return load_incident_csv(path, problems, csv);
    }
    IncidentOgrOptions ogr = options;
    ogr.path = path;
    return load_incident_layer(ogr, problems);
}

}  // namespace mirador::geo
