#include "render/UiPass.hpp"

#include <backends/imgui_impl_opengl3.h>
#include <imgui.h>

namespace mirador {

geo::Result<std::unique_ptr<UiPass>> UiPass::create() {
    if (!ImGui_ImplOpenGL3_Init("#version 330 core"))
        return geo::make_error("ImGui's OpenGL 3 backend cannot start (GLSL 3.30 core)");
    return std::unique_ptr<UiPass>(new UiPass());
}

UiPass::~UiPass() { ImGui_ImplOpenGL3_Shutdown(); }

void UiPass::new_frame() { ImGui_ImplOpenGL3_NewFrame(); }

void UiPass::draw(ImDrawData* data) { ImGui_ImplOpenGL3_RenderDrawData(data); }

}  // namespace mirador
