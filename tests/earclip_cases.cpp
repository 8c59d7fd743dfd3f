// Standalone checks for triangulate_ear_clipping.
// Run by CTest as earclip_cases (tests/CMakeLists.txt).
//
// Every case checks the project's criterion (triangle areas sum to the polygon area within
// 1e-6 relative) and, because that sum alone cannot see overlapping triangles, also that
// every triangle is counter-clockwise and that random sample points are covered exactly
// once inside the polygon and never outside it.
#include "mirador/geo/EarClipTriangulator.hpp"

#include <algorithm>
#include <array>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <random>
#include <string>
#include <vector>

using mirador::geo::orient2d;
using mirador::geo::RingView;
using mirador::geo::triangulate_ear_clipping;
using mirador::geo::Vec2;

using Ring = std::vector<Vec2>;
using Polygon = std::vector<Ring>;

namespace {

int g_failures = 0;

#define EXPECT(cond)                                                                \
    do {                                                                            \
        if (!(cond)) {                                                              \
            std::printf("  FAILED: %s (%s:%d)\n", #cond, __FILE__, __LINE__);      \
            ++g_failures;                                                           \
        }                                                                           \
    } while (0)

constexpr double kPi = 3.14159265358979323846;

double seconds_since(std::chrono::steady_clock::time_point t0) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

double ring_area(const Ring& r) {
    double s = 0;
    for (std::size_t i = 1; i + 1 < r.size(); ++i) {
        s += (r[i].x - r[0].x) * (r[i + 1].y - r[0].y) - (r[i + 1].x - r[0].x) * (r[i].y - r[0].y);
    }
    return 0.5 * s;
}

double polygon_area(const Polygon& poly) {
    double a = std::fabs(ring_area(poly[0]));
    for (std::size_t i = 1; i < poly.size(); ++i) a -= std::fabs(ring_area(poly[i]));
    return a;
}

std::vector<Vec2> flatten(const Polygon& poly) {
    std::vector<Vec2> all;
    for (const Ring& r : poly) all.insert(all.end(), r.begin(), r.end());
    return all;
}

bool inside_polygon(const Polygon& poly, const Vec2& q) {  // even-odd rule
    bool in = false;
    for (const Ring& r : poly) {
        for (std::size_t i = 0, j = r.size() - 1; i < r.size(); j = i++) {
            const Vec2& a = r[i];
            const Vec2& b = r[j];
            if ((a.y > q.y) != (b.y > q.y) && q.x < a.x + (q.y - a.y) * (b.x - a.x) / (b.y - a.y)) in = !in;
        }
    }
    return in;
}

struct Outcome {
    bool ok = false;
    std::size_t triangles = 0;
    double poly_area = 0, tri_area = 0, rel_err = 0, ms = 0;
    int bad_triangles = 0, coverage_errors = 0;
};

// Triangulates and checks a polygon. `samples` random points test coverage (0 = skip).
Outcome run_case(const Polygon& poly, int samples, std::uint32_t index_base = 7) {
    std::vector<RingView> views;
    for (const Ring& r : poly) views.push_back({r.data(), static_cast<std::uint32_t>(r.size())});
    std::vector<std::uint32_t> tris;
    Outcome o;
    const auto t0 = std::chrono::steady_clock::now();
    o.ok = triangulate_ear_clipping(views, index_base, tris);
    o.ms = 1000.0 * seconds_since(t0);

    const std::vector<Vec2> pts = flatten(poly);
    o.triangles = tris.size() / 3;
    std::vector<std::array<Vec2, 3>> tv;
    for (std::size_t i = 0; i + 2 < tris.size(); i += 3) {
        std::array<Vec2, 3> t{};
        for (int k = 0; k < 3; ++k) {
            const std::uint32_t idx = tris[i + k] - index_base;
            if (tris[i + k] < index_base || idx >= pts.size()) { ++o.bad_triangles; break; }
            t[k] = pts[idx];
        }
        const double a2 = orient2d(t[0], t[1], t[2]);
        if (!(a2 > 0)) ++o.bad_triangles;
        o.tri_area += 0.5 * a2;
        tv.push_back(t);
    }
    o.poly_area = polygon_area(poly);
    o.rel_err = std::fabs(o.tri_area - o.poly_area) / std::max(std::fabs(o.poly_area), 1e-300);
    if (o.poly_area == 0) o.rel_err = std::fabs(o.tri_area);  // nothing to be relative to

    if (samples > 0) {
        double x0 = pts[0].x, x1 = x0, y0 = pts[0].y, y1 = y0;
        for (const Vec2& q : pts) {
            x0 = std::min(x0, q.x); x1 = std::max(x1, q.x);
            y0 = std::min(y0, q.y); y1 = std::max(y1, q.y);
        }
        std::mt19937_64 rng(12345);
        std::uniform_real_distribution<double> ux(x0, x1), uy(y0, y1);
        for (int s = 0; s < samples; ++s) {
            const Vec2 q{ux(rng), uy(rng)};
            int covered = 0;
            for (const auto& t : tv) {
                if (orient2d(t[0], t[1], q) > 0 && orient2d(t[1], t[2], q) > 0 && orient2d(t[2], t[0], q) > 0) ++covered;
            }
            if (covered != (inside_polygon(poly, q) ? 1 : 0)) ++o.coverage_errors;
        }
    }
    return o;
}

void report(const char* name, const Polygon& poly, int samples, bool expect_ok = true) {
    std::size_t n = 0;
    for (const Ring& r : poly) n += r.size();
    const Outcome o = run_case(poly, samples);
    std::printf("%-34s n=%-6zu tris=%-6zu ok=%d area=%-14.8g tri_area=%-14.8g rel_err=%.1e cover_err=%d %.2f ms\n",
                name, n, o.triangles, o.ok ? 1 : 0, o.poly_area, o.tri_area, o.rel_err, o.coverage_errors, o.ms);
    EXPECT(o.ok == expect_ok);
    if (expect_ok) {
        EXPECT(o.rel_err <= 1e-6);
        EXPECT(o.coverage_errors == 0);
    }
    EXPECT(o.bad_triangles == 0);
}

// ---- shapes ----------------------------------------------------------------------------

Ring rect(double x0, double y0, double x1, double y1, bool ccw = true) {
    Ring r{{x0, y0}, {x1, y0}, {x1, y1}, {x0, y1}};
    if (!ccw) std::reverse(r.begin(), r.end());
    return r;
}

Ring comb(int teeth) {  // teeth of width 1 on a base of height 1, gaps of width 1
    Ring r{{0, 0}, {2.0 * teeth - 1, 0}};
    for (int k = teeth - 1; k >= 0; --k) {
        r.push_back({2.0 * k + 1, 6});
        r.push_back({2.0 * k, 6});
        if (k > 0) {
            r.push_back({2.0 * k, 1});
            r.push_back({2.0 * k - 1, 1});
        }
    }
    return r;
}

Polygon square_with_holes(int cols, int rows) {  // outer clockwise, holes alternating
    Polygon p{rect(0, 0, 10.0 * cols + 5, 10.0 * rows + 5, false)};
    for (int j = 0; j < rows; ++j)
        for (int i = 0; i < cols; ++i)
            p.push_back(rect(10.0 * i + 5, 10.0 * j + 5, 10.0 * i + 10 + 0.5 * (i % 3), 10.0 * j + 12, (i + j) % 2 == 0));
    return p;
}

Ring spiral(int n) {  // a thick arm winding ten times; each arm gets n/2 points
    const int half = n / 2;
    const double turns = 10, gap = 1.0, width = 3.0;  // 2*pi*gap > width keeps it simple
    Ring outer, inner;
    for (int i = 0; i < half; ++i) {
        const double t = 2 * kPi * turns * i / (half - 1);
        const double r = 5 + gap * t;
        outer.push_back({(r + width) * std::cos(t), (r + width) * std::sin(t)});
        inner.push_back({r * std::cos(t), r * std::sin(t)});
    }
    outer.insert(outer.end(), inner.rbegin(), inner.rend());
    return outer;
}

Ring random_star(int n, double r_lo, double r_hi, Vec2 c, double scale, std::mt19937_64& rng) {
    std::uniform_real_distribution<double> u(0, 1);
    Ring r;
    for (int i = 0; i < n; ++i) {
        const double a = 2 * kPi * (i + 0.9 * u(rng)) / n;
        const double rad = scale * (r_lo + (r_hi - r_lo) * u(rng));
        r.push_back({c.x + rad * std::cos(a), c.y + rad * std::sin(a)});
    }
    return r;
}

// Smooth multi-scale wobble: closer to a real administrative boundary than random_star.
Ring noisy_boundary(int n, Vec2 c, double scale, std::mt19937_64& rng) {
    std::uniform_real_distribution<double> u(0, 1);
    constexpr int kHarmonics = 48;
    double phase[kHarmonics];
    for (double& ph : phase) ph = 2 * kPi * u(rng);
    Ring r;
    for (int i = 0; i < n; ++i) {
        const double a = 2 * kPi * i / n;
        double rad = 1.0 + (2 * kPi / n) * (u(rng) - 0.5);  // jitter of about one vertex spacing
        for (int f = 1; f <= kHarmonics; ++f) rad += 0.15 / f * std::sin(f * a + phase[f - 1]);
        r.push_back({c.x + scale * rad * std::cos(a), c.y + scale * rad * std::sin(a)});
    }
    return r;
}

// Star-shaped outer ring with star-shaped holes on a jittered grid inside its inner radius.
Polygon random_polygon_with_holes(std::mt19937_64& rng, bool quantize) {
    std::uniform_int_distribution<int> nv(3, 200), nh(0, 12);
    std::uniform_real_distribution<double> u(0, 1);
    Polygon p{random_star(nv(rng), 0.6, 1.0, {0, 0}, 1000, rng)};
    const int holes = nh(rng);
    const int side = 4;
    for (int h = 0; h < holes && h < side * side; ++h) {
        const double cell = 2 * 400.0 / side;  // grid over [-400, 400]^2, well inside r=600
        const double cx = -400 + cell * (h % side + 0.5), cy = -400 + cell * (h / side + 0.5);
        Ring hole = random_star(std::uniform_int_distribution<int>(3, 30)(rng), 0.2, 0.45, {cx, cy}, cell, rng);
        if (u(rng) < 0.5) std::reverse(hole.begin(), hole.end());
        p.push_back(hole);
    }
    if (quantize)
        for (Ring& r : p)
            for (Vec2& q : r) q = {std::round(q.x / 10) * 10, std::round(q.y / 10) * 10};
    return p;
}

bool segments_meet(const Vec2& a, const Vec2& b, const Vec2& c, const Vec2& d) {
    const double o1 = orient2d(a, b, c), o2 = orient2d(a, b, d);
    const double o3 = orient2d(c, d, a), o4 = orient2d(c, d, b);
    if (((o1 > 0 && o2 < 0) || (o1 < 0 && o2 > 0)) && ((o3 > 0 && o4 < 0) || (o3 < 0 && o4 > 0))) return true;
    auto on = [](const Vec2& p, const Vec2& q, const Vec2& r) {  // r on segment p-q, given collinear
        return std::min(p.x, q.x) <= r.x && r.x <= std::max(p.x, q.x) && std::min(p.y, q.y) <= r.y && r.y <= std::max(p.y, q.y);
    };
    return (o1 == 0 && on(a, b, c)) || (o2 == 0 && on(a, b, d)) || (o3 == 0 && on(c, d, a)) || (o4 == 0 && on(c, d, b));
}

// Strictly valid input (after merging consecutive duplicates): no ring touches itself or
// another ring, holes lie inside the outer ring and outside each other. Quantizing the
// random stars breaks some of them; those are not fair tests of a valid-input triangulator.
bool strictly_valid(const Polygon& poly) {
    std::vector<Ring> rings;
    for (const Ring& r : poly) {
        Ring d;
        for (const Vec2& q : r) if (d.empty() || q != d.back()) d.push_back(q);
        while (d.size() > 1 && d.front() == d.back()) d.pop_back();
        if (d.size() < 3 || ring_area(d) == 0) return false;
        rings.push_back(d);
    }
    for (std::size_t i = 0; i < rings.size(); ++i)
        for (std::size_t j = i; j < rings.size(); ++j)
            for (std::size_t e = 0; e < rings[i].size(); ++e)
                for (std::size_t f = (i == j ? e + 1 : 0); f < rings[j].size(); ++f) {
                    const std::size_t ni = rings[i].size(), nj = rings[j].size();
                    if (i == j && (f == e + 1 || (e == 0 && f == ni - 1))) {  // neighbours: only a spike is wrong
                        const std::size_t k = f == e + 1 ? e : f;  // edges k and k+1
                        const Vec2& p0 = rings[i][k];
                        const Vec2& p1 = rings[i][(k + 1) % ni];
                        const Vec2& p2 = rings[i][(k + 2) % ni];
                        if (orient2d(p0, p1, p2) == 0 && (p2.x - p1.x) * (p0.x - p1.x) + (p2.y - p1.y) * (p0.y - p1.y) > 0) return false;
                        continue;
                    }
                    if (segments_meet(rings[i][e], rings[i][(e + 1) % ni], rings[j][f], rings[j][(f + 1) % nj])) return false;
                }
    const Polygon outer_only{rings[0]};
    for (std::size_t h = 1; h < rings.size(); ++h) {
        if (!inside_polygon(outer_only, rings[h][0])) return false;
        for (std::size_t g = 1; g < rings.size(); ++g)
            if (g != h && inside_polygon({rings[g]}, rings[h][0])) return false;
    }
    return true;
}

// Union of random grid cells (largest 4-connected component), traced into rings that touch
// each other at diagonal corners: a dense source of holes touching the outer ring or each
// other at a vertex, and of collinear points.
struct CellPolygon {
    Polygon poly;
    int cells = 0;
};

CellPolygon random_cell_polygon(std::mt19937_64& rng, int g, double fill) {
    std::uniform_real_distribution<double> u(0, 1);
    std::vector<int> grid(g * g);
    for (int& c : grid) c = u(rng) < fill ? 1 : 0;
    auto at = [&](int x, int y) { return x >= 0 && y >= 0 && x < g && y < g ? grid[y * g + x] : 0; };

    // Keep the largest 4-connected component, labelled 2.
    std::vector<int> label(g * g, 0);
    int best_label = 0, best_size = 0, next_label = 1;
    for (int s = 0; s < g * g; ++s) {
        if (!grid[s] || label[s]) continue;
        std::vector<int> stack{s};
        label[s] = next_label;
        int size = 0;
        while (!stack.empty()) {
            const int k = stack.back();
            stack.pop_back();
            ++size;
            const int x = k % g, y = k / g;
            const int nb[4][2] = {{x + 1, y}, {x - 1, y}, {x, y + 1}, {x, y - 1}};
            for (const auto& q : nb) {
                if (at(q[0], q[1]) && !label[q[1] * g + q[0]]) {
                    label[q[1] * g + q[0]] = next_label;
                    stack.push_back(q[1] * g + q[0]);
                }
            }
        }
        if (size > best_size) { best_size = size; best_label = next_label; }
        ++next_label;
    }
    for (int s = 0; s < g * g; ++s) grid[s] = (best_size > 0 && label[s] == best_label) ? 1 : 0;

    // Directed boundary edges with the filled cell on their left.
    std::map<std::pair<int, int>, std::vector<std::pair<int, int>>> out_edges;
    for (int y = 0; y < g; ++y)
        for (int x = 0; x < g; ++x) {
            if (!at(x, y)) continue;
            if (!at(x, y - 1)) out_edges[{x, y}].push_back({x + 1, y});
            if (!at(x + 1, y)) out_edges[{x + 1, y}].push_back({x + 1, y + 1});
            if (!at(x, y + 1)) out_edges[{x + 1, y + 1}].push_back({x, y + 1});
            if (!at(x - 1, y)) out_edges[{x, y + 1}].push_back({x, y});
        }
    CellPolygon result;
    result.cells = best_size;
    const double scale = 37.5, ox = 2.5e6, oy = 1.2e6;  // projected-CRS-like magnitudes
    std::vector<Ring> rings;
    for (auto& [start, outs] : out_edges) {
        while (!outs.empty()) {
            std::pair<int, int> from = start, to = outs.back();
            outs.pop_back();
            Ring ring;
            while (true) {
                ring.push_back({ox + scale * from.first, oy + scale * from.second});
                if (to == start) break;
                auto& cand = out_edges[to];
                // At a diagonal corner, turn right: filled cells touching at a corner join,
                // so every ring stays simple and rings touch only at points (valid OGC).
                std::size_t pick = 0;
                if (cand.size() == 2) {
                    const int dx = to.first - from.first, dy = to.second - from.second;
                    const int ex = cand[1].first - to.first, ey = cand[1].second - to.second;
                    pick = (dx * ey - dy * ex) < 0 ? 1 : 0;
                }
                from = to;
                to = cand[pick];
                cand.erase(cand.begin() + static_cast<long>(pick));
            }
            rings.push_back(ring);
        }
    }
    // Outer ring first (the only counter-clockwise one); rotate starts and flip orientations.
    std::stable_partition(rings.begin(), rings.end(), [](const Ring& r) { return ring_area(r) > 0; });
    for (Ring& r : rings) {
        std::rotate(r.begin(), r.begin() + static_cast<long>(rng() % r.size()), r.end());
        if (rng() % 2) std::reverse(r.begin(), r.end());
    }
    result.poly = rings;
    return result;
}

// ---- test groups -----------------------------------------------------------------------

void basic_shapes() {
    report("square", {rect(0, 0, 1, 1)}, 2000);
    report("comb (20 teeth, clockwise)", {[] { Ring r = comb(20); std::reverse(r.begin(), r.end()); return r; }()}, 2000);
    report("square + 1 hole", square_with_holes(1, 1), 2000);
    report("square + 2 holes (same row)", square_with_holes(2, 1), 2000);
    report("square + 50 holes", square_with_holes(10, 5), 2000);
}

void touching_holes() {
    const Ring sq = rect(0, 0, 10, 10);
    report("hole touches at its rightmost vtx", {sq, {{10, 10}, {6, 8}, {8, 6}}}, 3000);
    report("hole touches at another vtx", {sq, {{0, 0}, {3, 1}, {1, 3}}}, 3000);
    report("hole touches edge interior", {sq, {{10, 5}, {7, 4}, {7, 6}}}, 3000);
    const Ring ell{{0, 0}, {10, 0}, {10, 4}, {4, 4}, {4, 10}, {0, 10}};
    report("2 holes touch reflex vtx + each other", {ell, {{4, 4}, {2, 3}, {3, 2}}, {{4, 4}, {7, 2}, {5, 1}}}, 3000);
    report("holes touching in a chain", {sq, {{2, 2}, {5, 5}, {2, 4}}, {{5, 5}, {8, 6}, {7, 8}}, {{8, 6}, {10, 4}, {9, 7}}}, 3000);
}

void degenerate_points() {
    Ring r;  // square, every edge split into collinear points, every point repeated
    const Vec2 corners[4] = {{0, 0}, {10, 0}, {10, 10}, {0, 10}};
    for (int e = 0; e < 4; ++e) {
        const Vec2 a = corners[e], b = corners[(e + 1) % 4];
        for (int k = 0; k < 10; ++k) {
            const Vec2 q{a.x + (b.x - a.x) * k / 10, a.y + (b.y - a.y) * k / 10};
            for (int rep = 0; rep <= k % 3; ++rep) r.push_back(q);
        }
        if (e == 2) {  // a zero-width spike out of the top edge
            r.push_back({5, 10}); r.push_back({5, 15}); r.push_back({5, 10});
        }
    }
    r.push_back(r.front());  // and a closing point despite the convention
    Ring hole{{3, 3}, {3, 3}, {3, 5}, {3, 7}, {7, 7}, {7, 7}, {7, 5}, {7, 3}, {5, 3}};
    report("collinear + duplicate points", {r}, 3000);
    report("... with collinear/duplicate hole", {r, hole}, 3000);
    report("fully collinear ring", {{{0, 0}, {1, 1}, {2, 2}, {3, 3}}}, 0);
}

void large_shapes() {
    report("spiral 20000", {spiral(20000)}, 300);
    std::mt19937_64 rng(7);
    report("random star 40000", {random_star(40000, 0.3, 1.0, {0, 0}, 1000, rng)}, 300);
    report("noisy boundary 40000 @ (2.5e6,1.2e6)", {noisy_boundary(40000, {2.5e6, 1.2e6}, 2e4, rng)}, 300);
    Polygon many{noisy_boundary(40000, {2.5e6, 1.2e6}, 2e4, rng)};
    for (int h = 0; h < 1000; ++h) {  // enclaves on a 32 x 32 lattice well inside the boundary
        const Vec2 c{2.5e6 - 6000 + 375.0 * (h % 32 + 0.5), 1.2e6 - 6000 + 375.0 * (h / 32 + 0.5)};
        many.push_back(random_star(20, 0.2, 0.45, c, 375, rng));
    }
    report("noisy 40000 + 1000 star holes", many, 300);
}

void invalid_input() {
    const Polygon bow{{{0, 0}, {2, 2}, {2, 0}, {0, 2}}};
    report("bow-tie (expect ok=0)", bow, 0, false);
    {  // the hole's ray meets nothing: it is left out, the outer ring still triangulated
        const Outcome o = run_case({rect(0, 0, 10, 10), rect(20, 2, 22, 4)}, 0);
        std::printf("%-34s ok=%d tris=%zu tri_area=%g\n", "hole outside outer (expect ok=0)", o.ok ? 1 : 0, o.triangles, o.tri_area);
        EXPECT(!o.ok && o.tri_area == 100 && o.bad_triangles == 0);
    }
    std::mt19937_64 rng(3);
    std::uniform_real_distribution<double> u(0, 100);
    int returned_false = 0;
    for (int i = 0; i < 200; ++i) {  // random scribbles: must terminate with sane triangles
        Ring r;
        for (int k = 0; k < 50; ++k) r.push_back({u(rng), u(rng)});
        const Outcome o = run_case({r}, 0);
        EXPECT(o.bad_triangles == 0);
        returned_false += o.ok ? 0 : 1;
    }
    std::printf("%-34s 200 random 50-gons terminated, %d returned false\n", "self-intersecting scribbles", returned_false);
}

void fuzz() {
    std::mt19937_64 rng(99);
    int fails = 0, worst_cover = 0, tested = 0;
    double worst = 0;
    for (int i = 0; i < 600; ++i) {
        const Polygon p = random_polygon_with_holes(rng, i % 2 == 1);
        if (!strictly_valid(p)) continue;
        ++tested;
        const Outcome o = run_case(p, 200);
        if (!o.ok || o.bad_triangles || o.coverage_errors || o.rel_err > 1e-6) ++fails;
        worst = std::max(worst, o.rel_err);
        worst_cover = std::max(worst_cover, o.coverage_errors);
    }
    std::printf("%-34s %d valid of 600 cases (half quantized): %d failed, worst rel_err=%.1e, worst cover_err=%d\n",
                "fuzz: stars with star holes", tested, fails, worst, worst_cover);
    EXPECT(fails == 0);

    fails = 0;
    worst = 0;
    int holes = 0;
    for (int i = 0; i < 600; ++i) {
        CellPolygon cp = random_cell_polygon(rng, 4 + i % 20, 0.5 + 0.2 * (i % 3) / 2);
        if (cp.cells == 0) continue;
        if (i % 2) {  // rotated: shared lines of the grid become only nearly collinear
            const double c = std::cos(0.3 + i), s = std::sin(0.3 + i);
            for (Ring& r : cp.poly)
                for (Vec2& q : r) {
                    const double x = q.x - 2.5e6, y = q.y - 1.2e6;
                    q = {2.5e6 + c * x - s * y, 1.2e6 + s * x + c * y};
                }
        }
        holes += static_cast<int>(cp.poly.size()) - 1;
        const Outcome o = run_case(cp.poly, 200);
        const double cell_area = 37.5 * 37.5 * cp.cells;
        const double err = std::fabs(o.tri_area - cell_area) / cell_area;
        if (!o.ok || o.bad_triangles || o.coverage_errors || err > 1e-6) {
            ++fails;
            if (fails <= 3) std::printf("  cell case %d: ok=%d err=%.2e cover=%d bad=%d\n", i, o.ok, err, o.coverage_errors, o.bad_triangles);
        }
        worst = std::max(worst, err);
    }
    std::printf("%-34s 600 cases (half rotated), %d holes touching at corners: %d failed, worst rel_err=%.1e\n",
                "fuzz: grid-cell unions", holes, fails, worst);
    EXPECT(fails == 0);
}

// Municipal-scale load: 3.7 million vertices in 2,140 polygons, some with enclaves.
void throughput() {
    std::mt19937_64 rng(2024);
    std::vector<Polygon> polys;
    std::size_t total = 0;
    for (int i = 0; i < 2140; ++i) {
        const int n = i < 40 ? 40000 : 1000;
        const Vec2 c{2.5e6 + 1e5 * (i % 50), 1.2e6 + 1e5 * (i / 50)};
        Polygon p{noisy_boundary(n, c, 2e4, rng)};
        if (i % 10 == 0) {
            for (int h = 0; h < 3; ++h)
                p.push_back(random_star(40, 0.5, 1.0, {c.x - 3000 + 3000.0 * h, c.y}, 1000, rng));
        }
        for (const Ring& r : p) total += r.size();
        polys.push_back(std::move(p));
    }
    std::vector<std::vector<RingView>> views;
    for (const Polygon& p : polys) {
        views.emplace_back();
        for (const Ring& r : p) views.back().push_back({r.data(), static_cast<std::uint32_t>(r.size())});
    }
    std::vector<std::uint32_t> out;
    const auto t0 = std::chrono::steady_clock::now();
    int failed = 0;
    std::uint32_t base = 0;
    for (std::size_t i = 0; i < polys.size(); ++i) {
        failed += triangulate_ear_clipping(views[i], base, out) ? 0 : 1;
        for (const Ring& r : polys[i]) base += static_cast<std::uint32_t>(r.size());
    }
    const double s = seconds_since(t0);
    std::printf("%-34s %zu vertices, %zu polygons, %zu triangles in %.3f s (%.0f ns/vertex), %d returned false\n",
                "throughput (one core)", total, polys.size(), out.size() / 3, s, 1e9 * s / total, failed);
    EXPECT(failed == 0);
}

}  // namespace

int main() {
    basic_shapes();
    touching_holes();
    degenerate_points();
    large_shapes();
    invalid_input();
    fuzz();
    throughput();
    std::printf(g_failures == 0 ? "ALL PASSED\n" : "%d CHECK(S) FAILED\n", g_failures);
    return g_failures == 0 ? 0 : 1;
}
