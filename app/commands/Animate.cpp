#include "commands/Animate.hpp"

#include <chrono>
#include <string>

#include "commands/AnimationRun.hpp"
#include "platform/GlContext.hpp"  // HeadlessMap::create's default context is destroyed here
#include "platform/Report.hpp"
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
    auto map = HeadlessMap::create(b, data.incidents.get(), data.population(), nullptr);
    if (!map) {
        eprint("%s: %s\n", kCommand, map.error().c_str());
        return 1;
    }
    auto run = AnimationRun::plan(document, o, *data.incidents, b, data.population(), **map);
    if (!run) {
        eprint("%s: %s\n", kCommand, run.error().c_str());
        return 2;
    }
    AnimationRun& r = **run;
    if (r.sequence().heatmap_made_fixed())
        eprint("%s: the heatmap uses one fixed scale across the frames (--normalize relative would rescale each)\n",
               kCommand);
    if (auto opened = r.open(); !opened) {
        eprint("%s: %s\n", kCommand, opened.error().c_str());
        return 1;
    }
    for (;;) {
        auto done = r.step(/*wait_for_writer=*/true);
        if (!done) {
            eprint("%s: %s\n", kCommand, done.error().c_str());
            return 1;
        }
        if (*done) break;
    }
    eprint("%s: %s\n", kCommand, r.summary(std::chrono::duration<double>(clock::now() - t0).count()).c_str());
    return 0;
}

}  // namespace mirador
