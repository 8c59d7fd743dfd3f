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
#include <cstdio>
#include <string>
#include <vector>

#include "SceneBench.hpp"

using namespace mirador;
using namespace mirador::bench;

namespace {

// Resident memory now (not the peak: loading a CSV maps the whole file for a while).
long rss_now_mb() {
    long pages = 0, resident = 0;
    if (FILE* f = std::fopen("/proc/self/statm", "r")) {
        if (std::fscanf(f, "%ld %ld", &pages, &resident) != 2) resident = 0;
        std::fclose(f);
    }
    return resident * 4096 / 1048576;
}

}  // namespace

int main(int argc, char** argv) {
    const auto args = parse_scene_bench_args("bench_heatmap", argc, argv);
    if (!args) return 2;
    const int frames = args->frames, steps = args->steps;
    auto bench = load_incident_scene("bench_heatmap", args->path);
    if (!bench) return 1;
    const geo::Boundaries* b = bench->boundaries.get();
    IncidentLayer& inc = *bench->incidents;
    MapScene* scene = &bench->scene();
    const geo::DayRange extent = geo::data_extent(inc.store);
    std::printf("dates: %s to %s\n", geo::format_day(extent.from).c_str(), geo::format_day(extent.to).c_str());
    const long rss_before = rss_now_mb();

    const geo::TimeAxis months(extent, {geo::WindowMode::Moving, geo::WindowUnit::Month, 30});
    SceneParams p;
    p.frame.view.width = 1920;
    p.frame.view.height = 1080;
    p.frame.view.fit(b->municipalities.bbox, 0.02);
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
        const double first = draw_frame(*scene, p);
        const auto& timing = scene->heatmap().timing();
        const HeatmapLegend* legend = scene->heatmap().legend();
        std::printf("%s engine: first heatmap frame %.0f ms (fixed scale over %zu months: %.0f ms); %s\n", name, first,
                    months.count(), timing.fixed_scale_ms, legend ? legend->kernel_note.c_str() : "no surface");
        std::vector<double> steady, move, update;
        for (int i = 0; i < frames; ++i) steady.push_back(draw_frame(*scene, p));
        std::size_t touched = 0;
        for (int i = 1; i <= steps; ++i) {
            set_window(start + static_cast<std::size_t>(i));
            move.push_back(draw_frame(*scene, p));
            update.push_back(timing.move_ms);
            touched += timing.points_touched;
        }
        const FrameStat s = frame_stat(steady), m = frame_stat(move), u = frame_stat(update);
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
