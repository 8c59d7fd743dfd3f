#include "gui/FileKinds.hpp"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <set>

#include "mirador/geo/Text.hpp"

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
    if (std::find(inc.begin(), inc.end(), ext) == inc.end()) return FileKind::Other;
    if ((ext == ".csv" || ext == ".tsv") && looks_like_count_table(path)) return FileKind::CountTable;
    return FileKind::Incidents;
}

bool looks_like_count_table(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::string line;
    if (!in || !std::getline(in, line)) return false;
    // The header's names, folded (accents, case, _ and . as spaces), split on , ; and tabs.
    std::set<std::string> names;
    std::string field;
    for (const char c : line + ",") {
        if (c == ',' || c == ';' || c == '\t') {
            std::string f = geo::fold_for_search(field);
            f.erase(std::remove(f.begin(), f.end(), '"'), f.end());
            while (!f.empty() && f.back() == ' ') f.pop_back();
            while (!f.empty() && f.front() == ' ') f.erase(f.begin());
            names.insert(f);
            field.clear();
        } else if (c != '\r') {
            field += c;
        }
    }
    const auto any = [&](std::initializer_list<const char*> list) {
        for (const char* n : list)
            if (names.count(n)) return true;
        return false;
    };
    if (any({"latitude", "longitude", "lat", "lon", "lng", "x", "y", "where coordinates"})) return false;
    return any({"count", "victims", "homicides", "victimas", "defunciones", "incidencia"}) ||
           (names.count("enero") && names.count("diciembre"));
}

std::string openable_kinds_text() {
    std::string list;
    for (const std::string& e : incident_extensions()) list += (list.empty() ? "" : ", ") + e;
    return "a project (.mirador), incidents (" + list + ") or a count table (.csv)";
}

}  // namespace mirador
