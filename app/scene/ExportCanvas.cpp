#include "scene/ExportCanvas.hpp"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <string>

#include "render/GlUtil.hpp"
#include "render/OffscreenTarget.hpp"
#include "render/UiPass.hpp"
#include "render/gl/StateGuard.hpp"

namespace mirador {

ImGuiContextScope::ImGuiContextScope(ImGuiContext* ctx) : previous_(ImGui::GetCurrentContext()) {
    ImGui::SetCurrentContext(ctx);
}
ImGuiContextScope::~ImGuiContextScope() { ImGui::SetCurrentContext(previous_); }

geo::Result<std::unique_ptr<ExportCanvas>> ExportCanvas::create(int width, int height, float pixel_scale,
                                                                const ExportTiling& tiling) {
    const int gl_side = gl::max_frame_side();
    int side = tiling.max_tile_size > 0 ? tiling.max_tile_size : std::min(gl_side, ExportTiling::kDefaultTileSide);
    if (side > gl_side) side = gl_side;
    TilePlanOptions options;
    options.max_tile_size = side;
    // Lines and point symbols grow with the pixel scale: the overlap covers the widest.
    options.overlap = std::min(static_cast<int>(std::ceil(32.0f * std::max(1.0f, pixel_scale))), (side - 1) / 2);
    auto plan = plan_tiles(width, height, options);
    if (!plan) return geo::make_error(plan.error());

    const gl::StateGuard saved;  // the window's framebuffer and the rest come back
    std::unique_ptr<ExportCanvas> c(new ExportCanvas());
    c->width_ = width;
    c->height_ = height;
    c->max_tile_size_ = tiling.max_tile_size;
    c->pixel_scale_ = pixel_scale;
    c->plan_ = std::move(plan).value();
    int tw = 0, th = 0;
    for (const Tile& t : c->plan_.tiles) tw = std::max(tw, t.source.width), th = std::max(th, t.source.height);
    auto target = OffscreenTarget::create(tw, th);
    if (!target)
        return geo::make_error("cannot render tiles of " + std::to_string(tw) + " x " + std::to_string(th) +
                               " pixels: " + target.error());
    c->target_ = std::make_unique<OffscreenTarget>(std::move(target).value());

    c->imgui_ = ImGui::CreateContext();
    ImGuiContextScope scope(c->imgui_);
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.LogFilename = nullptr;
    io.DisplaySize = ImVec2(float(width), float(height));
    io.DeltaTime = 1.0f / 60.0f;
    // Text for a huge image is huge too (a 32768-pixel export draws it 17 times the screen's):
    // the glyphs then need a wide atlas, or ImGui would stack them into a texture taller than
    // the GPU takes and every letter and box would come out black.
    if (pixel_scale > 4) {
        io.Fonts->TexDesiredWidth = 8192;
        io.Fonts->Flags |= ImFontAtlasFlags_NoPowerOfTwoHeight;
    }
    c->fonts_ = load_fonts(pixel_scale);
    {
        unsigned char* pixels = nullptr;
        int aw = 0, ah = 0;
        io.Fonts->GetTexDataAsRGBA32(&pixels, &aw, &ah);
        // GL_MAX_TEXTURE_SIZE is at least the framebuffer limit on the drivers we know (16384
        // both on llvmpipe), so that limit stands for it here.
        if (!pixels || aw > gl_side || ah > gl_side)
            return geo::make_error("cannot draw text " + std::to_string(pixel_scale) +
                                   " times its screen size: its glyphs need a " + std::to_string(aw) + " x " +
                                   std::to_string(ah) + " texture, beyond the GPU's " + std::to_string(gl_side) +
                                   " (give a --dpi for a smaller text scale)");
    }
    auto ui = UiPass::create();
    if (!ui) return geo::make_error(ui.error());
    c->ui_pass_ = std::move(ui).value();
    // ImGui's GL backend makes its program and uploads the atlas on its first frame: now.
    c->ui_pass_->new_frame();
    return c;
}

ExportCanvas::~ExportCanvas() {
    if (imgui_) {
        {
            ImGuiContextScope scope(imgui_);
            ui_pass_.reset();  // shuts ImGui's GL backend down in its own context
        }
        ImGuiContext* previous = ImGui::GetCurrentContext();
        ImGui::DestroyContext(imgui_);
        if (previous != imgui_) ImGui::SetCurrentContext(previous);
    }
    target_.reset();
}

bool ExportCanvas::fits(int width, int height, float pixel_scale, const ExportTiling& tiling) const {
    return width == width_ && height == height_ && pixel_scale == pixel_scale_ &&
           tiling.max_tile_size == max_tile_size_;
}

}  // namespace mirador
