#pragma once
// The interactive viewer: a GLFW window, Dear ImGui panels that edit a map document, and the
// shared MapScene that draws it.
#include <string>
#include <vector>

#include "document/MapDocument.hpp"

namespace mirador {

// How the window is run (none of it is part of the map: see doc::MapDocument for that).
struct ViewerOptions {
    int width = 1400, height = 900;
    bool fullscreen = false;
    bool present = false;        // start in presentation mode (F5) once the window is laid out
    std::string initial_search;  // searched and selected at start
    int max_frames = 0;          // > 0: quit after that many frames (smoke tests, demos)
    std::string screenshot;      // with max_frames: PNG of the last frame
    std::vector<std::string> press_keys;  // with max_frames: keys and text, one every other frame (gui/ScriptedInput.hpp)
    std::vector<std::string> drop_paths;  // with max_frames: dropped on the window on the third frame
    bool no_incidents = false;   // without a source: open the boundaries only, not the seed catalogue
    std::string restore = "ask";  // a recovery file found at start: ask, yes (restore it) or no
    double autosave_seconds = 60; // the recovery file is written this often while there are unsaved changes
};

// `project`: the file `document` came from (empty: a new, unsaved map).
int run_viewer(doc::MapDocument document, const std::string& project, const ViewerOptions& options);

}  // namespace mirador
