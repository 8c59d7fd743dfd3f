// Time and peak memory to make a boundary layer ready to draw: load (GDAL), reproject (PROJ),
// triangulate (ours and GEOS's), index, and answer point look-ups.
//
//   bench_boundaries [PATH ...]           default: the bundled GeoPackage's municipalities
//   bench_boundaries --ready PATH         only what the viewer does at start-up, so that
//                                         the peak memory printed is the viewer's
//
// Each stage is timed on its own; "ready" is what the viewer waits for at start-up.
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <random>
#include <string>
#include <vector>

#include "mirador/geo/Boundaries.hpp"
#include "mirador/geo/LayerLoader.hpp"
#include "mirador/geo/SnapSimplify.hpp"

using namespace mirador::geo;
using Clock = std::chrono::steady_clock;

namespace {

double ms_since(Clock::time_point t) { return std::chrono::duration<double, std::milli>(Clock::now() - t).count(); }

long peak_rss_mb() {
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return u.ru_maxrss / 1024;
}

void bench(const std::string& path, const std::string& layer_name) {
    std::printf("== %s%s\n", path.c_str(), layer_name.empty() ? "" : (" [" + layer_name + "]").c_str());
    LayerLoadOptions o;
    o.path = path;
    o.layer = layer_name;
    auto t = Clock::now();
    auto layer = load_polygon_layer(o);
    if (!layer) {
        std::printf("   error: %s\n", layer.error().c_str());
        return;
    }
    const double t_load = ms_since(t);
    std::printf("   %zu features, %zu polygons, %zu rings, %zu vertices\n", layer->feature_count(),
                layer->polygon_count(), layer->ring_count(), layer->vertices.size());
    std::printf("   load + reproject (GDAL, PROJ)     %8.1f ms\n", t_load);

    for (auto method : {TriangulationMethod::EarClip, TriangulationMethod::GeosCdt}) {
        t = Clock::now();
        const Triangulation tri = triangulate(*layer, method);
        const double ms = ms_since(t);
        std::printf("   triangulate %-8s (2 threads) %8.1f ms   %zu triangles, %zu problems\n",
                    method == TriangulationMethod::EarClip ? "ear-clip" : "GEOS CDT", ms, tri.indices.size() / 3,
                    tri.problems.size());
    }
    t = Clock::now();
    const SpatialIndex index(*layer);
    std::printf("   spatial index                     %8.1f ms   %dx%d cells, %.1f MB\n", ms_since(t), index.columns(),
                index.rows(), index.memory_bytes() / 1e6);
    t = Clock::now();
    const BorderEdges borders = classify_borders(*layer);
    std::printf("   border classification             %8.1f ms   %zu edges, %zu on state borders\n", ms_since(t),
                borders.all_edges.size(), borders.state_edges.size());
    for (double cell : {100.0, 400.0, 1600.0}) {
        t = Clock::now();
        const PolygonLayer s = snap_to_grid(*layer, cell);
        std::printf("   snap to %5.0f m grid               %8.1f ms   %zu vertices\n", cell, ms_since(t), s.vertices.size());
    }

    // Look-ups: random points over the layer's extent, and points known to be inside.
    std::mt19937 rng(42);
    std::uniform_real_distribution<double> ux(layer->bbox.min_x, layer->bbox.max_x), uy(layer->bbox.min_y, layer->bbox.max_y);
    std::vector<Vec2> pts(200000);
    for (auto& p : pts) p = {ux(rng), uy(rng)};
    t = Clock::now();
    long found = 0;
    for (const auto& p : pts) found += index.locate(p) >= 0;
    const double us = ms_since(t) * 1000.0 / pts.size();
    std::printf("   point look-up                     %8.3f us/point (%ld of %zu inside a municipality)\n", us, found,
                pts.size());

    // What the viewer does at start-up, end to end (load, index, states, anchors, levels).
    t = Clock::now();
    auto ready = build_boundaries(std::move(layer).value(), nullptr, TriangulationMethod::EarClip);
    const double t_build = ms_since(t);
    std::printf("   READY: load %.0f ms + build %.0f ms = %.0f ms; %zu detail levels:", t_load, t_build, t_load + t_build,
                ready->levels.size());
    for (const auto& lv : ready->levels)
        std::printf(" [%g m: %zu vertices]", lv.cell_m, lv.cell_m > 0 ? lv.layer.vertices.size() : ready->municipalities.vertices.size());
    std::printf("\n   peak RSS so far %ld MB\n", peak_rss_mb());
}

}  // namespace

int ready_only(const std::string& path) {
    const auto t = Clock::now();
    BoundarySources src;
    src.municipalities_path = path;
    auto b = load_boundaries(src);
    if (!b) {
        std::printf("error: %s\n", b.error().c_str());
        return 1;
    }
    std::printf("%s: ready (load, reproject, triangulate, index, %zu levels) in %.0f ms, peak RSS %ld MB\n",
                path.c_str(), (*b)->levels.size(), ms_since(t), peak_rss_mb());
    return 0;
}

int main(int argc, char** argv) {
    if (argc == 3 && std::string(argv[1]) == "--ready") return ready_only(argv[2]);
    if (argc < 2) {
        bench(MIRADOR_BENCH_DEFAULT_GPKG, "municipalities");
        return 0;
    }
    for (int i = 1; i < argc; ++i) bench(argv[i], "");
    return 0;
}
