#include "commands/Animate.hpp"

#include <algorithm>
#include <chrono>
#include <string>

#include "export/ImageRowSink.hpp"
#include "mirador/geo/TimeWindow.hpp"
#include "platform/GlContext.hpp"  // HeadlessMap::create's default context is destroyed here
#include "platform/Report.hpp"
#include "scene/AnimationSequence.hpp"
#include "scene/IncidentLayer.hpp"

namespace mirador {

namespace {

constexpr const char* kCommand = "mirador animate";

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
    auto sequence = AnimationSequence::plan(document, incidents, b, data.population(), request);
    if (!sequence) {
        eprint("%s: %s (--step %s)\n", kCommand, sequence.error().c_str(), o.step.c_str());
        return 2;
    }
    AnimationSequence& s = **sequence;
    if (s.heatmap_made_fixed())
        eprint("%s: the heatmap uses one fixed scale across the frames (--normalize relative would rescale each)\n",
               kCommand);
    auto map = HeadlessMap::create(b, &incidents, data.population(), nullptr);
    if (!map) {
        eprint("%s: %s\n", kCommand, map.error().c_str());
        return 1;
    }
    (*map)->scene().set_fixed_classes(s.classes());
    if (auto opened = s.open(); !opened) {
        eprint("%s: %s\n", kCommand, opened.error().c_str());
        return 1;
    }
    AnimationDrawer drawer;
    drawer.apply = [&](const doc::MapDocument& d) -> geo::Result<std::size_t> {
        if (auto applied = (*map)->apply(d); !applied) return geo::make_error(applied.error());
        return incidents.visible_count;
    };
    drawer.render = [&](const doc::MapDocument& d, Image& frame) -> geo::Result<bool> {
        auto drawn = (*map)->render(d, o.frame, std::make_unique<ImageRowSink>(frame, o.frame.width, o.frame.height));
        if (!drawn) return geo::make_error(drawn.error());
        return true;
    };
    for (;;) {
        auto done = s.step(drawer);
        if (!done) {
            eprint("%s: %s\n", kCommand, done.error().c_str());
            return 1;
        }
        if (*done) break;
    }
    const double secs = std::chrono::duration<double>(clock::now() - t0).count();
    eprint("%s: wrote %s (%d frames of %dx%d: %zu %s windows %s to %s%s; %.1f s, %.0f ms a frame)\n", kCommand,
           o.out.c_str(), s.frames(), o.frame.width, o.frame.height, s.windows() - s.skipped(), o.step.c_str(),
           s.label(0).c_str(), s.label(s.windows() - 1).c_str(),
           s.skipped() ? (", " + std::to_string(s.skipped()) + " empty left out").c_str() : "", secs,
           1000.0 * secs / std::max(1, s.frames()));
    return 0;
}

}  // namespace mirador
