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
#include "scene/ExportCanvas.hpp"
#include "render/gl/StateGuard.hpp"
#include "scene/Fonts.hpp"

namespace mirador {

namespace {

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
                                                         std::unique_ptr<RowSink> sink, const ExportTiling& tiling,
                                                         std::unique_ptr<ExportCanvas> canvas) {
    const MapView& whole = params.frame.view;
    if (!sink) return geo::make_error("an export needs a file to write");
    if (sink->width() != whole.width || sink->height() != whole.height)
        return geo::make_error("an export's file is not the size of its image");
    if (!canvas || !canvas->fits(whole.width, whole.height, params.overlay.pixel_scale, tiling)) {
        auto made = ExportCanvas::create(whole.width, whole.height, params.overlay.pixel_scale, tiling);
        if (!made) return geo::make_error(made.error());
        canvas = std::move(made).value();
    }

    // The caller's framebuffer, viewport and the rest come back when this returns (the window
    // draws its own frame between steps).
    const gl::StateGuard saved;
    std::unique_ptr<ExportJob> job(new ExportJob());
    job->scene_ = &scene;
    job->params_ = params;
    job->plan_ = canvas->plan();
    job->sink_ = std::move(sink);
    job->assembler_ = std::make_unique<TileAssembler>(job->plan_, *job->sink_);
    job->canvas_ = std::move(canvas);

    ImGuiContextScope scope(job->canvas_->imgui());
    job->canvas_->ui_pass().new_frame();
    ImGui::NewFrame();
    // The layers once through the whole image's view (clipped to the tile target: only what
    // they decide matters here, e.g. whether points are drawn singly, which the legend says),
    // then the overlay laid out for the whole image.
    job->canvas_->target().bind();
    const FrameParams drawn = scene.draw_layers(params);
    // Every tile draws the points as the whole image does (binned or not, one colour scale).
    const PointsShown& points = scene.renderer().points_shown();
    job->params_.frame.points_as = {true, points.aggregated, points.max_count};
    // And the heatmap's relative scale as the whole image's view sets it.
    job->params_.heatmap_scale_area = params.heatmap_scale_area.value_or(params.frame.view.visible());
    job->labels_ = scene.draw_overlay(params, drawn, ImGui::GetBackgroundDrawList(), job->canvas_->fonts());
    // One tile is the whole image: its layers are already in the target.
    job->first_tile_drawn_ = job->plan_.tiles.size() == 1;
    job->furniture_ = scene.furniture();
    ImGui::Render();
    return job;
}

ExportJob::~ExportJob() { release(); }

void ExportJob::release() {
    canvas_.reset();
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
    OffscreenTarget& target = canvas_->target();
    target.bind();
    if (!(next_ == 0 && first_tile_drawn_)) (void)scene_->draw_layers(p);
    {
        ImGuiContextScope scope(canvas_->imgui());
        ImDrawData* overlay = ImGui::GetDrawData();
        // The whole image's overlay, seen through this tile.
        overlay->DisplayPos = ImVec2(float(tile.source.x), float(tile.source.y));
        overlay->DisplaySize = ImVec2(float(tile.source.width), float(tile.source.height));
        overlay->FramebufferScale = ImVec2(1, 1);
        target.bind();
        canvas_->ui_pass().draw(overlay);
    }
    target.bind();
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
