#include "commands/Animate.hpp"

#include <chrono>
#include <cmath>
#include <cstdlib>

#include "document/TimePlayback.hpp"
#include "export/AnimationWriter.hpp"
#include "export/FileExtension.hpp"
#include "export/ImageRowSink.hpp"
#include "export/PngSequenceWriter.hpp"
#include "mirador/geo/TimeWindow.hpp"
#include "platform/GlContext.hpp"  // HeadlessMap::create's default context is destroyed here
#include "platform/Report.hpp"
#include "scene/Choropleth.hpp"

namespace mirador {

namespace {

constexpr const char* kCommand = "mirador animate";

// Where the frames go: a video file, or PNGs in a folder.
class FrameSink {
public:
    static geo::Result<FrameSink> open(const AnimateOptions& o, int width, int height) {
        FrameSink s;
        const std::string ext = lower_extension(o.out);
        if (ext == "mp4" || ext == "gif") {
            auto format = animation_format_for(o.out);
            if (!format) return geo::make_error(format.error());
            AnimationOptions a;
            a.fps = o.fps;
            a.h264_encoder = o.h264_encoder;
            auto w = AnimationWriter::open(o.out, *format, width, height, a);
            if (!w) return geo::make_error(w.error());
            s.video_ = std::move(w).value();
        } else {
            auto seq = PngSequenceWriter::open(o.out, "frame", o.frame.dpi);
            if (!seq) return geo::make_error(seq.error());
            s.sequence_ = std::make_unique<PngSequenceWriter>(std::move(seq).value());
        }
        return s;
    }
    geo::Result<bool> add(const Image& frame) {
        if (video_) return video_->add_frame(frame);
        auto path = sequence_->add_frame(frame);
        if (!path) return geo::make_error(path.error());
        return true;
    }
    geo::Result<bool> finish() { return video_ ? video_->finish() : geo::Result<bool>(true); }
    int frames() const { return video_ ? video_->frames() : sequence_->frames(); }

private:
    std::unique_ptr<AnimationWriter> video_;
    std::unique_ptr<PngSequenceWriter> sequence_;
};

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

int run_animate_command(const doc::MapDocument& document, const AnimateOptions& o) {
    using clock = std::chrono::steady_clock;
    const auto t0 = clock::now();
    SnapshotData data;
    if (const int code = load_snapshot_data(document, o.frame, kCommand, data, /*single_view=*/true)) return code;
    if (!data.incidents) {
        eprint("%s: needs incidents to step through time (--incidents, or a --project that has them)\n", kCommand);
        return 2;
    }
    const geo::Boundaries& b = data.boundaries();
    IncidentLayer& incidents = *data.incidents;
    const auto unit = geo::parse_window_unit(o.step);
    if (!unit || *unit == geo::WindowUnit::Custom) {
        eprint("%s: --step %s: expected day, week, month, quarter or year\n", kCommand, o.step.c_str());
        return 2;
    }
    const geo::WindowSpec spec{geo::WindowMode::Moving, *unit, 30};
    // The range: --from/--to (the document's window), else every incident's dates.
    const auto chosen = current_window(document.time);
    const geo::DayRange range = chosen ? *chosen : geo::data_extent(incidents.store);
    const geo::TimeAxis axis(range, spec);
    if (axis.count() == 0) {
        eprint("%s: no %s window to animate (no dated incident%s)\n", kCommand, o.step.c_str(),
               chosen ? " in --from..--to" : "");
        return 2;
    }

    doc::MapDocument d = document;
    d.time.all_time = false;
    d.time.window = spec;
    // One colour scale across the frames: the heatmap's top is the highest of every window of
    // the step (a relative scale would rescale each frame and make a quiet month look as hot as
    // the worst); a domain the user set stays.
    auto& heat = d.style_of<doc::HeatmapStyle>();
    if (heat.normalize == geo::NormalizeMode::Relative) {
        const doc::Layer* layer = d.find(doc::LayerKind::Heatmap);
        if (layer && layer->visible)
            eprint("%s: the heatmap uses one fixed scale across the frames (--normalize relative would rescale each)\n",
                   kCommand);
        heat.normalize = geo::NormalizeMode::Fixed;
    }

    std::vector<geo::DayRange> windows;
    for (std::size_t k = 0; k < axis.count(); ++k) windows.push_back(axis.window(k));
    auto map = HeadlessMap::create(b, &incidents, data.population(), nullptr);
    if (!map) {
        eprint("%s: %s\n", kCommand, map.error().c_str());
        return 1;
    }
    (*map)->scene().set_fixed_classes(
        classes_over(windows, incidents, b, data.population(), d.style_of<doc::FillStyle>()));

    auto sink = FrameSink::open(o, o.frame.width, o.frame.height);
    if (!sink) {
        eprint("%s: %s\n", kCommand, sink.error().c_str());
        return 1;
    }
    Image frame;
    int skipped = 0;
    bool any = false;
    for (std::size_t k = 0; k < windows.size(); ++k) {
        set_window(d.time, windows[k]);
        if (o.skip_empty) {
            if (auto applied = (*map)->apply(d); !applied) {
                eprint("%s: %s\n", kCommand, applied.error().c_str());
                return 1;
            }
            if (incidents.visible_count == 0) {
                ++skipped;
                continue;
            }
        }
        auto drawn = (*map)->render(d, o.frame, std::make_unique<ImageRowSink>(frame, o.frame.width, o.frame.height));
        if (!drawn) {
            eprint("%s: %s\n", kCommand, drawn.error().c_str());
            return 1;
        }
        if (auto added = sink->add(frame); !added) {
            eprint("%s: %s\n", kCommand, added.error().c_str());
            return 1;
        }
        any = true;
    }
    if (!any) {
        eprint("%s: every window is empty (--skip-empty left no frame); nothing written\n", kCommand);
        return 1;
    }
    for (int i = 0; i < o.hold_last; ++i)
        if (auto added = sink->add(frame); !added) {
            eprint("%s: %s\n", kCommand, added.error().c_str());
            return 1;
        }
    if (auto done = sink->finish(); !done) {
        eprint("%s: %s\n", kCommand, done.error().c_str());
        return 1;
    }
    const double s = std::chrono::duration<double>(clock::now() - t0).count();
    eprint("%s: wrote %s (%d frames of %dx%d: %zu %s windows %s to %s%s; %.1f s, %.0f ms a frame)\n", kCommand,
           o.out.c_str(), sink->frames(), o.frame.width, o.frame.height, windows.size() - skipped, o.step.c_str(),
           axis.label(0).c_str(), axis.label(windows.size() - 1).c_str(),
           skipped ? (", " + std::to_string(skipped) + " empty left out").c_str() : "", s,
           1000.0 * s / std::max(1, sink->frames()));
    return 0;
}

}  // namespace mirador
