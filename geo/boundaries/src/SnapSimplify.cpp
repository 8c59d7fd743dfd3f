#include "mirador/geo/SnapSimplify.hpp"

#include <algorithm>
#include <cmath>

namespace mirador::geo {

PolygonLayer snap_to_grid(const PolygonLayer& in, double cell) {
    PolygonLayer out = in.without_geometry();
    out.vertices.reserve(in.vertices.size());  // a fine grid keeps nearly all of them
    auto snap = [cell](Vec2 p) { return Vec2{std::round(p.x / cell) * cell, std::round(p.y / cell) * cell}; };

    std::vector<Vec2> ring;
    for (std::size_t f = 0; f < in.feature_count(); ++f) {
        for (std::uint32_t p = in.feature_first_polygon[f]; p < in.feature_first_polygon[f + 1]; ++p) {
            const std::size_t rings_before = out.ring_count();
            for (std::uint32_t r = in.polygon_first_ring[p]; r < in.polygon_first_ring[p + 1]; ++r) {
                ring.clear();
                for (std::uint32_t v = in.ring_first_vertex[r]; v < in.ring_first_vertex[r + 1]; ++v) {
                    const Vec2 s = snap(in.vertices[v]);
                    if (!ring.empty() && ring.back() == s) continue;
                    // A collapsed spike a-b-a folds back onto a; drop it so no zero-width
                    // sliver triangles or doubled lines remain.
                    if (ring.size() >= 2 && ring[ring.size() - 2] == s) {
                        ring.pop_back();
                        continue;
                    }
                    ring.push_back(s);
                }
                while (ring.size() > 1 && ring.back() == ring.front()) ring.pop_back();
                while (ring.size() >= 3 && ring[ring.size() - 2] == ring.front()) ring.resize(ring.size() - 1);
                const bool outer = r == in.polygon_first_ring[p];
                if (ring.size() < 3) {
                    if (outer) break;  // the whole polygon vanished at this scale
                    continue;
                }
                out.vertices.insert(out.vertices.end(), ring.begin(), ring.end());
                out.ring_first_vertex.push_back(static_cast<std::uint32_t>(out.vertices.size()));
            }
            if (out.ring_count() > rings_before) out.polygon_first_ring.push_back(static_cast<std::uint32_t>(out.ring_count()));
        }
        out.feature_first_polygon.push_back(static_cast<std::uint32_t>(out.polygon_count()));
    }
    return out;
}

}  // namespace mirador::geo

