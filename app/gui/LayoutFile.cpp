#include "gui/LayoutFile.hpp"

#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "gui/RecentFiles.hpp"
#include "mirador/geo/AtomicFile.hpp"

namespace mirador {

namespace {

namespace fs = std::filesystem;
using Json = nlohmann::ordered_json;

// The fields of the file and where each one lives in UiState, in one list for reading and writing.
template <typename Ui, typename F>
void each_field(Ui& ui, F&& f) {
    f("left_sidebar", ui.left_sidebar);
    f("right_sidebar", ui.right_sidebar);
    f("sections.layers", ui.sections.layers);
    f("sections.filters", ui.sections.filters);
    f("sections.choropleth", ui.sections.choropleth);
    f("sections.heatmap", ui.sections.heatmap);
    f("sections.hotspots", ui.sections.hotspots);
    f("sections.furniture", ui.sections.furniture);
    f("sections.slides", ui.sections.slides);
}

// "sections.layers" -> the member "layers" of the object "sections".
Json::json_pointer pointer(const std::string& dotted) {
    std::string p = "/" + dotted;
    for (char& c : p)
        if (c == '.') c = '/';
    return Json::json_pointer(p);
}

}  // namespace

std::string layout_path() { return (fs::path(config_dir()) / "layout.json").string(); }

geo::Result<bool> read_layout(const std::string& path, UiState& ui) {
    std::error_code ec;
    if (!fs::exists(path, ec)) return false;
    std::ifstream in(path, std::ios::binary);
    if (!in) return geo::make_error(path + ": cannot be read");
    std::stringstream text;
    text << in.rdbuf();
    Json j = Json::parse(text.str(), nullptr, /*allow_exceptions=*/false);
    if (j.is_discarded()) return geo::make_error(path + ": not JSON");
    if (!j.is_object()) return geo::make_error(path + ": not a JSON object");
    if (j.contains("sections") && !j["sections"].is_object()) return geo::make_error(path + ": \"sections\" is not an object");
    // Every field or none: a wrong one leaves the layout as it was. Fields not in the file keep
    // their defaults (a file from an older version), fields we do not know are left alone.
    UiState read = ui;
    std::string wrong;
    each_field(read, [&](const char* name, bool& value) {
        const auto at = pointer(name);
        if (!j.contains(at) || !wrong.empty()) return;
        if (!j[at].is_boolean()) wrong = name;
        else value = j[at].get<bool>();
    });
    if (!wrong.empty()) return geo::make_error(path + ": \"" + wrong + "\" is not true or false");
    ui.left_sidebar = read.left_sidebar;
    ui.right_sidebar = read.right_sidebar;
    ui.sections = read.sections;
    return true;
}

geo::Result<bool> write_layout(const std::string& path, const UiState& ui) {
    Json j = Json::object();
    each_field(ui, [&](const char* name, const bool& value) { j[pointer(name)] = value; });
    std::error_code ec;
    fs::create_directories(fs::path(path).parent_path(), ec);
    return geo::write_file_atomically(path, j.dump(2) + "\n");
}

}  // namespace mirador
