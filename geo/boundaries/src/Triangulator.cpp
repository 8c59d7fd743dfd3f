#include "mirador/geo/Triangulator.hpp"

#include <geos_c.h>

#include <algorithm>
#include <cmath>
#include <thread>
#include <unordered_map>

#include "GeosPolygon.hpp"
#include "mirador/geo/EarClipTriangulator.hpp"

namespace mirador::geo {

namespace {

struct Chunk {
    std::vector<std::uint32_t> indices;
    std::vector<std::uint32_t> feature_count;  // indices per feature, in order
    std::vector<std::string> problems;
};

void ear_clip_feature(const PolygonLayer& layer, std::size_t f, Chunk& out) {
    std::vector<RingView> rings;
    const std::size_t before = out.indices.size();
    for (std::uint32_t p = layer.feature_first_polygon[f]; p < layer.feature_first_polygon[f + 1]; ++p) {
        rings.clear();
        for (std::uint32_t r = layer.polygon_first_ring[p]; r < layer.polygon_first_ring[p + 1]; ++r) {
            const std::uint32_t b = layer.ring_first_vertex[r], e = layer.ring_first_vertex[r + 1];
            rings.push_back({layer.vertices.data() + b, e - b});
        }
        const std::uint32_t base = layer.ring_first_vertex[layer.polygon_first_ring[p]];
        if (!triangulate_ear_clipping(rings, base, out.indices))
            out.problems.push_back(layer.attributes[f].code + ": polygon " + std::to_string(p) +
                                   " is degenerate; triangulated as well as possible");
    }
    out.feature_count.push_back(static_cast<std::uint32_t>(out.indices.size() - before));
}

struct GeosContext {
    GEOSContextHandle_t h = GEOS_init_r();
    ~GeosContext() { GEOS_finish_r(h); }
};

struct CoordKey {
    std::size_t operator()(const Vec2& v) const {
        return std::hash<double>()(v.x) * 31u ^ std::hash<double>()(v.y);
    }
};

void geos_cdt_feature(GEOSContextHandle_t h, const PolygonLayer& layer, std::size_t f, Chunk& out) {
    const std::size_t before = out.indices.size();
    std::unordered_map<Vec2, std::uint32_t, CoordKey> lookup;
    for (std::uint32_t p = layer.feature_first_polygon[f]; p < layer.feature_first_polygon[f + 1]; ++p) {
        const std::uint32_t r0 = layer.polygon_first_ring[p], r1 = layer.polygon_first_ring[p + 1];
        lookup.clear();
        for (std::uint32_t v = layer.ring_first_vertex[r0]; v < layer.ring_first_vertex[r1]; ++v)
            lookup.emplace(layer.vertices[v], v);
        GEOSGeometry* poly = to_geos_polygon(h, layer, p);
        GEOSGeometry* tris = GEOSConstrainedDelaunayTriangulation_r(h, poly);
        GEOSGeom_destroy_r(h, poly);
        if (!tris) {
            out.problems.push_back(layer.attributes[f].code + ": GEOS could not triangulate polygon " +
                                   std::to_string(p));
            continue;
        }
        const int n = GEOSGetNumGeometries_r(h, tris);
        for (int t = 0; t < n; ++t) {
            const GEOSGeometry* tri = GEOSGetGeometryN_r(h, tris, t);
            const GEOSCoordSequence* seq = GEOSGeom_getCoordSeq_r(h, GEOSGetExteriorRing_r(h, tri));
            std::uint32_t idx[3];
            bool ok = true;
            for (unsigned k = 0; k < 3; ++k) {
                Vec2 c;
                GEOSCoordSeq_getXY_r(h, seq, k, &c.x, &c.y);
                auto it = lookup.find(c);
                if (it == lookup.end()) {
                    ok = false;
                    break;
                }
                idx[k] = it->second;
            }
            if (!ok) continue;
            if (orient2d(layer.vertices[idx[0]], layer.vertices[idx[1]], layer.vertices[idx[2]]) < 0)
                std::swap(idx[1], idx[2]);
            out.indices.insert(out.indices.end(), idx, idx + 3);
        }
        GEOSGeom_destroy_r(h, tris);
    }
    out.feature_count.push_back(static_cast<std::uint32_t>(out.indices.size() - before));
}

}  // namespace

Triangulation triangulate(const PolygonLayer& layer, TriangulationMethod method, unsigned threads) {
    const std::size_t n = layer.feature_count();
    if (threads == 0) threads = std::max(1u, std::thread::hardware_concurrency());
    threads = static_cast<unsigned>(std::min<std::size_t>(threads, std::max<std::size_t>(1, n)));

    // Features are split into interleaved stripes: the big ones (Mulegé, Ensenada) are not
    // all given to one worker, which keeps both cores busy to the end.
    std::vector<Chunk> chunks(threads);
    auto work = [&](unsigned t) {
        GeosContext ctx;
        for (std::size_t f = t; f < n; f += threads) {
            if (method == TriangulationMethod::EarClip)
                ear_clip_feature(layer, f, chunks[t]);
            else
                geos_cdt_feature(ctx.h, layer, f, chunks[t]);
        }
    };
    std::vector<std::thread> pool;
    for (unsigned t = 1; t < threads; ++t) pool.emplace_back(work, t);
    work(0);
    for (auto& th : pool) th.join();

    Triangulation out;
    std::size_t total = 0;
    for (auto& c : chunks) total += c.indices.size();
    out.indices.reserve(total);
    out.feature_first_index.reserve(n + 1);
    out.feature_first_index.push_back(0);
    std::vector<std::size_t> cursor(threads, 0);
    for (std::size_t f = 0; f < n; ++f) {
        Chunk& c = chunks[f % threads];
        const std::size_t k = f / threads;
        const std::uint32_t count = c.feature_count[k];
        out.indices.insert(out.indices.end(), c.indices.begin() + static_cast<std::ptrdiff_t>(cursor[f % threads]),
                           c.indices.begin() + static_cast<std::ptrdiff_t>(cursor[f % threads] + count));
        cursor[f % threads] += count;
        out.feature_first_index.push_back(static_cast<std::uint32_t>(out.indices.size()));
    }
    for (auto& c : chunks)
        out.problems.insert(out.problems.end(), c.problems.begin(), c.problems.end());
    return out;
}

double triangulated_area(const PolygonLayer& layer, const Triangulation& tri, std::size_t f) {
    double twice = 0.0;
    for (std::uint32_t i = tri.feature_first_index[f]; i < tri.feature_first_index[f + 1]; i += 3) {
        const Vec2& a = layer.vertices[tri.indices[i]];
        twice += std::abs(orient2d(a, layer.vertices[tri.indices[i + 1]], layer.vertices[tri.indices[i + 2]]));
    }
    return twice * 0.5;
}

}  // namespace mirador::geo
