#pragma once
// What an export draws into, made before the map it will hold is known: the tile plan, the
// offscreen target a tile is drawn in, and the export's own ImGui context with its text atlas at
// the export's pixel scale and ImGui's GL pass. None of it depends on the data, so `mirador
// snapshot` makes it on the GL thread while the boundaries still load on the other (that thread
// would otherwise wait idle, then do this work after them: about a tenth of a 4K snapshot).
// ExportJob::start takes one made in advance, or makes its own.
#include <memory>

#include "export/TilePlan.hpp"
#include "mirador/geo/Result.hpp"
#include "scene/Fonts.hpp"

struct ImGuiContext;

namespace mirador {

class OffscreenTarget;
class UiPass;

struct ExportTiling {
    // The largest tile side; 0: the GL limit (gl::max_frame_side), at most kDefaultTileSide.
    // Tests force small tiles to compare a tiled export with a direct one.
    int max_tile_size = 0;
    static constexpr int kDefaultTileSide = 8192;
    // The tile side of exports the window runs a tile a frame (File > Export, animations,
    // slides): on llvmpipe a tile of it takes about a tenth of a second, so the window keeps
    // answering. `mirador animate` and `export-slides` draw the same tiles, so the same pixels.
    static constexpr int kSteppedTileSide = 2048;
};

class ExportCanvas {
public:
    // For an image of width x height whose text and lines are drawn `pixel_scale` times their
    // screen size (export_pixel_scale). Needs a current GL context; puts the caller's GL state
    // and ImGui context back.
    [[nodiscard]] static geo::Result<std::unique_ptr<ExportCanvas>> create(int width, int height, float pixel_scale,
                                                                           const ExportTiling& tiling = {});
    ~ExportCanvas();
    ExportCanvas(const ExportCanvas&) = delete;
    ExportCanvas& operator=(const ExportCanvas&) = delete;

    // Whether this canvas was made for such an export.
    bool fits(int width, int height, float pixel_scale, const ExportTiling& tiling) const;

    const TilePlan& plan() const { return plan_; }
    OffscreenTarget& target() { return *target_; }
    ImGuiContext* imgui() const { return imgui_; }
    UiPass& ui_pass() { return *ui_pass_; }
    const FontSet& fonts() const { return fonts_; }

private:
    ExportCanvas() = default;
    int width_ = 0, height_ = 0, max_tile_size_ = 0;
    float pixel_scale_ = 1;
    TilePlan plan_;
    std::unique_ptr<OffscreenTarget> target_;
    ImGuiContext* imgui_ = nullptr;
    std::unique_ptr<UiPass> ui_pass_;
    FontSet fonts_;
};

// Makes an ImGui context current for a scope and gives the caller's back after.
class ImGuiContextScope {
public:
    explicit ImGuiContextScope(ImGuiContext* ctx);
    ~ImGuiContextScope();
    ImGuiContextScope(const ImGuiContextScope&) = delete;
    ImGuiContextScope& operator=(const ImGuiContextScope&) = delete;

private:
    ImGuiContext* previous_;
};

}  // namespace mirador
