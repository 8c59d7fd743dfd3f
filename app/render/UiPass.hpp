#pragma once
// ImGui's draw lists (the window's panels; the map's labels and legends, in the window and in
// snapshots) drawn through ImGui's OpenGL 3 backend, which saves and restores the GL state it
// changes. One per ImGui context: the backend starts with it and shuts down with it.
#include <memory>

#include "mirador/geo/Result.hpp"

struct ImDrawData;

namespace mirador {

class UiPass {
public:
    // Needs a current context and a current ImGui context.
    [[nodiscard]] static geo::Result<std::unique_ptr<UiPass>> create();
    ~UiPass();
    UiPass(const UiPass&) = delete;
    UiPass& operator=(const UiPass&) = delete;

    void new_frame();              // before ImGui::NewFrame
    void draw(ImDrawData* data);  // after ImGui::Render, into the bound framebuffer

private:
    UiPass() = default;
};

}  // namespace mirador
