#pragma once
// GDAL plumbing shared by the parts of geo that read or write through GDAL (core, boundaries,
// incidents, density, tables). Internal to geo: target mirador_geo_gdal_support.
#include <cpl_error.h>
#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <cstdio>
#include <memory>
#include <string>
#include <vector>

namespace mirador::geo::detail {

// Collects GDAL's error messages for the duration of one load instead of letting GDAL print
// them to stderr, so that they can be attached to the file they concern.
class GdalMessageCollector {
public:
    GdalMessageCollector() { CPLPushErrorHandlerEx(&GdalMessageCollector::handler, this); }
    ~GdalMessageCollector() { CPLPopErrorHandler(); }
    GdalMessageCollector(const GdalMessageCollector&) = delete;
    GdalMessageCollector& operator=(const GdalMessageCollector&) = delete;

    std::vector<std::string> take() { return std::move(messages_); }
    std::string last() const { return messages_.empty() ? std::string() : messages_.back(); }
    std::size_t size() const { return messages_.size(); }
    // Messages at CE_Failure or worse, since construction.
    std::size_t failures() const { return failures_; }

private:
    static void CPL_STDCALL handler(CPLErr level, CPLErrorNum, const char* msg) {
        auto* self = static_cast<GdalMessageCollector*>(CPLGetErrorHandlerUserData());
        if (self && level >= CE_Warning && msg) self->messages_.emplace_back(msg);
        if (self && level >= CE_Failure) ++self->failures_;
    }
    std::vector<std::string> messages_;
    std::size_t failures_ = 0;
};

struct DatasetCloser {
    void operator()(GDALDataset* ds) const { GDALClose(ds); }
};
using DatasetPtr = std::unique_ptr<GDALDataset, DatasetCloser>;

// Why GDAL could not open `path` as vector data, in the user's terms: an empty file and a
// GeoPackage without vector layers are said as such, not as "not a dataset GDAL can read".
inline std::string why_not_vector(const std::string& path, const std::string& gdal_message) {
    std::FILE* f = path.rfind("PG:", 0) == 0 ? nullptr : std::fopen(path.c_str(), "rb");
    if (f) {
        char head[16] = {};
        const std::size_t n = std::fread(head, 1, sizeof head, f);
        std::fclose(f);
        if (n == 0) return "the file is empty (0 bytes)";
        if (n == sizeof head && std::string(head, 15) == "SQLite format 3")
            return "a GeoPackage (SQLite) file with no vector layers in it";
    }
    return "not a vector dataset GDAL can read" + (gdal_message.empty() ? std::string() : " (" + gdal_message + ")");
}

// Index of the attribute with this name (case-insensitive), or -1.
inline int find_field(OGRFeatureDefn* defn, const std::string& name) {
    if (name.empty()) return -1;
    for (int i = 0; i < defn->GetFieldCount(); ++i)
        if (EQUAL(defn->GetFieldDefn(i)->GetNameRef(), name.c_str())) return i;
    return -1;
}

// "CVEGEO, NOMGEO, ..." or "(none)": for messages about a missing attribute.
inline std::string field_list(OGRFeatureDefn* defn) {
    std::string out;
    for (int i = 0; i < defn->GetFieldCount(); ++i) {
        if (i) out += ", ";
        out += defn->GetFieldDefn(i)->GetNameRef();
    }
    return out.empty() ? "(none)" : out;
}

}  // namespace mirador::geo::detail
