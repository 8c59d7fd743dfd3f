#pragma once
// Scripted runs (--press): keys pressed and text typed, one step every other frame from the
// second frame on, handed to ImGui as GLFW's callbacks would hand them, so a scripted run goes
// through the same code as a person at the keyboard.
#include <string>
#include <vector>

#include "mirador/geo/Result.hpp"

struct ImGuiIO;

namespace mirador {

struct ScriptedStep {
    int key = -1;          // a GLFW key code; -1: none (text only)
    bool ctrl = false, shift = false;
    std::string text;      // typed (UTF-8), as the character callback would pass it
};

// One step of --press: a key name ("right", "enter", "f9", "a" ...), with "ctrl+" or "shift+"
// before it, or "type:" and the text to type. The error lists the names taken.
geo::Result<ScriptedStep> parse_scripted_step(const std::string& name);

class ScriptedInput {
public:
    static geo::Result<ScriptedInput> parse(const std::vector<std::string>& names);
    // Before ImGui::NewFrame of frame `frame` (0 first): lets go of the last step's keys and, on
    // odd frames, takes the next step (a key held for one frame is one press).
    void apply(int frame, ImGuiIO& io);
    std::size_t size() const { return steps_.size(); }

private:
    std::vector<ScriptedStep> steps_;
    int held_ = -1;  // the step whose keys are down, -1: none
};

}  // namespace mirador
