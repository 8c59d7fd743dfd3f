#pragma once
// Checks a path before any reader touches it, so that the reason a file cannot be read is named
// plainly: "no such file" only when there is none, a symbolic link loop as a loop, and a FIFO or
// a device refused up front (GDAL and our CSV reader would block on it for ever).
#include <string>

#include "mirador/geo/Result.hpp"

namespace mirador::geo {

// "PG:...", "https://...", "/vsizip/...": sources that are not a local path to check.
bool is_connection_string(const std::string& path);

// A source as messages name it: a connection string without its password.
std::string display_name(const std::string& path);

enum class FolderPolicy { Refuse, Allow };  // GDAL reads a folder of shapefiles as one source

// An error naming the path when it cannot be read as an input; connection strings pass.
[[nodiscard]] Result<bool> check_input_path(const std::string& path, FolderPolicy folders = FolderPolicy::Refuse);

}  // namespace mirador::geo
