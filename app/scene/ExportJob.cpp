#include "scene/ExportJob.hpp"

#include <imgui.h>

#include <algorithm>
#include <cmath>

#include "export/ImageFile.hpp"
#include "export/TileAssembler.hpp"
#include "render/GlUtil.hpp"
#include "render/OffscreenTarget.hpp"
#include "render/PointsPass.hpp"
#include "render/Renderer.hpp"
#include "render/UiPass.hpp"
#include "render/gl/StateGuard.hpp"
#include "scene/Fonts.hpp"

namespace mirador {

namespace {

// Makes the job's ImGui context current for a scope and gives the caller's back after.
class ImGuiContextScope {
public:
    explicit ImGuiContextScope(ImGuiContext* ctx) : previous_(ImGui::GetCurrentContext()) { ImGui::SetCurrentContext(ctx); }
    ~ImGuiContextScope() { ImGui::SetCurrentContext(previous_); }
    ImGuiContextScope(const ImGuiContextScope&) = delete;
    ImGuiContextScope& operator=(const ImGuiContextScope&) = delete;

private:
    ImGuiContext* previous_;
};

// The part of the whole image's view a tile shows: the same scale, centred on the tile.
MapView tile_view(const MapView& whole, const PixelRect& r) {
    MapView v = whole;
    v.width = r.width;
    v.height = r.height;
    v.center = whole.screen_to_map(r.x + r.width * 0.5, r.y + r.height * 0.5);
    return v;
}

}  // namespace

float export_pixel_scale(int width, int height, double dpi) {
    if (dpi > 0) return static_cast<float>(std::clamp(dpi / 96.0, 0.5, 64.0));
    return std::max(1.0f, std::min(width / 1920.0f, height / 1080.0f));
}

SceneParams export_scene_params(const doc::MapDocument& document, FrameContext context,
                                const geo::Boundaries& boundaries, int width, int height, double dpi) {
    context.view = view_for_document(document.view, boundaries, width, height);
    context.pixel_scale = export_pixel_scale(width, height, dpi);
    return scene_params(document, context);
}

geo::Result<std::unique_ptr<RowSink>> open_export_file(const std::string& path, const MapView& view,
                                                       geo::DisplayCrs crs, double dpi) {
    auto format = image_format_for(path);
    if (!format) return geo::make_error(format.error());
    ImageFileOptions file;
    file.dpi = dpi;
    // The map's background is opaque: no alpha channel to store.
    file.opaque = true;
    // A GeoTIFF is georeferenced by what the image shows: the view's outer edges.
    const geo::BBox shown = view.visible();
    file.bounds = MapBounds{crs, shown.min_x, shown.min_y, shown.max_x, shown.max_y};
    return open_image_file(path, *format, view.width, view.height, file);
}

geo::Result<std::unique_ptr<ExportJob>> ExportJob::start(MapScene& scene, const SceneParams& params,
                                                         std::unique_ptr<RowSink> sink, const ExportTiling& tiling) {
    const MapView& whole = params.frame.view;
    if (!sink) return geo::make_error("an export needs a file to write");
    if (sink->width() != whole.width || sink->height() != whole.height)
        return geo::make_error("an export's file is not the size of its image");
    const int gl_side = gl::max_frame_side();
    int side = tiling.max_tile_size > 0 ? tiling.max_tile_size : std::min(gl_side, ExportTiling::kDefaultTileSide);
    if (side > gl_side) side = gl_side;
    TilePlanOptions options;
    options.max_tile_size = side;
    // Lines and point symbols grow with the pixel scale: the overlap covers the widest.
    options.overlap = std::min(static_cast<int>(std::ceil(32.0f * std::max(1.0f, params.overlay.pixel_scale))),
                               (side - 1) / 2);
    auto plan = plan_tiles(whole.width, whole.height, options);
    if (!plan) return geo::make_error(plan.error());

    // The caller's framebuffer, viewport and the rest come back when this returns (the window
    // draws its own frame between steps).
    const gl::StateGuard saved;
    std::unique_ptr<ExportJob> job(new ExportJob());
    job->scene_ = &scene;
    job->params_ = params;
    job->plan_ = std::move(plan).value();
    job->sink_ = std::move(sink);
    job->assembler_ = std::make_unique<TileAssembler>(job->plan_, *job->sink_);
    int tw = 0, th = 0;
    for (const Tile& t : job->plan_.tiles) tw = std::max(tw, t.source.width), th = std::max(th, t.source.height);
    auto target = OffscreenTarget::create(tw, th);
    if (!target)
        return geo::make_error("cannot render tiles of " + std::to_string(tw) + " x " + std::to_string(th) +
                               " pixels: " + target.error());
    job->target_ = std::make_unique<OffscreenTarget>(std::move(target).value());

    job->imgui_ = ImGui::CreateContext();
    ImGuiContextScope scope(job->imgui_);
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.LogFilename = nullptr;
    io.DisplaySize = ImVec2(float(whole.width), float(whole.height));
    io.DeltaTime = 1.0f / 60.0f;
    // Text for a huge image is huge too (a 32768-pixel export draws it 17 times the screen's):
    // the glyphs then need a wide atlas, or ImGui would stack them into a texture taller than
    // the GPU takes and every letter and box would come out black.
    if (params.overlay.pixel_scale > 4) {
        io.Fonts->TexDesiredWidth = 8192;
        io.Fonts->Flags |= ImFontAtlasFlags_NoPowerOfTwoHeight;
    }
    const FontSet fonts = load_fonts(params.overlay.pixel_scale);
    {
        unsigned char* pixels = nullptr;
        int aw = 0, ah = 0;
        io.Fonts->GetTexDataAsRGBA32(&pixels, &aw, &ah);
        // GL_MAX_TEXTURE_SIZE is at least the framebuffer limit on the drivers we know (16384
        // both on llvmpipe), so that limit stands for it here.
        if (!pixels || aw > gl_side || ah > gl_side)
            return geo::make_error("cannot draw text " + std::to_string(params.overlay.pixel_scale) +
                                   " times its screen size: its glyphs need a " + std::to_string(aw) + " x " +
                                   std::to_string(ah) + " texture, beyond the GPU's " + std::to_string(gl_side) +
                                   " (give a --dpi for a smaller text scale)");
    }
    auto ui = UiPass::create();
    if (!ui) return geo::make_error(ui.error());
    job->ui_pass_ = std::move(ui).value();
    job->ui_pass_->new_frame();
    ImGui::NewFrame();
    // The layers once through the whole image's view (clipped to the tile target: only what
    // they decide matters here, e.g. whether points are drawn singly, which the legend says),
    // then the overlay laid out for the whole image.
    job->target_->bind();
    const FrameParams drawn = scene.draw_layers(params);
    // Every tile draws the points as the whole image does (binned or not, one colour scale).
    const PointsShown& points = scene.renderer().points_shown();
    job->params_.frame.points_as = {true, points.aggregated, points.max_count};
    // And the heatmap's relative scale as the whole image's view sets it.
    job->params_.heatmap_scale_area = params.heatmap_scale_area.value_or(params.frame.view.visible());
    job->labels_ = scene.draw_overlay(params, drawn, ImGui::GetBackgroundDrawList(), fonts);
    // One tile is the whole image: its layers are already in the target.
    job->first_tile_drawn_ = job->plan_.tiles.size() == 1;
    job->furniture_ = scene.furniture();
    ImGui::Render();
    return job;
}

ExportJob::~ExportJob() { release(); }

void ExportJob::release() {
    if (imgui_) {
        {
            ImGuiContextScope scope(imgui_);
            ui_pass_.reset();  // shuts ImGui's GL backend down in its own context
        }
        ImGuiContext* previous = ImGui::GetCurrentContext();
        ImGui::DestroyContext(imgui_);
        if (previous != imgui_) ImGui::SetCurrentContext(previous);
        imgui_ = nullptr;
    }
    target_.reset();
    assembler_.reset();
    sink_.reset();  // a sink never finished removes its temporary file
}

double ExportJob::progress() const {
    if (done_) return 1.0;
    return plan_.tiles.empty() ? 0.0 : double(next_) / double(plan_.tiles.size());
}

void ExportJob::cancel() {
    if (done_) return;
    cancelled_ = true;
    release();
}

geo::Result<bool> ExportJob::step() {
    if (done_) return true;
    if (cancelled_ || !assembler_) return geo::make_error("the export was cancelled");
    const gl::StateGuard saved;
    const Tile& tile = plan_.tiles[next_];
    SceneParams p = params_;
    p.frame.view = tile_view(params_.frame.view, tile.source);
    target_->bind();
    if (!(next_ == 0 && first_tile_drawn_)) (void)scene_->draw_layers(p);
    {
        ImGuiContextScope scope(imgui_);
        ImDrawData* overlay = ImGui::GetDrawData();
        // The whole image's overlay, seen through this tile.
        overlay->DisplayPos = ImVec2(float(tile.source.x), float(tile.source.y));
        overlay->DisplaySize = ImVec2(float(tile.source.width), float(tile.source.height));
        overlay->FramebufferScale = ImVec2(1, 1);
        target_->bind();
        ui_pass_->draw(overlay);
    }
    target_->bind();
    geo::Result<bool> added = true;
    if (plan_.columns == 1) {
        const int height = tile.source.height, width = tile.source.width;
        added = assembler_->add_rows([&](int first_row, int rows, std::uint8_t* out) {
            read_framebuffer_rows(width, height, first_row, rows, out);
        });
    } else {
        Image image;
        image.width = tile.source.width;
        image.height = tile.source.height;
        image.rgba = read_framebuffer_rgba(image.width, image.height);
        added = assembler_->add(image);
    }
    if (!added) {
        release();
        cancelled_ = true;
        return geo::make_error(added.error());
    }
    ++next_;
    if (!assembler_->complete()) return false;
    auto finished = assembler_->finish();
    if (!finished) {
        release();
        cancelled_ = true;
        return geo::make_error(finished.error());
    }
    done_ = true;
    release();
    return true;
}

}  // namespace mirador
