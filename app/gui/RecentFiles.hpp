#pragma once
// The projects and incident files opened or saved lately, newest first, kept between runs in
// $XDG_CONFIG_HOME/mirador/recent (~/.config/mirador/recent), one path a line.
#include <string>
#include <vector>

namespace mirador {

class RecentFiles {
public:
    static RecentFiles load();
    void add(const std::string& path);
    void save() const;
    const std::vector<std::string>& paths() const { return paths_; }

private:
    std::vector<std::string> paths_;
};

// The folder for Mirador's settings: $XDG_CONFIG_HOME/mirador, else ~/.config/mirador.
std::string config_dir();

}  // namespace mirador
