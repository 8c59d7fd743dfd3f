#pragma once
// Presentation mode (F5, View > Present): the window full screen with the map alone and its
// furniture, stepping through the document's slides with a presenter's clicker keys. Showing a
// slide makes the document the slide's on top of the map as it was when presenting began
// (doc::apply_slide); leaving gives that map back, as it was, with the view it had: presenting
// changes nothing in the project and takes no undo step (an analyst who presses Ctrl+Z after a
// briefing undoes their own last edit, not the slides they clicked through).
//
// The view moves between slides along van Wijk and Nuij's zoom path (geo/ZoomPath.hpp), for
// as long as the path says (0.5-2 s). A slide with a playback plays its windows while shown.
#include <optional>
#include <string>

#include "document/MapDocument.hpp"
#include "mirador/geo/BBox.hpp"
#include "mirador/geo/ZoomPath.hpp"
#include "ui/UiState.hpp"

namespace mirador {

namespace geo {
struct Boundaries;
}

enum class PresentKey { None, Next, Previous, First, Last, Blank, Pause, Leave };

// The slide a key goes to, of `count` (from `current`, -1: none shown yet): clamped at both
// ends, never wrapping (a clicker pressed once too often stays on the last slide); -1 when there
// are no slides. Blank, Pause, Leave and None stay where they are.
int slide_after(PresentKey key, int current, int count);

struct Presentation {
    bool active = false;
    bool blank = false;  // the screen black (B)
    int slide = -1;      // the slide shown; -1: none (a map without slides shows itself)
    doc::MapDocument base;  // the map presenting began from, given back when it ends
    MapView view_before;
    bool fullscreen_before = false;  // the window was full screen already (F11): it stays so

    // The move to the slide's view: its extent, the window size it was fitted to, the path.
    std::optional<geo::BBox> target;
    int fitted_width = 0, fitted_height = 0;
    std::optional<geo::ZoomPath> path;
    double t = 0, seconds = 0;
};

// The key pressed this frame, from ImGui's keyboard state: PageDown, Right, Down, Space, Enter
// (next); PageUp, Left, Up, Backspace (previous); Home, End; B; P; Esc.
PresentKey read_presentation_key();

// Starts presenting `document` from slide `first` (clamped; none without slides). The caller
// makes the window full screen.
void begin_presentation(Presentation& p, doc::MapDocument& document, UiState& ui, const geo::Boundaries& b, int first);
// Gives the map back as it was when presenting began.
void end_presentation(Presentation& p, doc::MapDocument& document, UiState& ui);
// A key of read_presentation_key() other than Leave (the caller ends presenting, as it also
// leaves full screen).
void handle_presentation_key(Presentation& p, PresentKey key, doc::MapDocument& document, UiState& ui,
                             const geo::Boundaries& b);
// Once a frame, after the window's size is known: moves the view along the path, and fits the
// slide's extent again when the window's size changed (going full screen takes a frame or two).
void step_presentation(Presentation& p, UiState& ui, double dt);
// The slide's playback, once a frame: true when the time window moved.
bool advance_presentation_playback(const Presentation& p, doc::MapDocument& document, UiState& ui, double dt);
// For a scripted run's exit report: "off", "on, no slides", "slide 2 of 3 (Sinaloa, Q4), blank".
std::string presentation_state(const Presentation& p);

}  // namespace mirador
