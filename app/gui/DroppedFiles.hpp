#pragma once
// Files dropped on the window (GLFW's drop callback, or --drop in scripted runs): queued by the
// callback, then turned into what File > Open would ask for on the next frame.
#include <functional>
#include <string>
#include <vector>

#include "gui/MainMenu.hpp"

struct GLFWwindow;

namespace mirador {

// GLFW's drop callback: the paths go to the queue that is the window's user pointer
// (a std::vector<std::string>).
void on_files_dropped(GLFWwindow* window, int count, const char** paths);

// A project opens, incidents load; one file at a time, as File > Open takes it. Anything else,
// and the files left over, are said through `notice`. Empties the queue.
MenuRequest dropped_files(std::vector<std::string>& dropped, const std::function<void(const std::string&)>& notice);

}  // namespace mirador
