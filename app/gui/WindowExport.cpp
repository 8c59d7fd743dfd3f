#include "gui/WindowExport.hpp"

#include <cstdio>
#include <filesystem>

#include "export/ImageFile.hpp"
#include "mirador/geo/AtomicFile.hpp"
#include "render/GlUtil.hpp"
#include "scene/CountLayer.hpp"
#include "scene/DocumentFrame.hpp"
#include "scene/ExportJob.hpp"
#include "scene/HotspotLayer.hpp"
#include "scene/IncidentLayer.hpp"
#include "scene/MapScene.hpp"

namespace mirador {

namespace fs = std::filesystem;

WindowExport::WindowExport() = default;
WindowExport::~WindowExport() = default;

void WindowExport::start(const ExportRequest& request, doc::MapDocument document, ExportSources sources) {
    request_ = request;
    document_ = std::move(document);
    sources_ = std::move(sources);
    stage_ = Stage::Check;
    started_ = std::chrono::steady_clock::now();
}

double WindowExport::seconds() const {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - started_).count();
}

float WindowExport::fraction() const {
    switch (stage_) {
        case Stage::Check: return 0.0f;
        case Stage::Prepare: return 0.02f;
        case Stage::Tiles: return 0.05f + 0.95f * static_cast<float>(job_ ? job_->progress() : 0.0);
        case Stage::Idle: break;
    }
    return 1.0f;
}

std::string WindowExport::stage_text() const {
    switch (stage_) {
        case Stage::Check: return "checking the file";
        case Stage::Prepare: return "preparing the map";
        case Stage::Tiles: {
            if (!job_) break;
            const std::size_t n = job_->plan().tiles.size();
            const auto done = static_cast<std::size_t>(job_->progress() * double(n) + 0.5);
            char text[96];
            std::snprintf(text, sizeof text, "%s: tile %zu of %zu", describe(request_.size).c_str(), std::min(done + 1, n), n);
            return text;
        }
        case Stage::Idle: break;
    }
    return "";
}

WindowExportResult WindowExport::finish(bool ok, std::string message) {
    // The job first: it draws the scene, which goes next, in the window's GL context.
    job_.reset();
    scene_.reset();
    hotspots_.reset();
    stage_ = Stage::Idle;
    document_ = doc::MapDocument{};
    sources_ = ExportSources{};
    return WindowExportResult{ok, false, std::move(message)};
}

WindowExportResult WindowExport::cancel() {
    if (job_) job_->cancel();  // its temporary file goes; the target is left as it was
    WindowExportResult o = finish(false, "Export to " + request_.path + " cancelled: nothing was written");
    o.cancelled = true;
    return o;
}

geo::Result<bool> WindowExport::prepare() {
    const geo::Boundaries& b = *sources_.boundaries;
    auto scene = MapScene::create(b);
    if (!scene) return geo::make_error(scene.error());
    scene_ = std::move(scene).value();
    hotspots_ = std::make_unique<HotspotLayer>();
    // The document applied as `mirador snapshot` applies it (hot spots waited for), into a scene
    // of the export's own: the window's keeps its view, its heatmap and its background work.
    DocumentApplier applier;
    if (sources_.table) {
        scene_->set_table(sources_.table);
        applier.apply_table(document_, *scene_, *sources_.table, hotspots_.get(), b, sources_.population, /*wait=*/true);
        if (!sources_.table->filter_error.empty()) return geo::make_error(sources_.table->filter_error);
    } else {
        if (sources_.incidents) scene_->set_incidents(sources_.incidents);
        applier.apply(document_, *scene_, sources_.incidents, hotspots_.get(), b, sources_.population, /*wait=*/true);
    }
    FrameContext c;
    c.software_gl = gl::is_software_renderer();
    c.have_incidents = sources_.incidents != nullptr;
    c.have_table = sources_.table != nullptr;
    const SceneParams params =
        export_scene_params(document_, c, b, request_.size.width, request_.size.height, request_.size.dpi);
    auto sink = open_export_file(request_.path, params.frame.view, document_.view.crs, request_.size.dpi);
    if (!sink) return geo::make_error(sink.error());
    ExportTiling tiling;
    tiling.max_tile_size = ExportTiling::kSteppedTileSide;
    auto job = ExportJob::start(*scene_, params, std::move(sink).value(), tiling);
    if (!job) return geo::make_error(job.error());
    job_ = std::move(job).value();
    return true;
}

std::optional<WindowExportResult> WindowExport::step() {
    switch (stage_) {
        case Stage::Idle: return std::nullopt;
        case Stage::Check: {
            if (auto same = geo::check_output_is_not_input(request_.path, sources_.input_paths, "the export"); !same)
                return finish(false, "Export failed: " + same.error());
            if (auto format = image_format_for(request_.path); !format)
                return finish(false, "Export failed: " + format.error());
            std::error_code ec;
            const fs::path folder = fs::path(request_.path).parent_path();
            if (!folder.empty() && !fs::is_directory(folder, ec))
                return finish(false, "Export failed: " + request_.path + ": the folder " + folder.string() +
                                         " does not exist");
            stage_ = Stage::Prepare;
            return std::nullopt;
        }
        case Stage::Prepare:
            if (auto ready = prepare(); !ready) return finish(false, "Export to " + request_.path + " failed: " + ready.error());
            stage_ = Stage::Tiles;
            return std::nullopt;
        case Stage::Tiles: {
            auto done = job_->step();
            if (!done) return finish(false, "Export to " + request_.path + " failed: " + done.error());
            if (!*done) return std::nullopt;
            char took[32];
            std::snprintf(took, sizeof took, "%.1f s", seconds());
            return finish(true, "Exported " + request_.path + " (" + describe(request_.size) + ", " + took + ")");
        }
    }
    return std::nullopt;
}

std::string proposed_export_path(const std::string& last, const std::string& project) {
    if (!last.empty()) return last;
    if (project.empty()) return (fs::current_path() / "map.png").string();
    return fs::path(project).replace_extension(".png").string();
}

}  // namespace mirador
