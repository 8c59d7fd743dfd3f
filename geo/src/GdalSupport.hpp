#pragma once
// GDAL plumbing shared by the loaders (boundaries, incidents). Internal to mirador_geo.
#include <cpl_error.h>
#include <gdal_priv.h>
#include <ogrsf_frmts.h>

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

private:
    static void CPL_STDCALL handler(CPLErr level, CPLErrorNum, const char* msg) {
        auto* self = static_cast<GdalMessageCollector*>(CPLGetErrorHandlerUserData());
        if (self && level >= CE_Warning && msg) self->messages_.emplace_back(msg);
    }
    std::vector<std::string> messages_;
};

struct DatasetCloser {
    void operator()(GDALDataset* ds) const { GDALClose(ds); }
};
using DatasetPtr = std::unique_ptr<GDALDataset, DatasetCloser>;

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
