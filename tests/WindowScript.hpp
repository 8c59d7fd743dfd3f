#pragma once
// What the window's export tests share: a project of the seed incidents saved by the command
// line, and a scripted run of the window on a project with config and state folders of its own.
#include <string>

#include "ProcessRun.hpp"

namespace mirador::test {

// DIR/NAME.mirador: the seed incidents with a choropleth and points (`snapshot --save-project`).
std::string seed_project(const std::string& dir, const std::string& name);

// The window on `project` at 1280 x 720 for `frames` frames, pressing `press` (--press); its
// layout, recent files and recovery file under DIR; `env`: "NAME=VALUE ..." set for it.
Run run_window_script(const std::string& dir, const std::string& project, const std::string& press, int frames = 40,
                      const std::string& env = "");

}  // namespace mirador::test
