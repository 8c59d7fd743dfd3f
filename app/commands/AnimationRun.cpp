#include "commands/AnimationRun.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>

#include "export/ImageRowSink.hpp"
#include "scene/IncidentLayer.hpp"

namespace mirador {

std::string h264_encoder_from_environment() {
    const char* encoder = std::getenv("MIRADOR_H264_ENCODER");
    return encoder ? encoder : "";
}

geo::Result<std::unique_ptr<AnimationRun>> AnimationRun::plan(const doc::MapDocument& document, const AnimateOptions& o,
                                                             IncidentLayer& incidents, const geo::Boundaries& b,
                                                             const geo::PopulationTable* population, HeadlessMap& map) {
    const auto unit = geo::parse_window_unit(o.step);
    if (!unit || *unit == geo::WindowUnit::Custom)
        return geo::make_error("--step " + o.step + ": expected day, week, month, quarter or year");
    AnimationRequest request;
    request.out = o.out;
    request.step = *unit;
    request.fps = o.fps;
    request.skip_empty = o.skip_empty;
    request.hold_last = o.hold_last;
    request.width = o.frame.width;
    request.height = o.frame.height;
    request.dpi = o.frame.dpi;
    request.h264_encoder = o.h264_encoder;
    auto sequence = AnimationSequence::plan(document, incidents, b, population, request);
    if (!sequence) return geo::make_error(sequence.error() + " (--step " + o.step + ")");
    std::unique_ptr<AnimationRun> run(new AnimationRun());
    run->options_ = o;
    // The window steps a tile a frame: the command line draws the same tiles, so the same pixels.
    if (run->options_.frame.tile_size <= 0) run->options_.frame.tile_size = ExportTiling::kSteppedTileSide;
    run->sequence_ = std::move(sequence).value();
    run->incidents_ = &incidents;
    run->map_ = &map;
    map.scene().set_fixed_classes(run->sequence_->classes());
    AnimationRun* r = run.get();
    r->drawer_.apply = [r](const doc::MapDocument& d) -> geo::Result<std::size_t> {
        if (auto applied = r->map_->apply(d); !applied) return geo::make_error(applied.error());
        return r->incidents_->visible_count;
    };
    // The export started in one step (the overlay laid out), then a tile a step.
    r->drawer_.render = [r](const doc::MapDocument& d, Image& frame) -> geo::Result<bool> {
        const SnapshotOptions& f = r->options_.frame;
        if (!r->job_) {
            auto job = r->map_->start(d, f, std::make_unique<ImageRowSink>(frame, f.width, f.height));
            if (!job) return geo::make_error(job.error());
            r->job_ = std::move(job).value();
            return false;
        }
        auto done = r->job_->step();
        ++r->tiles_drawn_;
        if (!done || *done) r->job_.reset();
        return done;
    };
    return run;
}

geo::Result<bool> AnimationRun::step(bool wait_for_writer) {
    auto done = sequence_->step(drawer_, wait_for_writer);
    if (!done) cancel();
    return done;
}

void AnimationRun::cancel() {
    job_.reset();  // draws into memory: nothing on disk to undo
    sequence_->cancel();
}

double AnimationRun::progress() const {
    const AnimationSequence& s = *sequence_;
    const double total = double(s.windows()) + std::max(0, options_.hold_last);
    if (!job_ || total <= 0) return s.progress();
    return std::min(1.0, s.progress() + job_->progress() / total);
}

std::string AnimationRun::stage_text() const {
    const AnimationSequence& s = *sequence_;
    const std::size_t n = s.windows() + static_cast<std::size_t>(std::max(0, options_.hold_last));
    const auto made = static_cast<std::size_t>(std::lround(s.progress() * double(n)));
    char text[160];
    std::snprintf(text, sizeof text, "frame %zu of %zu (%s)", std::min(made + 1, n), n,
                  s.label(std::min(s.done(), s.windows() - 1)).c_str());
    return text;
}

std::string AnimationRun::summary(double secs) const {
    const AnimationSequence& s = *sequence_;
    const SnapshotOptions& f = options_.frame;
    char text[512];
    std::snprintf(text, sizeof text, "wrote %s (%d frames of %dx%d: %zu %s windows %s to %s%s; %.1f s, %.0f ms a frame)",
                  options_.out.c_str(), s.frames(), f.width, f.height, s.windows() - s.skipped(), options_.step.c_str(),
                  s.label(0).c_str(), s.label(s.windows() - 1).c_str(),
                  s.skipped() ? (", " + std::to_string(s.skipped()) + " empty left out").c_str() : "", secs,
                  1000.0 * secs / std::max(1, s.frames()));
    return text;
}

}  // namespace mirador
