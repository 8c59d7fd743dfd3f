#pragma once
// The interactive viewer: a GLFW window, Dear ImGui panels, and the shared MapScene.
#include <string>
#include <vector>

#include "cli/DataOptions.hpp"
#include "scene/IncidentLayer.hpp"

namespace mirador {

struct ViewerOptions {
    int width = 1400, height = 900;
    bool fullscreen = false;
    std::string initial_search;  // searched and selected at start
    int max_frames = 0;          // > 0: quit after that many frames (smoke tests, demos)
    std::string screenshot;      // with max_frames: PNG of the last frame
    std::vector<std::string> press_keys;  // with max_frames: "right", "left", "space", one a frame
    IncidentSource incidents;    // empty path: the bundled seed catalogue
    bool no_incidents = false;
    bool heatmap = false;        // start with the heatmap layer on
};

int run_viewer(const DataOptions& data, const ViewerOptions& options);

}  // namespace mirador
