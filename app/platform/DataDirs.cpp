#include "platform/DataDirs.hpp"

#include <cstdlib>
#include <string_view>

namespace mirador {

namespace fs = std::filesystem;

fs::path executable_share_dir() {
    std::error_code ec;
    const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    if (ec || exe.empty()) return {};
    return (exe.parent_path().parent_path() / "share/mirador").lexically_normal();
}

std::vector<fs::path> xdg_data_dirs() {
    std::vector<fs::path> out;
    // Relative entries are invalid by the specification and are ignored.
    const auto add = [&](std::string_view dir) {
        if (!dir.empty() && dir.front() == '/') out.emplace_back(dir);
    };
    if (const char* home = std::getenv("XDG_DATA_HOME"); home && *home) add(home);
    else if (const char* user = std::getenv("HOME"); user && *user) add((fs::path(user) / ".local/share").string());
    const char* dirs = std::getenv("XDG_DATA_DIRS");
    std::string_view list = dirs && *dirs ? dirs : "/usr/local/share:/usr/share";
    while (!list.empty()) {
        const auto colon = list.find(':');
        add(list.substr(0, colon));
        list = colon == std::string_view::npos ? std::string_view{} : list.substr(colon + 1);
    }
    return out;
}

std::vector<fs::path> mirador_share_dirs() {
    std::vector<fs::path> out;
    if (fs::path beside = executable_share_dir(); !beside.empty()) out.push_back(beside);
    for (const fs::path& d : xdg_data_dirs()) out.push_back(d / "mirador");
    return out;
}

}  // namespace mirador
