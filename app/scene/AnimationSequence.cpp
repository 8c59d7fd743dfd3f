#include "scene/AnimationSequence.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>

#include "document/TimePlayback.hpp"
#include "export/AnimationWriter.hpp"
#include "export/FileExtension.hpp"
#include "export/PngSequenceWriter.hpp"
#include "scene/Choropleth.hpp"
#include "scene/IncidentLayer.hpp"

namespace mirador {

namespace {

// One set of classes for the fill over every frame: every frame's values classified together,
// so a colour means the same count in January as in December.
std::optional<geo::Classes> classes_over(const std::vector<geo::DayRange>& windows, IncidentLayer& incidents,
                                         const geo::Boundaries& b, const geo::PopulationTable* population,
                                         const doc::FillStyle& style) {
    if (style.measure == ChoroplethMeasure::None) return std::nullopt;
    std::vector<double> all;
    for (const geo::DayRange& w : windows) {
        incidents.set_time_window(w, b, population);
        for (double v : choropleth_values(b, incidents, style))
            if (std::isfinite(v)) all.push_back(v);
    }
    return geo::classify(all, style.classes, style.method);
}

}  // namespace

AnimationSequence::AnimationSequence(const geo::TimeAxis& axis) : axis_(axis) {}
AnimationSequence::~AnimationSequence() {
    if (writing_.valid()) writing_.wait();  // before the writers it uses go
}

geo::Result<std::unique_ptr<AnimationSequence>> AnimationSequence::plan(const doc::MapDocument& document,
                                                                      IncidentLayer& incidents,
                                                                      const geo::Boundaries& b,
                                                                      const geo::PopulationTable* population,
                                                                      const AnimationRequest& request) {
    const geo::WindowSpec spec{geo::WindowMode::Moving, request.step, 30};
    // The range: the document's window (--from/--to, the slider's), else every incident's dates.
    const auto chosen = current_window(document.time);
    const geo::DayRange range = chosen ? *chosen : geo::data_extent(incidents.store);
    const geo::TimeAxis axis(range, spec);
    if (axis.count() == 0)
        return geo::make_error(std::string("no window to animate (no dated incident") + (chosen ? " in from..to)" : ")"));
    std::unique_ptr<AnimationSequence> s(new AnimationSequence(axis));
    s->request_ = request;
    doc::MapDocument& d = s->document_;
    d = document;
    d.time.all_time = false;
    d.time.window = spec;
    // One colour scale across the frames: the heatmap's top is the highest of every window of
    // the step (a relative scale would rescale each frame and make a quiet month look as hot as
    // the worst); a domain the user set stays.
    auto& heat = d.style_of<doc::HeatmapStyle>();
    if (heat.normalize == geo::NormalizeMode::Relative) {
        const doc::Layer* layer = d.find(doc::LayerKind::Heatmap);
        s->heatmap_made_fixed_ = layer && layer->visible;
        heat.normalize = geo::NormalizeMode::Fixed;
    }
    for (std::size_t k = 0; k < axis.count(); ++k) s->windows_.push_back(axis.window(k));
    s->classes_ = classes_over(s->windows_, incidents, b, population, d.style_of<doc::FillStyle>());
    return s;
}

geo::Result<bool> AnimationSequence::open() {
    const std::string ext = lower_extension(request_.out);
    if (ext == "mp4" || ext == "gif") {
        auto format = animation_format_for(request_.out);
        if (!format) return geo::make_error(format.error());
        AnimationOptions a;
        a.fps = request_.fps;
        a.h264_encoder = request_.h264_encoder;
        auto w = AnimationWriter::open(request_.out, *format, request_.width, request_.height, a);
        if (!w) return geo::make_error(w.error());
        video_ = std::move(w).value();
    } else {
        auto seq = PngSequenceWriter::open(request_.out, "frame", request_.dpi);
        if (!seq) return geo::make_error(seq.error());
        sequence_ = std::make_unique<PngSequenceWriter>(std::move(seq).value());
    }
    return true;
}

double AnimationSequence::progress() const {
    const double total = double(windows_.size()) + request_.hold_last;
    const double made = double(next_ + held_);
    return total > 0 ? std::min(1.0, made / total) : 1.0;
}

geo::Result<bool> AnimationSequence::write(const Image& frame) {
    if (video_) return video_->add_frame(frame);
    auto path = sequence_->add_frame(frame);
    if (!path) return geo::make_error(path.error());
    return true;
}

geo::Result<bool> AnimationSequence::finish() {
    // (Run on the writer's thread: collect() marks the sequence finished.)
    return video_ ? video_->finish() : geo::Result<bool>(true);
}

geo::Result<bool> AnimationSequence::collect(bool block) {
    if (!writing_.valid()) return false;
    if (!block && writing_.wait_for(std::chrono::seconds(0)) != std::future_status::ready) return false;
    auto written = writing_.get();
    if (!written) return written;
    if (finishing_) finished_ = true;
    else ++written_;
    return true;
}

void AnimationSequence::hand_over(int buffer) {
    pending_ = false;
    // While the writer's thread runs, it alone touches the writers and frames_[buffer]: the next
    // frame is drawn into the other buffer, and this write is waited for before another is
    // handed over (collect) or the output discarded (cancel).
    writing_ = std::async(std::launch::async, [this, buffer] { return write(frames_[buffer]); });
}

geo::Result<bool> AnimationSequence::offer(bool wait) {
    if (writing_.valid() && !wait && writing_.wait_for(std::chrono::seconds(0)) != std::future_status::ready)
        return false;  // still pending: a later step hands it over
    if (auto collected = collect(true); !collected) return collected;
    hand_over(last_);
    return false;
}

geo::Result<bool> AnimationSequence::step(const AnimationDrawer& drawer, bool wait) {
    if (finished_) return true;
    if (auto collected = collect(false); !collected) return collected;
    if (finished_) return true;
    // A frame drawn while the writer had the one before.
    if (pending_) return offer(wait);
    if (next_ < windows_.size()) {
        if (!drawing_) {
            set_window(document_.time, windows_[next_]);
            if (request_.skip_empty) {
                auto shown = drawer.apply(document_);
                if (!shown) return geo::make_error(shown.error());
                if (*shown == 0) {
                    ++next_;
                    ++skipped_;
                    return false;
                }
            }
            drawing_ = true;
        }
        // Into the buffer the writer is not reading.
        Image& frame = frames_[last_ ^ 1];
        auto drawn = drawer.render(document_, frame);
        if (!drawn) return geo::make_error(drawn.error());
        if (!*drawn) return false;
        drawing_ = false;
        last_ ^= 1;
        ++next_;
        any_ = true;
        pending_ = true;
        return offer(wait);
    }
    if (!any_) return geo::make_error("every window is empty (--skip-empty left no frame); nothing written");
    // The held frames, one a step.
    if (held_ < request_.hold_last) {
        ++held_;
        pending_ = true;
        return offer(wait);
    }
    // The file completed once every frame is written.
    if (writing_.valid()) {
        if (!wait) return false;
        if (auto collected = collect(true); !collected) return collected;
    }
    finishing_ = true;
    writing_ = std::async(std::launch::async, [this] { return finish(); });
    if (!wait) return false;
    if (auto collected = collect(true); !collected) return collected;
    return true;
}

void AnimationSequence::cancel() {
    if (writing_.valid()) writing_.wait();  // the frame FFmpeg has cannot be stopped halfway
    writing_ = {};
    video_.reset();  // never finished: AtomicFile drops its temporary file
    if (sequence_ && !finished_) sequence_->discard();  // the frames this run wrote go too
    sequence_.reset();
    finished_ = true;
}

}  // namespace mirador
