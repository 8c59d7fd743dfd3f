#pragma once
// What the benchmarks of the viewer's frames share: the boundaries, an offscreen 1920x1080 target
// on a headless context with the viewer's MapScene, incidents loaded as the window loads them,
// and frame timing (glFinish after each frame, so the GPU's work is in the time).
#include <glad/gl.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <cstdio>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "BenchSupport.hpp"
#include "data/DataOptions.hpp"
#include "mirador/geo/Geocoder.hpp"
#include "platform/GlContext.hpp"
#include "render/GlUtil.hpp"
#include "render/OffscreenTarget.hpp"
#include "scene/MapScene.hpp"

namespace mirador::bench {

inline double ms_since(Clock::time_point t) { return std::chrono::duration<double, std::milli>(Clock::now() - t).count(); }

struct FrameStat {
    double median = 0, p90 = 0, max = 0;
};
inline FrameStat frame_stat(std::vector<double> v) {
    if (v.empty()) return {};
    std::sort(v.begin(), v.end());
    return {v[v.size() / 2], v[v.size() * 9 / 10], v.back()};
}

// One frame of the scene, drawn and finished, in ms.
inline double draw_frame(MapScene& scene, const SceneParams& p) {
    const auto t = Clock::now();
    scene.draw(p, nullptr, FontSet{});
    glFinish();
    return ms_since(t);
}

struct OffscreenScene {
    std::unique_ptr<HeadlessGlContext> context;
    std::optional<OffscreenTarget> target;
    std::unique_ptr<MapScene> scene;
};

// A headless context, a bound 1920x1080 target and a scene of `b`; a message naming `bench`
// and nothing on failure.
inline std::optional<OffscreenScene> make_offscreen_scene(const char* bench, const geo::Boundaries& b) {
    auto ctx = HeadlessGlContext::create();
    if (!ctx) {
        std::fprintf(stderr, "%s: %s\n", bench, ctx.error().c_str());
        return std::nullopt;
    }
    auto target = OffscreenTarget::create(1920, 1080);
    auto scene = MapScene::create(b);
    if (!target || !scene) {
        std::fprintf(stderr, "%s: no offscreen target or scene\n", bench);
        return std::nullopt;
    }
    OffscreenScene s{std::move(ctx).value(), std::move(target).value(), std::move(scene).value()};
    s.target->bind();
    return s;
}

// Incidents loaded and placed as the window does (no population), with a line saying how long
// it took; nothing (and a message) on failure.
inline std::unique_ptr<IncidentLayer> load_bench_incidents(const char* bench, const std::string& path,
                                                           const geo::Boundaries& b) {
    const auto t = Clock::now();
    geo::Geocoder geocoder(b, nullptr, nullptr);
    std::vector<std::string> problems;
    auto layer = load_incident_layer({path, "", ""}, geocoder, nullptr, problems);
    if (!layer) {
        std::fprintf(stderr, "%s: %s\n", bench, layer.error().c_str());
        return nullptr;
    }
    std::unique_ptr<IncidentLayer> inc = std::move(layer).value();
    std::printf("incidents: %zu from %s, loaded and placed in %.1f s; store %.0f MB; peak RSS %ld MB\n", inc->store.size(),
                path.c_str(), ms_since(t) / 1000, inc->store.memory_bytes() / 1e6, peak_rss_mb());
    return inc;
}

// What bench_points and bench_heatmap take: --incidents FILE.csv [--frames N] [--steps N].
struct SceneBenchArgs {
    std::string path;
    int frames = 20, steps = 24;
};
inline std::optional<SceneBenchArgs> parse_scene_bench_args(const char* bench, int argc, char** argv) {
    SceneBenchArgs a;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--incidents" && i + 1 < argc) a.path = argv[++i];
        else if (arg == "--frames" && i + 1 < argc) a.frames = std::atoi(argv[++i]);
        else if (arg == "--steps" && i + 1 < argc) a.steps = std::atoi(argv[++i]);
    }
    if (a.path.empty() || a.frames < 1 || a.steps < 1) {
        std::fprintf(stderr, "usage: %s --incidents FILE.csv [--frames N] [--steps N]\n", bench);
        return std::nullopt;
    }
    return a;
}

// The bundled boundaries, the incidents of `path` and an offscreen 1920x1080 scene drawing
// them, with a line naming the OpenGL in use; nothing (and a message) on failure.
struct IncidentSceneBench {
    std::unique_ptr<geo::Boundaries> boundaries;
    std::unique_ptr<IncidentLayer> incidents;
    OffscreenScene offscreen;
    MapScene& scene() { return *offscreen.scene; }
};
inline std::optional<IncidentSceneBench> load_incident_scene(const char* bench, const std::string& path) {
    DataOptions data;
    auto b = load_boundaries_verbose(data, true);
    if (!b) {
        std::fprintf(stderr, "%s: %s\n", bench, b.error().c_str());
        return std::nullopt;
    }
    std::unique_ptr<IncidentLayer> layer = load_bench_incidents(bench, path, **b);
    if (!layer) return std::nullopt;
    auto offscreen = make_offscreen_scene(bench, **b);
    if (!offscreen) return std::nullopt;
    std::printf("OpenGL: %s (%s), 1920x1080\n", gl::context_description().c_str(), offscreen->context->kind());
    offscreen->scene->set_incidents(layer.get());
    return IncidentSceneBench{std::move(b).value(), std::move(layer), std::move(offscreen).value()};
}

}  // namespace mirador::bench
