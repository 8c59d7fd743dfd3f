// Incidents drawn as points, as the window draws them, at 1920x1080 on whatever OpenGL is present
// (llvmpipe here): the same MapScene as the window, offscreen, glFinish after each frame.
//
//   bench_points --incidents FILE.csv [--frames N] [--steps N]
//
// FILE is any incident CSV (bench_incidents --rows N --keep writes clustered synthetic ones).
// Reports, with every incident shown (all time) and then month by month:
//   - a steady frame (nothing changed), over all of Mexico and over one city;
//   - a pan frame (the view moved 40 px: the points' screen bins are chosen again);
//   - a month step as the window makes it: the layer's counts for the new window
//     (IncidentLayer::set_time_window), the fill recoloured (MapScene::counts_changed) and the
//     frame drawn; with the points alone, then with the heatmap (CPU engine, as "auto" picks on
//     llvmpipe) under them.
// The window's frame adds its panels (a few ms of ImGui), not measured here.
#include <cstdio>
#include <string>
#include <vector>

#include "SceneBench.hpp"

using namespace mirador;
using namespace mirador::bench;

namespace {

void report(const char* what, const std::vector<double>& v) {
    const FrameStat s = frame_stat(v);
    std::printf("  %-52s %7.1f ms median, p90 %7.1f, max %7.1f (%zu frames)\n", what, s.median, s.p90, s.max, v.size());
}

}  // namespace

int main(int argc, char** argv) {
    const auto args = parse_scene_bench_args("bench_points", argc, argv);
    if (!args) return 2;
    const int frames = args->frames, steps = args->steps;
    auto bench = load_incident_scene("bench_points", args->path);
    if (!bench) return 1;
    const geo::Boundaries* b = bench->boundaries.get();
    IncidentLayer& inc = *bench->incidents;
    MapScene* scene = &bench->scene();
    const geo::DayRange extent = geo::data_extent(inc.store);

    SceneParams p;
    p.frame.view.width = 1920;
    p.frame.view.height = 1080;
    p.frame.view.fit(b->municipalities.bbox, 0.02);
    p.frame.show_points = true;
    p.heatmap.show = false;
    const MapView mexico = p.frame.view;
    MapView city = mexico;
    const long culiacan = b->municipalities.find_code("25006");
    if (culiacan >= 0) city.fit(b->municipalities.feature_bbox[static_cast<std::size_t>(culiacan)], 0.02);

    for (int i = 0; i < 4; ++i) draw_frame(*scene, p);  // warm-up: llvmpipe compiles shader variants on first use
    for (const auto& [name, view] : {std::pair<const char*, MapView>{"all of Mexico", mexico}, {"Culiacán", city}}) {
        p.frame.view = view;
        std::vector<double> steady, pan;
        draw_frame(*scene, p);
        for (int i = 0; i < frames; ++i) steady.push_back(draw_frame(*scene, p));
        for (int i = 0; i < frames; ++i) {
            p.frame.view.center.x += 40 * p.frame.view.metres_per_pixel * (i % 2 ? -1 : 1);
            pan.push_back(draw_frame(*scene, p));
        }
        const PointsShown& shown = scene->renderer().points_shown();
        std::printf("%s, all time (%s):\n", name, shown.aggregated ? "screen bins" : "discs");
        report("steady frame", steady);
        report("pan frame (40 px)", pan);
    }

    p.frame.view = mexico;
    const geo::TimeAxis months(extent, {geo::WindowMode::Moving, geo::WindowUnit::Month, 30});
    p.time_spec = months.spec();
    const std::size_t start = months.count() / 3;
    for (bool heatmap : {false, true}) {
        p.heatmap.show = heatmap;
        p.heatmap.gpu = false;
        std::vector<double> step, counts;
        for (int i = 0; i <= steps; ++i) {
            const geo::DayRange w = months.window((start + static_cast<std::size_t>(i)) % months.count());
            const auto t0 = Clock::now();
            inc.set_time_window(w, *b, nullptr);
            scene->counts_changed();
            const double counted = ms_since(t0);
            p.frame.time_from_day = w.from;
            p.frame.time_to_day = w.to;
            scene->draw(p, nullptr, FontSet{});
            glFinish();
            if (i > 0) {  // the first builds the heatmap's grid and scale
                step.push_back(ms_since(t0));
                counts.push_back(counted);
            }
        }
        std::printf("all of Mexico, month by month (%zu months):\n", months.count());
        report(heatmap ? "month step, heatmap (CPU) + points" : "month step, points", step);
        report("  of which the layer's counts for the window", counts);
    }
    std::printf("peak RSS %ld MB\n", peak_rss_mb());
    return 0;
}
