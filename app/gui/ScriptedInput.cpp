#include "gui/ScriptedInput.hpp"

#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>
#include <imgui.h>

#include <cstdio>
#include <utility>

namespace mirador {

namespace {

// The keys the window reacts to, by the names --press takes.
constexpr std::pair<const char*, int> kNamedKeys[] = {
    {"right", GLFW_KEY_RIGHT}, {"left", GLFW_KEY_LEFT}, {"up", GLFW_KEY_UP},           {"down", GLFW_KEY_DOWN},
    {"space", GLFW_KEY_SPACE}, {"enter", GLFW_KEY_ENTER}, {"escape", GLFW_KEY_ESCAPE}, {"home", GLFW_KEY_HOME},
    {"tab", GLFW_KEY_TAB},     {"f1", GLFW_KEY_F1},       {"f9", GLFW_KEY_F9},         {"f10", GLFW_KEY_F10},
    {"f11", GLFW_KEY_F11},     {"plus", GLFW_KEY_EQUAL},  {"minus", GLFW_KEY_MINUS},
    {"f5", GLFW_KEY_F5},       {"end", GLFW_KEY_END},     {"pagedown", GLFW_KEY_PAGE_DOWN},
    {"pageup", GLFW_KEY_PAGE_UP}, {"backspace", GLFW_KEY_BACKSPACE},
};

int key_code(const std::string& name) {
    for (const auto& [n, code] : kNamedKeys)
        if (name == n) return code;
    if (name.size() == 1 && name[0] >= 'a' && name[0] <= 'z') return GLFW_KEY_A + (name[0] - 'a');
    return -1;
}

void set_modifiers(ImGuiIO& io, const ScriptedStep& s, bool down) {
    if (s.ctrl) io.KeysDown[GLFW_KEY_LEFT_CONTROL] = io.KeyCtrl = down;
    if (s.shift) io.KeysDown[GLFW_KEY_LEFT_SHIFT] = io.KeyShift = down;
    if (s.alt) io.KeysDown[GLFW_KEY_LEFT_ALT] = io.KeyAlt = down;
}

}  // namespace

// "click:X:Y", "right-drag:X:Y:X2:Y2" ...; false when `name` is not a mouse step.
bool parse_mouse_step(const std::string& name, ScriptedStep& s) {
    std::string rest = name;
    s.button = 0;
    if (rest.rfind("right-", 0) == 0) s.button = 1, rest = rest.substr(6);
    int used = 0;
    if (rest.rfind("click:", 0) == 0)
        return std::sscanf(rest.c_str(), "click:%f:%f%n", &s.at_x, &s.at_y, &used) == 2 &&
               used == static_cast<int>(rest.size()) && (s.to_x = s.at_x, s.to_y = s.at_y, true);
    if (rest.rfind("drag:", 0) == 0)
        return std::sscanf(rest.c_str(), "drag:%f:%f:%f:%f%n", &s.at_x, &s.at_y, &s.to_x, &s.to_y, &used) == 4 &&
               used == static_cast<int>(rest.size());
    return false;
}

geo::Result<ScriptedStep> parse_scripted_step(const std::string& name) {
    ScriptedStep s;
    if (name.rfind("type:", 0) == 0 && name.size() > 5) {
        s.text = name.substr(5);
        return s;
    }
    if (parse_mouse_step(name, s)) return s;
    s = ScriptedStep{};
    if (name == "wait") return s;  // two frames with nothing pressed (a menu that has just opened settles)
    std::string rest = name;
    for (;;) {
        if (rest.rfind("ctrl+", 0) == 0) s.ctrl = true, rest = rest.substr(5);
        else if (rest.rfind("shift+", 0) == 0) s.shift = true, rest = rest.substr(6);
        else if (rest.rfind("alt+", 0) == 0) s.alt = true, rest = rest.substr(4);
        else break;
    }
    s.key = key_code(rest);
    if (s.key < 0) {
        std::string names;
        for (const auto& [n, code] : kNamedKeys) names += std::string(n) + ", ";
        return geo::make_error("--press takes " + names +
                               "a to z, each maybe after ctrl+, shift+ or alt+; type:TEXT; click:X:Y, right-click:X:Y, "
                               "drag:X:Y:X2:Y2, right-drag:X:Y:X2:Y2; wait; not '" + name + "'");
    }
    return s;
}

geo::Result<ScriptedInput> ScriptedInput::parse(const std::vector<std::string>& names) {
    ScriptedInput in;
    for (const std::string& n : names) {
        auto step = parse_scripted_step(n);
        if (!step) return geo::make_error(step.error());
        in.steps_.push_back(std::move(step).value());
    }
    return in;
}

void ScriptedInput::apply(int frame, ImGuiIO& io) {
    if (held_ >= 0) {
        const ScriptedStep& s = steps_[static_cast<std::size_t>(held_)];
        if (s.key >= 0) io.KeysDown[s.key] = false;
        set_modifiers(io, s, false);
        // The button comes up where the step ends (a drag's far end).
        if (s.button >= 0) io.MouseDown[s.button] = false, cursor_ = {s.to_x, s.to_y};
        held_ = -1;
    }
    // The pointer stays where the script left it (the real one, if any, is not looked at).
    if (cursor_) io.MousePos = ImVec2(cursor_->first, cursor_->second);
    const auto next = static_cast<std::size_t>(frame / 2);
    if (frame % 2 != 1 || next >= steps_.size()) return;
    const ScriptedStep& s = steps_[next];
    held_ = static_cast<int>(next);
    set_modifiers(io, s, true);
    if (s.key >= 0) io.KeysDown[s.key] = true;
    if (!s.text.empty()) io.AddInputCharactersUTF8(s.text.c_str());
    if (s.button >= 0) {
        cursor_ = {s.at_x, s.at_y};
        io.MousePos = ImVec2(s.at_x, s.at_y);
        io.MouseDown[s.button] = true;
    }
}

}  // namespace mirador
