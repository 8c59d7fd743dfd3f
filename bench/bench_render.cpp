// Frame time of the map at 1920x1080 on whatever OpenGL is present (llvmpipe here): the
// same MapScene the window draws, in an offscreen framebuffer, glFinish after each frame.
//
//   bench_render [--boundaries PATH] [--frames N]
//
// Views: all of Mexico, a state (Sinaloa), a city (Culiacán), and a pan across the country
// at state zoom, which is where the level of detail and the culling have to work.
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

#include "SceneBench.hpp"

using namespace mirador;
using namespace mirador::bench;

namespace {

using Stat = FrameStat;

Stat time_frames(MapScene& scene, const std::vector<MapView>& views, int frames, SceneParams p = {}) {
    std::vector<double> ms;
    for (int i = 0; i < frames; ++i) {
        p.frame.view = views[static_cast<std::size_t>(i) % views.size()];
        ms.push_back(draw_frame(scene, p));
    }
    return frame_stat(ms);
}

}  // namespace

int main(int argc, char** argv) {
    DataOptions data;
    int frames = 40;
    for (int i = 1; i < argc; ++i) {
        if (!std::strcmp(argv[i], "--boundaries") && i + 1 < argc) data.boundaries.path = argv[++i];
        else if (!std::strcmp(argv[i], "--frames") && i + 1 < argc) frames = std::atoi(argv[++i]);
    }
    const auto t0 = Clock::now();
    auto b = load_boundaries_verbose(data, true);
    if (!b) {
        std::fprintf(stderr, "bench_render: %s\n", b.error().c_str());
        return 1;
    }
    const double load_ms = std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
    auto offscreen = make_offscreen_scene("bench_render", **b);
    if (!offscreen) return 1;
    MapScene* scene = offscreen->scene.get();
    const auto& m = (*b)->municipalities;
    std::printf("boundaries: %s\n  %zu municipalities, %zu vertices, ready in %.0f ms\n",
                data.boundaries.path.empty() ? "bundled GeoPackage" : data.boundaries.path.c_str(), m.feature_count(),
                m.vertices.size(), load_ms);
    std::printf("GL: %s (%s)\n", gl::context_description().c_str(), offscreen->context->kind());

    MapView all;
    all.width = 1920;
    all.height = 1080;
    all.fit(m.bbox, 0.02);
    auto view_of = [&](const char* code, double margin) {
        MapView v = all;
        const long f = m.find_code(code);
        geo::BBox box;
        if (f >= 0) box = m.feature_bbox[static_cast<std::size_t>(f)];
        else
            for (std::size_t i = 0; i < m.feature_count(); ++i)
                if (m.attributes[i].state_code == code) box.add(m.feature_bbox[i]);
        v.fit(box, margin);
        return v;
    };
    std::vector<MapView> pan;
    MapView state = view_of("25", 0.05);
    for (int i = 0; i < 30; ++i) {
        MapView v = state;
        v.center.x = m.bbox.min_x + (m.bbox.width() * i) / 30.0;
        v.center.y = m.bbox.center().y;
        pan.push_back(v);
    }
    const struct {
        const char* name;
        std::vector<MapView> views;
    } cases[] = {{"all of Mexico", {all}}, {"Sinaloa", {state}}, {"Culiacán", {view_of("25006", 0.05)}}, {"pan at state zoom", pan}};
    for (const auto& c : cases) {
        time_frames(*scene, c.views, 8);  // warm-up: llvmpipe compiles shader variants on first use
        const Stat s = time_frames(*scene, c.views, frames);
        const DrawStats& d = scene->renderer().last_stats();
        std::printf("  %-18s median %6.1f ms  p90 %6.1f ms  (level %d, %.0f m grid, %zu triangles, %zu segments)\n", c.name,
                    s.median, s.p90, d.level, d.level_cell_m, d.triangles, d.segments);
    }
    // Where the time goes at the widest view: each layer alone.
    SceneParams only;
    only.frame.show_municipal_borders = only.frame.show_state_borders = false;
    const Stat fill = time_frames(*scene, {all}, frames, only);
    only.frame.show_fill = false;
    only.frame.show_municipal_borders = true;
    const Stat mun = time_frames(*scene, {all}, frames, only);
    only.frame.show_municipal_borders = false;
    only.frame.show_state_borders = true;
    const Stat st = time_frames(*scene, {all}, frames, only);
    only.frame.show_state_borders = false;
    const Stat clear = time_frames(*scene, {all}, frames, only);
    std::printf("  all of Mexico, by layer: clear %.1f ms, fill %.1f ms, municipal borders %.1f ms, state borders %.1f ms\n",
                clear.median, fill.median, mun.median, st.median);
    return 0;
}
