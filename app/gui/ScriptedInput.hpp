#pragma once
// Scripted runs (--press): keys pressed, text typed and mouse clicks, one step every other frame
// from the second frame on, handed to ImGui as GLFW's callbacks would hand them, so a scripted
// run goes through the same code as a person at the keyboard and the mouse.
#include <optional>
#include <string>
#include <vector>

#include "mirador/geo/Result.hpp"

struct ImGuiIO;

namespace mirador {

struct ScriptedStep {
    int key = -1;          // a GLFW key code; -1: none
    bool ctrl = false, shift = false, alt = false;
    std::string text;      // typed (UTF-8), as the character callback would pass it
    int button = -1;       // a mouse button pressed at `at` and released at `to`; -1: none
    float at_x = 0, at_y = 0, to_x = 0, to_y = 0;  // window pixels
};

// One step of --press: a key name ("right", "enter", "f9", "a" ...), with "ctrl+" or "shift+"
// before it; "type:" and the text to type; "click:X:Y" or "right-click:X:Y" (pressed and
// released there); "drag:X:Y:X2:Y2" or "right-drag:..." (pressed at X,Y, released at X2,Y2 the
// next frame, a quick flick); "wait" (nothing). The error lists what it takes.
geo::Result<ScriptedStep> parse_scripted_step(const std::string& name);

class ScriptedInput {
public:
    static geo::Result<ScriptedInput> parse(const std::vector<std::string>& names);
    // Before ImGui::NewFrame of frame `frame` (0 first): lets go of the last step's keys and, on
    // odd frames, takes the next step (a key held for one frame is one press).
    // Call after the platform backend's new frame (which sets the mouse from the real pointer).
    void apply(int frame, ImGuiIO& io);
    std::size_t size() const { return steps_.size(); }
    // Where the scripted mouse is, once a mouse step has come (window pixels).
    std::optional<std::pair<float, float>> cursor() const { return cursor_; }

private:
    std::vector<ScriptedStep> steps_;
    int held_ = -1;  // the step whose keys or button are down, -1: none
    std::optional<std::pair<float, float>> cursor_;
};

}  // namespace mirador