namespace mirador::geo {

namespace {

bool lex_less(const Vec2& a, const Vec2& b) { return a.x < b.x || (a.x == b.x && a.y < b.y); }

struct Vec2Hash {
    std::size_t operator()(const Vec2& v) const {
        const std::size_t h = std::hash<double>()(v.x) * 0x9E3779B97F4A7C15ull ^ std::hash<double>()(v.y);
        return h ^ (h >> 29);
    }
};

double segment_distance2(Vec2 p, Vec2 a, Vec2 b) {
    const double dx = b.x - a.x, dy = b.y - a.y;
    const double len2 = dx * dx + dy * dy;
    double t = len2 > 0 ? ((p.x - a.x) * dx + (p.y - a.y) * dy) / len2 : 0;
    t = t < 0 ? 0 : (t > 1 ? 1 : t);
    const double ex = a.x + t * dx - p.x, ey = a.y + t * dy - p.y;
    return ex * ex + ey * ey;
}

// Marks the points of run[first..last] that Douglas-Peucker keeps.
void douglas_peucker(const std::vector<Vec2>& run, std::size_t first, std::size_t last, double tol2,
                     std::vector<char>& keep) {
    std::vector<std::pair<std::size_t, std::size_t>> stack{{first, last}};
    while (!stack.empty()) {
        const auto [a, b] = stack.back();
        stack.pop_back();
        double worst = -1;
        std::size_t at = a;
        for (std::size_t i = a + 1; i < b; ++i) {
            const double d = segment_distance2(run[i], run[a], run[b]);
            if (d > worst) worst = d, at = i;
        }
        if (worst > tol2) {
            keep[at] = 1;
            stack.push_back({a, at});
            stack.push_back({at, b});
        }
    }
}

}  // namespace

PolygonLayer simplify_shared_arcs(const PolygonLayer& in, double tolerance) {
    // Degree of each point in the coverage graph: the number of distinct neighbours it has
    // along any ring. Two means "inside an arc"; anything else is a junction (or a pinch).
    // Open addressing with room for two neighbours per point, all three held as vertex
    // indices (16 bytes a slot, where points would take 56): no allocation per point, and a
    // table small enough that clearing and faulting it in is not the cost it was at 3.7
    // million vertices (and 30 ms of a 4K snapshot's 130,000).
    constexpr std::uint32_t kEmpty = 0xFFFFFFFFu;
    struct Slot {
        std::uint32_t key = kEmpty, n0 = 0, n1 = 0, count = 0;  // count 3 stands for "three or more"
    };
    const std::vector<Vec2>& at = in.vertices;
    std::size_t cap = 16;
    while (cap < at.size() * 2) cap <<= 1;
    std::vector<Slot> table(cap);
    Vec2Hash hasher;
    auto find = [&](std::uint32_t v) -> Slot& {
        const Vec2 p = at[v];
        std::size_t i = hasher(p) & (cap - 1);
        while (table[i].key != kEmpty && at[table[i].key] != p) i = (i + 1) & (cap - 1);
        return table[i];
    };
    auto add_neighbour = [&](std::uint32_t p, std::uint32_t q) {
        Slot& s = find(p);
        if (s.key == kEmpty) s.key = p;
        if (s.count >= 1 && at[s.n0] == at[q]) return;
        if (s.count >= 2 && at[s.n1] == at[q]) return;
        if (s.count == 0) s.n0 = q;
        else if (s.count == 1) s.n1 = q;
        if (s.count < 3) ++s.count;
    };
    for (std::size_t r = 0; r < in.ring_count(); ++r) {
        const std::uint32_t b = in.ring_first_vertex[r], e = in.ring_first_vertex[r + 1];
        for (std::uint32_t v = b; v < e; ++v) {
            const std::uint32_t q = v + 1 == e ? b : v + 1;
            add_neighbour(v, q);
            add_neighbour(q, v);
        }
    }
    // One look-up per vertex, then none while cutting rings into arcs.
    std::vector<char> junction_at(at.size());
    for (std::uint32_t v = 0; v < at.size(); ++v) junction_at[v] = find(v).count != 2;
    table = {};

    const double tol2 = tolerance * tolerance;
    PolygonLayer out = in.without_geometry();

    std::vector<Vec2> ring, run, simplified, kept;
    std::vector<char> keep, ring_junction;
    out.vertices.reserve(in.vertices.size());
    for (std::size_t f = 0; f < in.feature_count(); ++f) {
        for (std::uint32_t p = in.feature_first_polygon[f]; p < in.feature_first_polygon[f + 1]; ++p) {
            for (std::uint32_t r = in.polygon_first_ring[p]; r < in.polygon_first_ring[p + 1]; ++r) {
                const std::uint32_t b = in.ring_first_vertex[r], e = in.ring_first_vertex[r + 1];
                const std::uint32_t n = e - b;
                // Start at a junction; a ring with none (an island, or an enclave and the hole
                // it fills) starts at its lexicographically smallest point, which both rings
                // of an enclave pair agree on.
                std::uint32_t start = n;
                for (std::uint32_t i = 0; i < n && start == n; ++i)
                    if (junction_at[b + i]) start = i;
                if (start == n) {
                    start = 0;
                    for (std::uint32_t i = 1; i < n; ++i)
                        if (lex_less(in.vertices[b + i], in.vertices[b + start])) start = i;
                }
                ring.clear();
                ring_junction.clear();
                for (std::uint32_t i = 0; i <= n; ++i) {
                    const std::uint32_t v = b + (start + i) % n;
                    ring.push_back(in.vertices[v]);
                    ring_junction.push_back(junction_at[v]);
                }
                // ring is closed (last == first); cut it into arcs at junctions.
                simplified.clear();
                std::size_t a = 0;
                for (std::size_t i = 1; i < ring.size(); ++i) {
                    if (i + 1 != ring.size() && !ring_junction[i]) continue;
                    // Canonical direction: the same arc seen from the neighbour is reversed.
                    run.assign(ring.begin() + static_cast<std::ptrdiff_t>(a), ring.begin() + static_cast<std::ptrdiff_t>(i) + 1);
                    const bool flip = lex_less(run.back(), run.front()) ||
                                      (run.back() == run.front() && run.size() > 2 && lex_less(run[run.size() - 2], run[1]));
                    if (flip) std::reverse(run.begin(), run.end());
                    keep.assign(run.size(), 0);
                    keep.front() = keep.back() = 1;
                    if (run.front() == run.back() && run.size() > 3) {
                        // A closed arc: keep the point farthest from its start as a second anchor.
                        std::size_t far = 1;
                        for (std::size_t k = 1; k + 1 < run.size(); ++k)
                            if (segment_distance2(run[k], run[0], run[0]) > segment_distance2(run[far], run[0], run[0])) far = k;
                        keep[far] = 1;
                        douglas_peucker(run, 0, far, tol2, keep);
                        douglas_peucker(run, far, run.size() - 1, tol2, keep);
                    } else {
                        douglas_peucker(run, 0, run.size() - 1, tol2, keep);
                    }
                    kept.clear();
                    for (std::size_t k = 0; k < run.size(); ++k)
                        if (keep[k]) kept.push_back(run[k]);
                    if (flip) std::reverse(kept.begin(), kept.end());
                    simplified.insert(simplified.end(), kept.begin(), kept.end() - 1);  // next arc adds the end
                    a = i;
                }
                const bool outer = r == in.polygon_first_ring[p];
                const std::vector<Vec2>& use = simplified.size() >= 3 ? simplified : ring;
                const std::size_t count = simplified.size() >= 3 ? simplified.size() : ring.size() - 1;
                if (count < 3) {
                    if (outer) break;
                    continue;
                }
                out.vertices.insert(out.vertices.end(), use.begin(), use.begin() + static_cast<std::ptrdiff_t>(count));
                out.ring_first_vertex.push_back(static_cast<std::uint32_t>(out.vertices.size()));
            }
            if (out.ring_count() > out.polygon_first_ring.back())
                out.polygon_first_ring.push_back(static_cast<std::uint32_t>(out.ring_count()));
        }
        out.feature_first_polygon.push_back(static_cast<std::uint32_t>(out.polygon_count()));
    }
    return out;
}

}  // namespace mirador::geo
