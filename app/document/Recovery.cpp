#include "document/Recovery.hpp"

#include <cstdlib>
#include <filesystem>

#include "document/ProjectFile.hpp"
#include "mirador/geo/AtomicFile.hpp"
#include "mirador/geo/CsvReader.hpp"

namespace mirador::doc {

namespace fs = std::filesystem;

std::string recovery_path(const std::string& project) {
    if (!project.empty()) {
        const fs::path p = fs::absolute(project);
        std::string name = ".";
        name.append(p.filename().string()).append(".recovery");
        return (p.parent_path() / name).string();
    }
    fs::path state;
    if (const char* xdg = std::getenv("XDG_STATE_HOME"); xdg && *xdg) state = xdg;
    else if (const char* home = std::getenv("HOME"); home && *home) state = fs::path(home) / ".local/state";
    else state = fs::temp_directory_path();
    return (state / "mirador" / "unsaved.mirador-recovery").string();
}

geo::Result<bool> write_recovery(const MapDocument& document, const std::string& project) {
    const std::string path = recovery_path(project);
    std::error_code ec;
    fs::create_directories(fs::path(path).parent_path(), ec);
    // Paths relative to the project's folder, as the project itself writes them, so the recovered
    // document reads exactly as the one that was open.
    const std::string anchor = project.empty() ? path : fs::absolute(project).string();
    return geo::write_file_atomically(path, project_json(document, anchor));
}

geo::Result<MapDocument> read_recovery(const std::string& project) {
    const std::string path = recovery_path(project);
    std::error_code ec;
    if (!fs::exists(path, ec)) return geo::make_error(path + ": no recovery file");
    auto text = geo::read_whole_file(path);
    if (!text) return geo::make_error(text.error());
    return parse_project(*text, project.empty() ? path : fs::absolute(project).string());
}

void remove_recovery(const std::string& project) {
    std::error_code ec;
    fs::remove(recovery_path(project), ec);
}

}  // namespace mirador::doc
