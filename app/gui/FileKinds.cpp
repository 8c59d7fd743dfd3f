#include "gui/FileKinds.hpp"

#include <algorithm>
#include <cctype>
#include <filesystem>

namespace mirador {

const std::vector<std::string>& incident_extensions() {
    static const std::vector<std::string> list = {".csv", ".tsv", ".gpkg", ".geojson", ".json", ".shp"};
    return list;
}

FileKind file_kind(const std::string& path) {
    std::string ext = std::filesystem::path(path).extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
    if (ext == ".mirador") return FileKind::Project;
    const auto& inc = incident_extensions();
    return std::find(inc.begin(), inc.end(), ext) != inc.end() ? FileKind::Incidents : FileKind::Other;
}

std::string openable_kinds_text() {
    std::string list;
    for (const std::string& e : incident_extensions()) list += (list.empty() ? "" : ", ") + e;
    return "a project (.mirador) or incidents (" + list + ")";
}

}  // namespace mirador
