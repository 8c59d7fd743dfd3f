#include "scene/AnimationSequence.hpp"

#include <algorithm>
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
AnimationSequence::~AnimationSequence() = default;

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

int AnimationSequence::frames() const {
    if (video_) return video_->frames();
    return sequence_ ? sequence_->frames() : 0;
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
    finished_ = true;
    return video_ ? video_->finish() : geo::Result<bool>(true);
}

geo::Result<bool> AnimationSequence::step(const AnimationDrawer& drawer) {
    if (finished_) return true;
    if (next_ < windows_.size()) {
        set_window(document_.time, windows_[next_++]);
        if (request_.skip_empty) {
            auto shown = drawer.apply(document_);
            if (!shown) return geo::make_error(shown.error());
            if (*shown == 0) {
                ++skipped_;
                return false;
            }
        }
        if (auto drawn = drawer.render(document_, frame_); !drawn) return geo::make_error(drawn.error());
        if (auto added = write(frame_); !added) return added;
        any_ = true;
        return false;
    }
    if (!any_) return geo::make_error("every window is empty (--skip-empty left no frame); nothing written");
    // The held frames, one a step.
    if (held_ < request_.hold_last) {
        if (auto added = write(frame_); !added) return added;
        ++held_;
        return false;
    }
    if (auto done = finish(); !done) return done;
    return true;
}

void AnimationSequence::cancel() {
    video_.reset();  // never finished: AtomicFile drops its temporary file
    if (sequence_ && !finished_) sequence_->discard();  // the frames this run wrote go too
    sequence_.reset();
    finished_ = true;
}

}  // namespace mirador
