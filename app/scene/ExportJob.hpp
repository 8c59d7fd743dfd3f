#pragma once
// An export of the map into an image of any size (up to kMaxExportSide a side), made one tile
// per step() so the window can drive it a step per frame (progress, cancel) and `mirador
// snapshot` can run it to the end.
//
// Labels, legends and furniture are laid out ONCE for the whole image (an ImGui draw list the
// size of the image, in the job's own ImGui context with fonts at the export's scale); each tile
// draws the map layers through a MapView of its own sub-rectangle, then that draw list shifted
// to the tile (ImDrawData::DisplayPos), so nothing is placed per tile. Tiles overlap (TilePlan)
// so lines have no seam, and the rows go straight to the RowSink (TileAssembler), so memory
// holds one band of tiles whatever the size.
//
// Use:
//     SceneParams p = export_scene_params(document, context, scene.boundaries(), width, height, dpi);
//     auto sink = open_export_file(path, p.frame.view, dpi);          // or any RowSink
//     auto job = ExportJob::start(scene, p, std::move(*sink));
//     while (!(*job)->done()) if (auto r = (*job)->step(); !r) { report r.error(); break; }
// The scene must have the document applied (DocumentApplier) and outlive the job; a GL context
// must be current at start() and at every step() (the window's or a HeadlessGlContext). The
// job switches to its ImGui context inside start() and step() and gives the caller's back, and
// puts the caller's GL state (framebuffer, viewport, program ...) back (gl::StateGuard), so the
// window can draw its own frame between steps.
// Destroying the job, or cancel(), before it is done leaves the target file untouched.
#include <memory>
#include <string>
#include <vector>

#include "document/MapDocument.hpp"
#include "export/RowSink.hpp"
#include "export/TilePlan.hpp"
#include "scene/DocumentFrame.hpp"
#include "scene/MapScene.hpp"

struct ImGuiContext;

namespace mirador {

class OffscreenTarget;
class UiPass;

// Text and lines grow with the output: with a DPI, dpi / 96 (a 96-dpi screen is 1, a 300-dpi
// print 3.125, so it reads at the size the screen shows); without one, with the image's size
// against a 1920 x 1080 screen (at least 1), so a 4K snapshot looks like the window on a high-DPI
// screen rather than a tiny map with hairlines.
float export_pixel_scale(int width, int height, double dpi);

// The frame an export of `document` draws: its view fitted to width x height, the pixel scale
// above. `context` gives what the document does not say (selection, engines, data present);
// its view and pixel scale are replaced.
SceneParams export_scene_params(const doc::MapDocument& document, FrameContext context,
                                const geo::Boundaries& boundaries, int width, int height, double dpi);

// The file an export writes, by `path`'s extension (.png, .jpg, .tif), georeferenced (GeoTIFF)
// by what `view` shows, with `dpi` stored. Written atomically: put in place by the last step.
[[nodiscard]] geo::Result<std::unique_ptr<RowSink>> open_export_file(const std::string& path, const MapView& view,
                                                                     geo::DisplayCrs crs, double dpi);

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

class ExportJob {
public:
    // Lays out the overlay for the whole image (params.frame.view, which sets the size) and plans
    // the tiles. Errors say why an image cannot be made (a side past kMaxExportSide, the GPU's
    // framebuffer refused), before anything is written.
    [[nodiscard]] static geo::Result<std::unique_ptr<ExportJob>> start(MapScene& scene, const SceneParams& params,
                                                                       std::unique_ptr<RowSink> sink,
                                                                       const ExportTiling& tiling = {});
    ~ExportJob();
    ExportJob(const ExportJob&) = delete;
    ExportJob& operator=(const ExportJob&) = delete;

    // Renders the next tile and hands its rows on; after the last, completes the file. Returns
    // true when the export is done. An error ends the job (the file is not put in place).
    [[nodiscard]] geo::Result<bool> step();
    bool done() const { return done_; }
    // Tiles rendered over tiles planned, 0..1.
    double progress() const;
    // Stops here; the target file is left as it was (the temporary one is removed).
    void cancel();
    bool cancelled() const { return cancelled_; }

    const TilePlan& plan() const { return plan_; }
    const MapView& view() const { return params_.frame.view; }  // the whole image's
    // What the overlay placed, in the whole image's pixels.
    const std::vector<LabelBox>& labels() const { return labels_; }
    const DrawnFurniture& furniture() const { return furniture_; }

private:
    ExportJob() = default;
    MapScene* scene_ = nullptr;
    SceneParams params_;
    TilePlan plan_;
    std::unique_ptr<RowSink> sink_;
    std::unique_ptr<class TileAssembler> assembler_;
    std::unique_ptr<OffscreenTarget> target_;
    ImGuiContext* imgui_ = nullptr;
    std::unique_ptr<UiPass> ui_pass_;
    std::vector<LabelBox> labels_;
    DrawnFurniture furniture_;
    std::size_t next_ = 0;
    bool done_ = false, cancelled_ = false;
    bool first_tile_drawn_ = false;  // start() drew the layers of a one-tile plan
    void release();
};

}  // namespace mirador
