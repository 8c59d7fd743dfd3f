#include "gui/DroppedFiles.hpp"

#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>

#include "gui/FileKinds.hpp"

namespace mirador {

void on_files_dropped(GLFWwindow* window, int count, const char** paths) {
    auto* queue = static_cast<std::vector<std::string>*>(glfwGetWindowUserPointer(window));
    if (!queue) return;
    for (int i = 0; i < count; ++i) queue->emplace_back(paths[i]);
}

MenuRequest dropped_files(std::vector<std::string>& dropped, const std::function<void(const std::string&)>& notice) {
    MenuRequest r;
    if (dropped.empty()) return r;
    const std::string path = dropped.front();
    if (dropped.size() > 1)
        notice(std::to_string(dropped.size()) + " files were dropped; one is opened at a time: " + path);
    dropped.clear();
    switch (file_kind(path)) {
        case FileKind::Project: r.open_path = path; break;
        case FileKind::Incidents: r.incidents_path = path; break;
        case FileKind::CountTable: r.table_path = path; break;
        case FileKind::Other: notice(path + ": not " + openable_kinds_text()); break;
    }
    return r;
}

}  // namespace mirador
