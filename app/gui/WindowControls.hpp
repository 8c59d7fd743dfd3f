#pragma once
// Mouse and keyboard on the map, and full screen: the parts of the window that are not panels.
#include <optional>
#include <utility>

struct GLFWwindow;

namespace mirador {

struct UiState;
struct IncidentLayer;
namespace geo {
struct Boundaries;
class Projector;
}

// One mouse button's press to release: a click, or a drag if the pointer went farther than a
// few pixels from where it was pressed at any time in between (seen in a frame or only at the
// release, as in a quick flick), even if it came back. A drag never selects or opens a menu.
class ClickTracker {
public:
    void press(double x, double y);
    // The pointer seen while the button is down.
    void move(double x, double y);
    // True: a click (pressed here, never moved away). The press is over either way.
    bool release(double x, double y);
    bool pressed() const { return pressed_; }
    bool dragging() const { return pressed_ && moved_; }

private:
    bool pressed_ = false, moved_ = false;
    double x_ = 0, y_ = 0;
};

struct PointerState {
    ClickTracker left, right;  // left drags pan and clicks select; a right click opens the map's menu
    double last_x = 0, last_y = 0;
    // Scripted runs: the pointer is where the script put it (window pixels), not the real one.
    std::optional<std::pair<float, float>> scripted;
    int windowed_x = 100, windowed_y = 100, windowed_w = 1400, windowed_h = 900;
};

// Pans, zooms, hovers and selects from this frame's input; `fb_scale` converts window
// coordinates to framebuffer pixels (HiDPI).
// `incidents` may be null; when given, the incident under the cursor wins over the
// municipality for hover and click (a click on an incident selects it and its municipality).
// `points_shown`: the points layer is drawn, so its incidents can be hovered and clicked.
void handle_map_input(GLFWwindow* window, UiState& ui, PointerState& pointer, const geo::Boundaries& b,
                      const geo::Projector& to_lonlat, const IncidentLayer* incidents, bool points_shown, float fb_scale,
                      double dt);

// F11: full screen on the monitor the window is mostly on, and back to where it was.
void toggle_fullscreen(GLFWwindow* window, UiState& ui, PointerState& pointer);

// Advances a fly-to animation.
void step_fly(UiState& ui, double dt);

}  // namespace mirador
