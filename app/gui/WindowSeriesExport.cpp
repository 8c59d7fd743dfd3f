#include "gui/WindowSeriesExport.hpp"

#include <cstdio>
#include <filesystem>

#include "document/DateRange.hpp"
#include "mirador/geo/AtomicFile.hpp"
#include "scene/IncidentLayer.hpp"

namespace mirador {

namespace fs = std::filesystem;

WindowSeriesExport::WindowSeriesExport() = default;
WindowSeriesExport::~WindowSeriesExport() {
    // The runs draw through the map, which goes last (its scene in the window's GL context).
    if (animation_run_) animation_run_->cancel();
    animation_run_.reset();
    if (slides_run_) slides_run_->discard();
    slides_run_.reset();
    map_.reset();
}

void WindowSeriesExport::start_animation(const AnimationExportRequest& request, doc::MapDocument document,
                                         ExportSources sources) {
    animation_ = true;
    animation_request_ = request;
    out_ = request.options.out;
    document_ = std::move(document);
    sources_ = std::move(sources);
    stage_ = Stage::Prepare;
    started_ = std::chrono::steady_clock::now();
}

void WindowSeriesExport::start_slides(const ExportSlidesOptions& options, doc::MapDocument document, ExportSources sources) {
    animation_ = false;
    slides_options_ = options;
    out_ = options.out_dir;
    document_ = std::move(document);
    sources_ = std::move(sources);
    stage_ = Stage::Prepare;
    started_ = std::chrono::steady_clock::now();
}

double WindowSeriesExport::seconds() const {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - started_).count();
}

float WindowSeriesExport::fraction() const {
    if (animation_run_) return static_cast<float>(animation_run_->progress());
    if (slides_run_) return static_cast<float>(slides_run_->progress());
    return 0.0f;
}

std::string WindowSeriesExport::stage_text() const {
    if (animation_run_) return animation_run_->stage_text();
    if (slides_run_)
        return "slide " + std::to_string(std::min(slides_run_->written() + 1, slides_run_->slides())) + " of " +
               std::to_string(slides_run_->slides());
    return "preparing the map";
}

WindowExportResult WindowSeriesExport::finish(bool ok, std::string message) {
    animation_run_.reset();
    slides_run_.reset();
    map_.reset();
    stage_ = Stage::Idle;
    document_ = doc::MapDocument{};
    sources_ = ExportSources{};
    return WindowExportResult{ok, false, std::move(message)};
}

WindowExportResult WindowSeriesExport::cancel() {
    std::string what = "nothing was written";
    if (animation_run_) {
        const int frames = animation_run_->sequence().frames();
        animation_run_->cancel();
        if (frames > 0) what = std::to_string(frames) + (frames == 1 ? " frame" : " frames") + " made so far not kept";
    }
    if (slides_run_) {
        const std::size_t n = slides_run_->written();
        slides_run_->discard();
        if (n > 0) what = std::to_string(n) + (n == 1 ? " slide file" : " slide files") + " written so far removed";
    }
    WindowExportResult o = finish(false, std::string(animation_ ? "Animation" : "Slides") + " export to " + out_ + " cancelled: " + what);
    o.cancelled = true;
    return o;
}

geo::Result<bool> WindowSeriesExport::prepare() {
    const geo::Boundaries& b = *sources_.boundaries;
    if (auto same = geo::check_output_is_not_input(out_, sources_.input_paths, "the export"); !same) return same;
    if (animation_) {
        if (!sources_.incidents)
            return geo::make_error("an animation needs incidents to step through time (File > Open incidents...)");
        if (auto dated = apply_date_range(animation_request_.dates, document_.time); !dated) return dated;
        auto map = HeadlessMap::in_current_context(b, sources_.incidents, sources_.population, nullptr);
        if (!map) return geo::make_error(map.error());
        map_ = std::move(map).value();
        auto run = AnimationRun::plan(document_, animation_request_.options, *sources_.incidents, b, sources_.population, *map_);
        if (!run) return geo::make_error(run.error());
        if (auto opened = (*run)->open(); !opened) return opened;
        animation_run_ = std::move(run).value();
        return true;
    }
    auto map = HeadlessMap::in_current_context(b, sources_.incidents, sources_.population, sources_.table);
    if (!map) return geo::make_error(map.error());
    map_ = std::move(map).value();
    auto run = SlidesRun::start(document_, slides_options_, b, *map_);
    if (!run) return geo::make_error(run.error());
    slides_run_ = std::move(run).value();
    return true;
}

std::optional<WindowExportResult> WindowSeriesExport::step() {
    const std::string what = animation_ ? "Animation" : "Slides";
    switch (stage_) {
        case Stage::Idle: return std::nullopt;
        case Stage::Prepare:
            if (auto ready = prepare(); !ready) {
                if (animation_run_) animation_run_->cancel();
                return finish(false, what + " export to " + out_ + " failed: " + ready.error());
            }
            stage_ = Stage::Run;
            return std::nullopt;
        case Stage::Run: {
            char took[32];
            std::snprintf(took, sizeof took, "%.1f s", seconds());
            if (animation_run_) {
                // A piece of a frame; a failure removes what the run wrote.
                auto done = animation_run_->step(/*wait_for_writer=*/false);
                if (!done) return finish(false, what + " export to " + out_ + " failed: " + done.error());
                if (!*done) return std::nullopt;
                return finish(true, "Exported an animation: " + animation_run_->summary(seconds()));
            }
            auto written = slides_run_->step();  // a piece of a slide
            if (!written) {
                slides_run_->discard();
                return finish(false, what + " export to " + out_ + " failed: " + written.error());
            }
            if (!slides_run_->done()) return std::nullopt;
            const std::size_t n = slides_run_->written();
            const SnapshotOptions& f = slides_options_.frame;
            return finish(true, "Exported " + std::to_string(n) + " slides to " + out_ + " (" + std::to_string(f.width) +
                                    " x " + std::to_string(f.height) + " px, " + took + ")");
        }
    }
    return std::nullopt;
}

std::string proposed_animation_path(const std::string& last, const std::string& project) {
    if (!last.empty()) return last;
    if (project.empty()) return (fs::current_path() / "animation.mp4").string();
    return fs::path(project).replace_extension(".mp4").string();
}

std::string proposed_slides_folder(const std::string& last, const std::string& project) {
    if (!last.empty()) return last;
    if (project.empty()) return (fs::current_path() / "slides").string();
    const fs::path p(project);
    return (p.parent_path() / (p.stem().string() + "-slides")).string();
}

}  // namespace mirador
