#pragma once
// The window's layout kept between runs: which sidebars are open, and which sections of the
// left one. A small JSON file in the user's config folder (config_dir()/layout.json), read at
// start and written (atomically) when the window closes. Only the layout: the map is the
// document's, saved in projects.
#include <string>

#include "mirador/geo/Result.hpp"
#include "ui/UiState.hpp"

namespace mirador {

// config_dir()/layout.json
std::string layout_path();

// Reads the layout at `path` into `ui`. Missing file: false, `ui` untouched. A file that cannot
// be read or is not a layout: the error names the file and why, and `ui` is untouched (the
// window then starts with the default layout).
geo::Result<bool> read_layout(const std::string& path, UiState& ui);

// Writes `ui`'s layout to `path` (creating its folder), replacing the old file only when the
// new one is complete.
geo::Result<bool> write_layout(const std::string& path, const UiState& ui);

}  // namespace mirador
