#include "gui/RecentFiles.hpp"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "mirador/geo/AtomicFile.hpp"

namespace mirador {

namespace fs = std::filesystem;

std::string config_dir() {
    if (const char* xdg = std::getenv("XDG_CONFIG_HOME"); xdg && *xdg) return (fs::path(xdg) / "mirador").string();
    if (const char* home = std::getenv("HOME"); home && *home) return (fs::path(home) / ".config/mirador").string();
    return (fs::temp_directory_path() / "mirador").string();
}

RecentFiles RecentFiles::load() {
    RecentFiles r;
    std::ifstream in(fs::path(config_dir()) / "recent");
    for (std::string line; std::getline(in, line) && r.paths_.size() < 10;)
        if (!line.empty()) r.paths_.push_back(line);
    return r;
}

void RecentFiles::add(const std::string& path) {
    std::error_code ec;
    const std::string absolute = fs::absolute(path, ec).lexically_normal().string();
    paths_.erase(std::remove(paths_.begin(), paths_.end(), absolute), paths_.end());
    paths_.insert(paths_.begin(), absolute);
    if (paths_.size() > 10) paths_.resize(10);
}

void RecentFiles::save() const {
    std::error_code ec;
    fs::create_directories(config_dir(), ec);
    std::string text;
    for (const std::string& p : paths_) text += p + "\n";
    (void)geo::write_file_atomically((fs::path(config_dir()) / "recent").string(), text);
}

}  // namespace mirador
