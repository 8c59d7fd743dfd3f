// The heatmap as the viewer draws it, at 1920x1080 on whatever OpenGL is present (llvmpipe
// here): the same MapScene as the window, offscreen, glFinish after each frame.
//
//   bench_heatmap --incidents FILE.csv [--frames N] [--steps N]
//
// FILE is any incident CSV; bench_incidents --rows N --keep writes clustered synthetic ones
// (hot-spot municipalities, dates over several years). Reports, for the CPU engine (FFT) and
// the GPU engine (points drawn into a float target, direct convolution in a shader):
//   - the first heatmap frame (grid, engine and the fixed colour scale over every month),
//   - a steady frame (window unchanged: heatmap + boundaries drawn, nothing recomputed),
//   - a window move: one month forward, heatmap recomputed and the frame drawn,
//   - peak memory against the incident store's own.
#include <glad/gl.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

#include "BenchSupport.hpp"
#include "data/DataOptions.hpp"
#include "mirador/geo/Geocoder.hpp"
#include "platform/GlContext.hpp"
#include "render/GlUtil.hpp"
#include "render/OffscreenTarget.hpp"
#include "scene/MapScene.hpp"

using namespace mirador;
using namespace mirador::bench;

namespace {

double ms_since(Clock::time_point t) { return std::chrono::duration<double, std::milli>(Clock::now() - t).count(); }

struct Stat {
    double median = 0, p90 = 0, max = 0;
};
Stat stat(std::vector<double> v) {
    if (v.empty()) return {};
    std::sort(v.begin(), v.end());
    return {v[v.size() / 2], v[v.size() * 9 / 10], v.back()};
}

// Resident memory now (not the peak: loading a CSV maps the whole file for a while).
long rss_now_mb() {
    long pages = 0, resident = 0;
    if (FILE* f = std::fopen("/proc/self/statm", "r")) {
        if (std::fscanf(f, "%ld %ld", &pages, &resident) != 2) resident = 0;
        std::fclose(f);
    }
    return resident * 4096 / 1048576;
}

double frame(MapScene& scene, const SceneParams& p) {
    const auto t = Clock::now();
    scene.draw(p, nullptr, FontSet{});
    glFinish();
    return ms_since(t);
}

}  // namespace

int main(int argc, char** argv) {
    std::string path;
    int frames = 20, steps = 24;
    for (int i = 1; i < argc; ++i) {
        if (!std::strcmp(argv[i], "--incidents") && i + 1 < argc) path = argv[++i];
        else if (!std::strcmp(argv[i], "--frames") && i + 1 < argc) frames = std::atoi(argv[++i]);
        else if (!std::strcmp(argv[i], "--steps") && i + 1 < argc) steps = std::atoi(argv[++i]);
    }
    if (path.empty()) {
        std::fprintf(stderr, "usage: bench_heatmap --incidents FILE.csv [--frames N] [--steps N]\n");
        return 2;
    }
    DataOptions data;
    auto b = load_boundaries_verbose(data, true);
    if (!b) {
        std::fprintf(stderr, "bench_heatmap: %s\n", b.error().c_str());
        return 1;
    }
    auto t = Clock::now();
    geo::Geocoder geocoder(**b, nullptr, nullptr);
    std::vector<std::string> problems;
    auto layer = load_incident_layer({path, "", ""}, geocoder, nullptr, problems);
    if (!layer) {
        std::fprintf(stderr, "bench_heatmap: %s\n", layer.error().c_str());
        return 1;
    }
    IncidentLayer& inc = **layer;
    const geo::DayRange extent = geo::data_extent(inc.store);
    std::printf("incidents: %zu from %s (%s to %s), loaded and placed in %.1f s; store %.0f MB; peak RSS %ld MB\n",
                inc.store.size(), path.c_str(), geo::format_day(extent.from).c_str(), geo::format_day(extent.to).c_str(),
                ms_since(t) / 1000, inc.store.memory_bytes() / 1e6, peak_rss_mb());

    auto ctx = HeadlessGlContext::create();
    if (!ctx) {
        std::fprintf(stderr, "bench_heatmap: %s\n", ctx.error().c_str());
        return 1;
    }
    auto target = OffscreenTarget::create(1920, 1080);
    auto scene = MapScene::create(**b);
    if (!target || !scene) {
        std::fprintf(stderr, "bench_heatmap: no offscreen target or scene\n");
        return 1;
    }
    std::printf("OpenGL: %s (%s)\n", gl::context_description().c_str(), (*ctx)->kind());
    target->bind();
    (*scene)->set_incidents(&inc);
    const long rss_before = rss_now_mb();

    const geo::TimeAxis months(extent, {geo::WindowMode::Moving, geo::WindowUnit::Month, 30});
    SceneParams p;
    p.frame.view.width = 1920;
    p.frame.view.height = 1080;
    p.frame.view.fit((*b)->municipalities.bbox, 0.02);
    p.frame.show_points = false;
    p.heatmap.show = true;
    p.time_spec = months.spec();
    const std::size_t start = months.count() / 3;

    for (bool gpu : {false, true}) {
        p.heatmap.gpu = gpu;
        const char* name = gpu ? "GPU" : "CPU";
        auto set_window = [&](std::size_t k) {
            const geo::DayRange w = months.window(k % months.count());
            p.frame.time_from_day = w.from;
            p.frame.time_to_day = w.to;
        };
        set_window(start);
        const double first = frame(**scene, p);
        const auto& timing = (*scene)->heatmap().timing();
        const HeatmapLegend* legend = (*scene)->heatmap().legend();
        std::printf("%s engine: first heatmap frame %.0f ms (fixed scale over %zu months: %.0f ms); %s\n", name, first,
                    months.count(), timing.fixed_scale_ms, legend ? legend->kernel_note.c_str() : "no surface");
        std::vector<double> steady, move, update;
        for (int i = 0; i < frames; ++i) steady.push_back(frame(**scene, p));
        std::size_t touched = 0;
        for (int i = 1; i <= steps; ++i) {
            set_window(start + static_cast<std::size_t>(i));
            move.push_back(frame(**scene, p));
            update.push_back(timing.move_ms);
            touched += timing.points_touched;
        }
        const Stat s = stat(steady), m = stat(move), u = stat(update);
        std::printf("%s engine: steady frame %.1f ms median (p90 %.1f); month step: frame %.1f ms median (p90 %.1f, max %.1f), "
                    "of which heatmap update %.1f ms median (max %.1f), %zu incidents re-binned per step on average; "
                    "peak RSS %ld MB\n",
                    name, s.median, s.p90, m.median, m.p90, m.max, u.median, u.max, touched / std::max(1, steps),
                    peak_rss_mb());
    }
    const long rss_after = rss_now_mb();
    std::printf("memory: resident %ld MB with the incidents drawn as points (store %.0f MB), %ld MB with both heatmap "
                "engines set up: the heatmap adds %ld MB (%.2fx the store); peak RSS %ld MB (CSV loading)\n",
                rss_before, inc.store.memory_bytes() / 1e6, rss_after, rss_after - rss_before,
                (rss_after - rss_before) * 1048576.0 / double(inc.store.memory_bytes()), peak_rss_mb());
    return 0;
}
