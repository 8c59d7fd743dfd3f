#pragma once
// A file name's extension, lower case and without the dot ("clip.MP4" -> "mp4"; "" for none):
// how the exporters pick a format from the name the user gave.
#include <cctype>
#include <filesystem>
#include <string>

namespace mirador {

inline std::string lower_extension(const std::string& path) {
    std::string ext = std::filesystem::path(path).extension().string();
    if (!ext.empty()) ext.erase(0, 1);
    for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return ext;
}

}  // namespace mirador
