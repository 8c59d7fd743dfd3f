#pragma once
// Where an installed Mirador finds its files, without ever looking in the source tree it was
// built from: the folder beside the executable first (<prefix>/bin/mirador reads
// <prefix>/share/mirador; the build tree lays itself out the same way, see the top-level
// CMakeLists.txt), then the XDG base directories.
#include <filesystem>
#include <vector>

namespace mirador {

// <folder of the running executable>/../share/mirador (lexically normal); empty when
// /proc/self/exe cannot be read.
std::filesystem::path executable_share_dir();

// $XDG_DATA_HOME (default ~/.local/share), then each of $XDG_DATA_DIRS (default
// /usr/local/share:/usr/share), as the XDG Base Directory specification orders them.
std::vector<std::filesystem::path> xdg_data_dirs();

// executable_share_dir(), then <each of xdg_data_dirs()>/mirador.
std::vector<std::filesystem::path> mirador_share_dirs();

}  // namespace mirador
