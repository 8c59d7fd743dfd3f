#include "mirador/geo/EarClipTriangulator.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

// Outline of the method:
//  1. Each ring becomes a circular doubly linked list of nodes (indices into one vector, so
//     no per-vertex allocation); the outer ring is made counter-clockwise, holes clockwise,
//     which keeps the polygon interior on the left of every edge.
//  2. Holes are joined to the outer ring by a pair of coincident "bridge" edges (Eberly's
//     construction), giving one weakly simple ring. A grid of edges answers the ray and
//     visibility queries locally, so many holes do not cost a scan of the ring each.
//  3. Ears are clipped from that ring. Only non-convex vertices can make a convex ear
//     invalid, so those alone are kept in a second grid; clipping never turns a convex
//     vertex reflex, so that grid mostly shrinks as the work proceeds.

namespace mirador::geo {
namespace {

constexpr std::uint32_t kNone = std::numeric_limits<std::uint32_t>::max();

// Average number of non-convex vertices per ear-grid cell. Measured flat between 0.25 and
// 1 on boundary-like rings; coarser cells suit the large late ears of spiky rings better.
constexpr double kReflexPerCell = 1.0;

// Ring vertices per bridge-grid cell.
constexpr double kVerticesPerBridgeCell = 2.0;

// Relative tolerance for the bridge visibility test (see visible_vertex).
constexpr double kBridgeSlack = 1e-9;

// Grid rows and columns are widened by this fraction of a cell when a shape is mapped to
// cells, so rounding in the mapping can never drop a cell that a point on the shape's
// boundary was filed under.
constexpr double kCellMargin = 1e-6;

// ---------------------------------------------------------------------------------------
// Geometry helpers

double cross(const Vec2& u, const Vec2& v) { return u.x * v.y - u.y * v.x; }
Vec2 sub(const Vec2& a, const Vec2& b) { return {a.x - b.x, a.y - b.y}; }

// Boundary points count as inside: a vertex on a candidate diagonal makes it unsafe too.
bool in_closed_ccw_triangle(const Vec2& a, const Vec2& b, const Vec2& c, const Vec2& p) {
    return orient2d(a, b, p) >= 0 && orient2d(b, c, p) >= 0 && orient2d(c, a, p) >= 0;
}

// Either orientation; points up to `slack` outside an edge still count.
bool near_triangle(const Vec2& a, const Vec2& b, const Vec2& c, const Vec2& p, double slack) {
    const double o = orient2d(a, b, c);
    if (o == 0) return false;
    const Vec2& b2 = o > 0 ? b : c;
    const Vec2& c2 = o > 0 ? c : b;
    auto inside_of = [&](const Vec2& u, const Vec2& v) {
        return orient2d(u, v, p) >= -slack * std::hypot(v.x - u.x, v.y - u.y);
    };
    return inside_of(a, b2) && inside_of(b2, c2) && inside_of(c2, a);
}

// Direction d lies strictly between u1 and u2, sweeping counter-clockwise from u1; used
// for wedges narrower than a half turn.
bool strictly_between(const Vec2& u1, const Vec2& d, const Vec2& u2) {
    return cross(u1, d) > 0 && cross(d, u2) > 0;
}

bool same_direction(const Vec2& u, const Vec2& v) {
    return cross(u, v) == 0 && u.x * v.x + u.y * v.y > 0;
}

// Twice the signed area, taken relative to the first point: projected coordinates are
// large (millions of metres) and the plain shoelace sum would cancel most digits away.
double ring_area2(const RingView& ring) {
    const Vec2 o = ring.points[0];
    double sum = 0.0;
    for (std::uint32_t i = 1; i + 1 < ring.size; ++i)
        sum += cross(sub(ring.points[i], o), sub(ring.points[i + 1], o));
    return sum;
}

// x where segment a-b (a.y < b.y) crosses the horizontal line at y. Endpoints are returned
// exactly so that a ray passing through a vertex reports that vertex's own coordinates.
double crossing_x(const Vec2& a, const Vec2& b, double y) {
    if (y == a.y) return a.x;
    if (y == b.y) return b.x;
    return a.x + (y - a.y) * (b.x - a.x) / (b.y - a.y);
}

Vec2 unit(const Vec2& v) {
    const double len = std::hypot(v.x, v.y);
    return len > 0 ? Vec2{v.x / len, v.y / len} : Vec2{0.0, 0.0};
}

// Widens [lo, hi] by the x extent of segment p-q inside the horizontal band [y0, y1].
void add_band_extent(const Vec2& p, const Vec2& q, double y0, double y1, double& lo, double& hi) {
    const Vec2& a = p.y <= q.y ? p : q;
    const Vec2& b = p.y <= q.y ? q : p;
    if (b.y < y0 || a.y > y1) return;
    if (a.y == b.y) {
        lo = std::min({lo, a.x, b.x});
        hi = std::max({hi, a.x, b.x});
        return;
    }
    const double slope = (b.x - a.x) / (b.y - a.y);
    const double ya = std::max(y0, a.y), yb = std::min(y1, b.y);
    const double xa = ya == a.y ? a.x : a.x + (ya - a.y) * slope;
    const double xb = yb == b.y ? b.x : a.x + (yb - a.y) * slope;
    lo = std::min({lo, xa, xb});
    hi = std::max({hi, xa, xb});
}

// ---------------------------------------------------------------------------------------
// Uniform grid over a bounding box, and which of its cells a shape reaches

struct GridFrame {
    double min_x = 0, min_y = 0, inv_w = 0, inv_h = 0, cell_w = 0, cell_h = 0;
    std::uint32_t nx = 1, ny = 1;

    // About `cells` square-ish cells; a degenerate box gets one row or column.
    void fit(double x0, double y0, double x1, double y1, double cells) {
        min_x = x0;
        min_y = y0;
        double w = x1 - x0, h = y1 - y0;
        if (!std::isfinite(w) || !std::isfinite(h)) w = h = 0;  // garbage input: one cell
        cells = std::max(1.0, cells);
        nx = ny = 1;
        if (w > 0 && h > 0) {
            const double side = std::sqrt(w * h / cells);
            nx = static_cast<std::uint32_t>(std::clamp(std::ceil(w / side), 1.0, cells));
            ny = static_cast<std::uint32_t>(std::clamp(std::ceil(h / side), 1.0, cells));
        }
        inv_w = w > 0 ? nx / w : 0.0;
        inv_h = h > 0 ? ny / h : 0.0;
        cell_w = w > 0 ? w / nx : 0.0;
        cell_h = h > 0 ? h / ny : 0.0;
    }
    std::size_t cells() const { return static_cast<std::size_t>(nx) * ny; }
    std::uint32_t cell(const Vec2& q) const { return row(q.y) * nx + col(q.x); }

    std::uint32_t col(double x) const { return clamp_index((x - min_x) * inv_w, nx); }
    std::uint32_t row(double y) const { return clamp_index((y - min_y) * inv_h, ny); }
    static std::uint32_t clamp_index(double t, std::uint32_t n) {
        if (!(t >= 0)) return 0;  // also catches NaN
        return std::min(static_cast<std::uint32_t>(std::min(t, 4e9)), n - 1);
    }

    double band_lo(std::uint32_t r) const { return min_y + (r - kCellMargin) * cell_h; }
    double band_hi(std::uint32_t r) const { return min_y + (r + 1 + kCellMargin) * cell_h; }

    // Columns covering [lo, hi] (an x extent found by add_band_extent); false if empty.
    bool cols(double lo, double hi, std::uint32_t& c0, std::uint32_t& c1) const {
        if (!(lo <= hi)) return false;
        c0 = col(lo - kCellMargin * cell_w);
        c1 = col(hi + kCellMargin * cell_w);
        return true;
    }
};

// ---------------------------------------------------------------------------------------
// Data

struct Node {
    Vec2 p;
    std::uint32_t index;      // output index, index_base already added
    std::uint32_t prev;       // ring links
    std::uint32_t next;
    std::uint32_t cell;       // ear-grid cell its position falls in
    std::uint32_t slot;       // its entry in the ear grid while non-convex, else kNone
    std::uint32_t queue_pos;  // position of its live entry in the ear queue, or kNone
};

// Ear tests read only these, stored contiguously per cell: chasing node links instead was
// dominated by cache misses.
struct GridEntry {
    Vec2 p;
    std::uint32_t node;
};

// A cell's entries are slots [start, start + count). Every ring vertex in the cell has a
// slot reserved, so a vertex that turns non-convex again always finds room.
struct Cell {
    std::uint32_t start;
    std::uint32_t count;
};

// Bridge grid: each cell a list, threaded through one pool, of the edges (named by their
// start node) that reach it. An edge whose end later moves (splice) keeps its old entries;
// queries read the current edge, so those only cost a little time.
struct EdgeRef {
    std::uint32_t node;
    std::uint32_t next;
};

struct Ring {
    std::uint32_t start = kNone;  // any node still in the ring
    std::uint32_t count = 0;
};

struct Hole {
    std::uint32_t rightmost;  // node the bridge starts from
    Ring ring;
};

// Kept between calls so that triangulating thousands of polygons reuses the same memory.
struct Workspace {
    std::vector<Node> nodes;
    std::vector<Hole> holes;
    std::vector<std::uint32_t> edge_head;
    std::vector<EdgeRef> edge_refs;
    std::vector<Cell> cells;
    std::vector<GridEntry> entries;
    std::vector<std::uint32_t> queue;
};

// ---------------------------------------------------------------------------------------

class EarClipper {
public:
    EarClipper(Workspace& ws, std::vector<std::uint32_t>& out) : ws_(ws), nodes_(ws.nodes), out_(out) {}

    bool run(const std::vector<RingView>& rings, std::uint32_t index_base);

private:
    // --- ring construction -------------------------------------------------------------
    Ring add_ring(const RingView& ring, std::uint32_t first_index, bool counter_clockwise);
    Ring drop_degenerate(Ring ring);
    void unlink(std::uint32_t v);

    // --- hole bridging -----------------------------------------------------------------
    std::uint32_t merge_holes(const Ring& outer);
    std::uint32_t rightmost(const Ring& ring) const;
    void build_edge_grid(const Ring& outer);
    void index_edge(std::uint32_t u);
    std::uint32_t bridge_target(std::uint32_t m) const;
    Vec2 visible_vertex(const Vec2& m, std::uint32_t edge, double hit_x) const;
    std::uint32_t node_at(const Vec2& pos, const Vec2& dir) const;
    Vec2 hole_corner_direction(std::uint32_t m) const;
    bool wedge_contains(std::uint32_t v, const Vec2& d) const;
    std::uint32_t splice(std::uint32_t target, std::uint32_t m);
    std::uint32_t join_at_touch(std::uint32_t target, std::uint32_t m);
    std::uint32_t clone(std::uint32_t v);

    // --- ear grid of non-convex vertices -----------------------------------------------
    void build_ear_grid(const Ring& ring);
    void reserve_slots(const Ring& ring);
    void grid_insert(std::uint32_t v);
    void grid_remove(std::uint32_t v);
    void refresh(std::uint32_t v);

    // --- clipping ----------------------------------------------------------------------
    void clip(Ring ring);
    void enqueue(std::uint32_t v);
    void enqueue_all(std::uint32_t start);
    bool is_ear(std::uint32_t v) const;
    bool blocks_ear(std::uint32_t r, const Vec2& a, const Vec2& b, const Vec2& c) const;
    bool twin_blocks_corner(std::uint32_t r, const Vec2& k, const Vec2& k1, const Vec2& k2) const;
    std::uint32_t remove(std::uint32_t v, std::uint32_t& remaining);
    void drop(std::uint32_t v, std::uint32_t& remaining);
    void emit(std::uint32_t a, std::uint32_t b, std::uint32_t c);
    std::uint32_t fallback(std::uint32_t v, std::uint32_t& remaining);

    const Vec2& p(std::uint32_t v) const { return nodes_[v].p; }
    std::uint32_t prev(std::uint32_t v) const { return nodes_[v].prev; }
    std::uint32_t next(std::uint32_t v) const { return nodes_[v].next; }
    double turn(std::uint32_t v) const { return orient2d(p(prev(v)), p(v), p(next(v))); }

    Workspace& ws_;
    std::vector<Node>& nodes_;
    std::vector<std::uint32_t>& out_;
    GridFrame edge_grid_;
    GridFrame ear_grid_;
    bool ok_ = true;
};

bool EarClipper::run(const std::vector<RingView>& rings, std::uint32_t index_base) {
    if (rings.empty()) return true;
    std::size_t total = 0;
    for (const RingView& r : rings) total += r.size;
    nodes_.clear();
    nodes_.reserve(total + 2 * rings.size());  // two bridge clones per hole
    ws_.holes.clear();

    Ring outer = add_ring(rings[0], index_base, true);
    if (outer.start == kNone) return true;  // nothing with area left to triangulate
    std::uint32_t offset = index_base + rings[0].size;
    for (std::size_t i = 1; i < rings.size(); ++i) {
        const Ring hole = add_ring(rings[i], offset, false);
        offset += rings[i].size;
        if (hole.start != kNone) ws_.holes.push_back({rightmost(hole), hole});
    }
    outer.count += merge_holes(outer);
    outer = drop_degenerate(outer);  // bridges to touching points add zero-length edges
    if (outer.start == kNone) return ok_;
    build_ear_grid(outer);
    clip(outer);
    return ok_;
}

// ---------------------------------------------------------------------------------------
// Ring construction

Ring EarClipper::add_ring(const RingView& ring, std::uint32_t first_index, bool counter_clockwise) {
    if (ring.points == nullptr || ring.size < 3) return {};
    const double area = ring_area2(ring);
    const bool reverse = counter_clockwise ? area < 0 : area > 0;
    const auto first = static_cast<std::uint32_t>(nodes_.size());
    const std::uint32_t n = ring.size;
    for (std::uint32_t k = 0; k < n; ++k) {
        const std::uint32_t i = reverse ? n - 1 - k : k;
        Node node{};
        node.p = ring.points[i];
        node.index = first_index + i;
        node.prev = first + (k == 0 ? n - 1 : k - 1);
        node.next = first + (k + 1 == n ? 0 : k + 1);
        node.slot = kNone;
        node.queue_pos = kNone;
        nodes_.push_back(node);
    }
    return drop_degenerate({first, n});
}

// Duplicates, straight-through points and spikes bound no area; removing them up front
// spares the clipper most zero-area ears and keeps "rightmost vertex" meaningful.
Ring EarClipper::drop_degenerate(Ring ring) {
    std::uint32_t v = ring.start;
    std::uint32_t stable = 0;  // vertices checked since the last removal
    while (ring.count >= 3 && stable < ring.count) {
        if (turn(v) == 0.0) {
            const std::uint32_t back = prev(v);  // its corner changed: look at it again
            unlink(v);
            --ring.count;
            v = back;
            stable = 0;
        } else {
            v = next(v);
            ++stable;
        }
    }
    if (ring.count < 3) return {};
    ring.start = v;
    return ring;
}

void EarClipper::unlink(std::uint32_t v) {
    const std::uint32_t a = prev(v), c = next(v);
    nodes_[a].next = c;
    nodes_[c].prev = a;
}

// ---------------------------------------------------------------------------------------
// Hole bridging

std::uint32_t EarClipper::rightmost(const Ring& ring) const {
    std::uint32_t best = ring.start, v = ring.start;
    do {
        const Vec2& q = p(v);
        const Vec2& b = p(best);
        if (q.x > b.x || (q.x == b.x && q.y < b.y)) best = v;
        v = next(v);
    } while (v != ring.start);
    return best;
}

// Returns the number of nodes added to the outer ring.
std::uint32_t EarClipper::merge_holes(const Ring& outer) {
    std::vector<Hole>& holes = ws_.holes;
    if (holes.empty()) return 0;
    // Rightmost holes first: a hole's ray may then cross only holes already merged, whose
    // edges the bridge search sees as part of the outer ring.
    std::sort(holes.begin(), holes.end(), [this](const Hole& a, const Hole& b) {
        return p(a.rightmost).x > p(b.rightmost).x;
    });
    build_edge_grid(outer);
    std::uint32_t added = 0;
    for (const Hole& hole : holes) {
        const std::uint32_t target = bridge_target(hole.rightmost);
        if (target == kNone) {  // hole not inside the outer ring: leave it out
            ok_ = false;
            continue;
        }
        const bool touching = p(target) == p(hole.rightmost);
        const std::uint32_t last = touching ? join_at_touch(target, hole.rightmost)
                                            : splice(target, hole.rightmost);
        index_edge(target);
        for (std::uint32_t u = next(target);; u = next(u)) {  // the hole, and clones if any
            index_edge(u);
            if (u == last) break;
        }
        added += hole.ring.count + (touching ? 0 : 2);
    }
    return added;
}

// The grid covers every node, merged or not, so holes need no re-fit; edges are filed as
// their rings join the outer one.
void EarClipper::build_edge_grid(const Ring& outer) {
    double x0 = std::numeric_limits<double>::infinity(), y0 = x0;
    double x1 = -x0, y1 = -x0;
    for (const Node& n : nodes_) {
        x0 = std::min(x0, n.p.x);
        y0 = std::min(y0, n.p.y);
        x1 = std::max(x1, n.p.x);
        y1 = std::max(y1, n.p.y);
    }
    edge_grid_.fit(x0, y0, x1, y1, nodes_.size() / kVerticesPerBridgeCell);
    ws_.edge_head.assign(edge_grid_.cells(), kNone);
    ws_.edge_refs.clear();
    std::uint32_t u = outer.start;
    do {
        index_edge(u);
        u = next(u);
    } while (u != outer.start);
}

// Files edge u -> next(u) under every cell it passes through.
void EarClipper::index_edge(std::uint32_t u) {
    const Vec2& a = p(u);
    const Vec2& b = p(next(u));
    const GridFrame& g = edge_grid_;
    const std::uint32_t r0 = g.row(std::min(a.y, b.y)), r1 = g.row(std::max(a.y, b.y));
    for (std::uint32_t r = r0; r <= r1; ++r) {
        double lo = std::numeric_limits<double>::infinity(), hi = -lo;
        add_band_extent(a, b, g.band_lo(r), g.band_hi(r), lo, hi);
        std::uint32_t c0 = 0, c1 = 0;
        if (!g.cols(lo, hi, c0, c1)) continue;
        for (std::uint32_t c = c0; c <= c1; ++c) {
            std::uint32_t& head = ws_.edge_head[r * g.nx + c];
            ws_.edge_refs.push_back({u, head});
            head = static_cast<std::uint32_t>(ws_.edge_refs.size() - 1);
        }
    }
}

// Finds an outer vertex that hole vertex m (its rightmost) can see: cast a ray towards +x,
// take the nearest edge it hits, then correct for reflex vertices hiding that edge's end.
std::uint32_t EarClipper::bridge_target(std::uint32_t m) const {
    const Vec2 mp = p(m);
    const GridFrame& g = edge_grid_;
    double hit_x = std::numeric_limits<double>::infinity();
    std::uint32_t hit_edge = kNone;
    const std::uint32_t row = g.row(mp.y);
    for (std::uint32_t c = g.col(mp.x); c < g.nx; ++c) {
        // Cells further right cannot hold a nearer crossing.
        if (g.min_x + (c - kCellMargin) * g.cell_w > hit_x) break;
        for (std::uint32_t i = ws_.edge_head[row * g.nx + c]; i != kNone; i = ws_.edge_refs[i].next) {
            const std::uint32_t u = ws_.edge_refs[i].node;
            const Vec2& a = p(u);
            const Vec2& b = p(next(u));
            // Only upward edges face the ray's origin: the interior is on their left (-x) side.
            if (a.y < b.y && a.y <= mp.y && mp.y <= b.y) {
                const double x = crossing_x(a, b, mp.y);
                if (x >= mp.x && x < hit_x) {
                    hit_x = x;
                    hit_edge = u;
                }
            }
        }
    }
    if (hit_edge == kNone) return kNone;

    const Vec2 target = visible_vertex(mp, hit_edge, hit_x);
    const Vec2 dir = target == mp ? hole_corner_direction(m) : sub(mp, target);
    return node_at(target, dir);
}

Vec2 EarClipper::visible_vertex(const Vec2& m, std::uint32_t edge, double hit_x) const {
    const Vec2& a = p(edge);
    const Vec2& b = p(next(edge));
    const Vec2 hit{hit_x, m.y};
    if (hit == a || hit == b) return hit;  // the ray runs straight into a vertex
    const Vec2 first = a.x > b.x ? a : b;
    if (hit == m) return first;  // m lies on the edge; nothing can sit in between

    // Anything inside triangle (m, hit, first) that could hide `first` is a reflex vertex;
    // of those, the one at the smallest angle to the ray is visible from m (ties: nearest).
    // Boundary cases decide whether a bridge passes through a vertex, so they get a little
    // slack: coordinates rounded off a common line (e.g. after reprojection) must not let
    // a bridge slip past a vertex it in fact runs through, which later bridges would cross.
    const double slack = kBridgeSlack * (std::fabs(first.x - m.x) + std::fabs(first.y - m.y) +
                                         std::fabs(m.x) + std::fabs(m.y));
    const GridFrame& g = edge_grid_;
    Vec2 best = first;
    const std::uint32_t r0 = g.row(std::min(m.y, first.y) - slack);
    const std::uint32_t r1 = g.row(std::max(m.y, first.y) + slack);
    for (std::uint32_t r = r0; r <= r1; ++r) {
        double lo = std::numeric_limits<double>::infinity(), hi = -lo;
        add_band_extent(m, hit, g.band_lo(r), g.band_hi(r), lo, hi);
        add_band_extent(hit, first, g.band_lo(r), g.band_hi(r), lo, hi);
        add_band_extent(first, m, g.band_lo(r), g.band_hi(r), lo, hi);
        std::uint32_t c0 = 0, c1 = 0;
        if (!g.cols(lo - slack, hi + slack, c0, c1)) continue;
        for (std::uint32_t c = c0; c <= c1; ++c) {
            for (std::uint32_t i = ws_.edge_head[r * g.nx + c]; i != kNone; i = ws_.edge_refs[i].next) {
                const std::uint32_t u = ws_.edge_refs[i].node;
                const Vec2& q = p(u);
                if (q == best || turn(u) > 0 || !near_triangle(m, hit, first, q, slack)) continue;
                const double dx = q.x - m.x, dy = std::fabs(q.y - m.y);
                const double bdx = best.x - m.x, bdy = std::fabs(best.y - m.y);
                const double lhs = dy * bdx, rhs = bdy * dx;
                const double tie = kBridgeSlack * (lhs + rhs);
                if (lhs < rhs - tie || (lhs <= rhs + tie && dx < bdx)) best = q;
            }
        }
    }
    return best;
}

// Several nodes can share a position (earlier bridges, rings touching at a point); the
// bridge must leave from the one whose interior wedge faces the hole, or it would cut
// through a neighbouring part of the polygon. Each of them starts an edge filed under the
// position's own cell.
std::uint32_t EarClipper::node_at(const Vec2& pos, const Vec2& dir) const {
    std::uint32_t first_match = kNone;
    const std::uint32_t cell = edge_grid_.cell(pos);
    for (std::uint32_t i = ws_.edge_head[cell]; i != kNone; i = ws_.edge_refs[i].next) {
        const std::uint32_t u = ws_.edge_refs[i].node;
        if (p(u) != pos) continue;
        if (wedge_contains(u, dir)) return u;
        if (first_match == kNone) first_match = u;
    }
    return first_match;
}

// The hole touches the outer ring at m itself; its corner there (convex, m being extreme)
// tells which wedge of the touching point it sits in.
Vec2 EarClipper::hole_corner_direction(std::uint32_t m) const {
    const Vec2 u1 = unit(sub(p(prev(m)), p(m)));
    const Vec2 u2 = unit(sub(p(next(m)), p(m)));
    return {u1.x + u2.x, u1.y + u2.y};
}

// Interior wedge at v spans counter-clockwise from the outgoing edge to the incoming one.
// Boundary directions count as inside, so a bridge may run along an edge.
bool EarClipper::wedge_contains(std::uint32_t v, const Vec2& d) const {
    const Vec2 out_dir = sub(p(next(v)), p(v));
    const Vec2 in_dir = sub(p(prev(v)), p(v));
    if (turn(v) > 0) return cross(out_dir, d) >= 0 && cross(d, in_dir) >= 0;
    return !strictly_between(in_dir, d, out_dir);  // reflex: anything outside the exterior wedge
}

// The hole touches the ring at target, which is where m is: enter the hole there and
// leave it from m, target -> (around the hole) -> m -> old successor of target. A bridge
// of clones would leave zero-length edges, whose empty direction fits any wedge and would
// confuse node_at for later holes. Returns m.
std::uint32_t EarClipper::join_at_touch(std::uint32_t target, std::uint32_t m) {
    const std::uint32_t target_next = next(target);
    const std::uint32_t m_next = next(m);
    nodes_[target].next = m_next;
    nodes_[m_next].prev = target;
    nodes_[m].next = target_next;
    nodes_[target_next].prev = m;
    return m;
}

// target -> m -> (around the hole) -> m' -> target' -> old successor of target.
// Returns target'.
std::uint32_t EarClipper::splice(std::uint32_t target, std::uint32_t m) {
    const std::uint32_t m2 = clone(m);
    const std::uint32_t t2 = clone(target);
    const std::uint32_t target_next = next(target);
    const std::uint32_t m_prev = prev(m);
    nodes_[target].next = m;
    nodes_[m].prev = target;
    nodes_[m_prev].next = m2;
    nodes_[m2].prev = m_prev;
    nodes_[m2].next = t2;
    nodes_[t2].prev = m2;
    nodes_[t2].next = target_next;
    nodes_[target_next].prev = t2;
    return t2;
}

std::uint32_t EarClipper::clone(std::uint32_t v) {
    const auto id = static_cast<std::uint32_t>(nodes_.size());
    Node copy = nodes_[v];  // by value: push_back may reallocate
    nodes_.push_back(copy);
    return id;
}

// ---------------------------------------------------------------------------------------
// Ear grid of non-convex vertices

void EarClipper::build_ear_grid(const Ring& ring) {
    double x0 = std::numeric_limits<double>::infinity(), y0 = x0;
    double x1 = -x0, y1 = -x0;
    std::uint32_t reflex = 0;
    std::uint32_t v = ring.start;
    do {
        const Vec2& q = p(v);
        x0 = std::min(x0, q.x);
        y0 = std::min(y0, q.y);
        x1 = std::max(x1, q.x);
        y1 = std::max(y1, q.y);
        reflex += turn(v) <= 0 ? 1 : 0;
        v = next(v);
    } while (v != ring.start);
    ear_grid_.fit(x0, y0, x1, y1, reflex / kReflexPerCell);
    reserve_slots(ring);

    v = ring.start;
    do {
        if (turn(v) <= 0) grid_insert(v);
        v = next(v);
    } while (v != ring.start);
}

// Counting sort of the ring's vertices by cell, keeping only the per-cell offsets.
void EarClipper::reserve_slots(const Ring& ring) {
    std::vector<Cell>& cells = ws_.cells;
    cells.assign(ear_grid_.cells(), Cell{0, 0});
    std::uint32_t v = ring.start;
    do {
        Node& n = nodes_[v];
        n.cell = ear_grid_.cell(n.p);
        n.slot = kNone;
        ++cells[n.cell].count;
        v = next(v);
    } while (v != ring.start);
    std::uint32_t offset = 0;
    for (Cell& c : cells) {
        c.start = offset;
        offset += c.count;
        c.count = 0;
    }
    ws_.entries.resize(offset);
}

void EarClipper::grid_insert(std::uint32_t v) {
    Node& n = nodes_[v];
    Cell& c = ws_.cells[n.cell];
    n.slot = c.start + c.count++;
    ws_.entries[n.slot] = {n.p, v};
}

// Swap-remove: order within a cell does not matter.
void EarClipper::grid_remove(std::uint32_t v) {
    Node& n = nodes_[v];
    Cell& c = ws_.cells[n.cell];
    const std::uint32_t last = c.start + --c.count;
    if (n.slot != last) {
        ws_.entries[n.slot] = ws_.entries[last];
        nodes_[ws_.entries[n.slot].node].slot = n.slot;
    }
    n.slot = kNone;
}

// Clipping an ear only narrows its neighbours' corners, but removing a spike can widen
// one, so membership is re-evaluated both ways.
void EarClipper::refresh(std::uint32_t v) {
    const bool non_convex = turn(v) <= 0;
    const bool in_grid = nodes_[v].slot != kNone;
    if (non_convex && !in_grid) grid_insert(v);
    else if (!non_convex && in_grid) grid_remove(v);
}

// ---------------------------------------------------------------------------------------
// Clipping

// Candidate corners wait in a FIFO queue. In a simple polygon a corner's ear status changes
// only when one of its neighbours goes (a vertex that turns convex still lies inside any
// triangle it lay in, and a convex vertex inside a triangle implies a reflex one), so after
// the first sweep only the two corners beside each clipped ear need another look. That keeps
// the number of ear tests near 3n where lap-after-lap sweeping degrades to O(n^2) (spirals).
void EarClipper::clip(Ring ring) {
    std::uint32_t remaining = ring.count;
    std::uint32_t live = ring.start;  // always a node still in the ring
    ws_.queue.clear();
    enqueue_all(live);
    bool removed_since_sweep = false;
    std::size_t head = 0;
    while (remaining > 3) {
        if (head == ws_.queue.size()) {
            // Degenerate twins can bend the rule above, so sweep everything once more
            // before concluding that no ear is left.
            if (removed_since_sweep) {
                enqueue_all(live);
                removed_since_sweep = false;
            } else {
                live = fallback(live, remaining);
                enqueue(prev(live));
                enqueue(live);
            }
            continue;
        }
        const auto pos = static_cast<std::uint32_t>(head++);
        const std::uint32_t v = ws_.queue[pos];
        if (nodes_[v].queue_pos != pos) continue;  // superseded by a later entry, or gone
        nodes_[v].queue_pos = kNone;
        const double t = turn(v);
        if (t < 0 || (t > 0 && !is_ear(v))) continue;
        if (t > 0) emit(prev(v), v, next(v));  // else a zero-area corner: drop, losing no area
        live = remove(v, remaining);
        // Re-queueing the successor also skips its stale entry right behind v, which
        // spreads the clipping around the ring instead of fanning slivers from one corner.
        enqueue(prev(live));
        enqueue(live);
        removed_since_sweep = true;
    }
    if (remaining == 3) {
        const double t = turn(live);
        if (t > 0) emit(prev(live), live, next(live));
        else if (t < 0) ok_ = false;
    }
}

void EarClipper::enqueue(std::uint32_t v) {
    nodes_[v].queue_pos = static_cast<std::uint32_t>(ws_.queue.size());
    ws_.queue.push_back(v);
}

void EarClipper::enqueue_all(std::uint32_t start) {
    std::uint32_t v = start;
    do {
        enqueue(v);
        v = next(v);
    } while (v != start);
}

bool EarClipper::is_ear(std::uint32_t v) const {
    const std::uint32_t ia = prev(v), ic = next(v);
    const Vec2& a = p(ia);
    const Vec2& b = p(v);
    const Vec2& c = p(ic);
    const double lo_x = std::min({a.x, b.x, c.x}), hi_x = std::max({a.x, b.x, c.x});
    const double lo_y = std::min({a.y, b.y, c.y}), hi_y = std::max({a.y, b.y, c.y});
    const GridFrame& g = ear_grid_;
    const std::uint32_t r0 = g.row(lo_y), r1 = g.row(hi_y);
    for (std::uint32_t r = r0; r <= r1; ++r) {
        // Only the columns the triangle reaches in this row: late ears can be large and
        // slanted, and their bounding box would take in many cells outside them.
        double lo = std::numeric_limits<double>::infinity(), hi = -lo;
        add_band_extent(a, b, g.band_lo(r), g.band_hi(r), lo, hi);
        add_band_extent(b, c, g.band_lo(r), g.band_hi(r), lo, hi);
        add_band_extent(c, a, g.band_lo(r), g.band_hi(r), lo, hi);
        std::uint32_t c0 = 0, c1 = 0;
        if (!g.cols(lo, hi, c0, c1)) continue;
        for (std::uint32_t col = c0; col <= c1; ++col) {
            const Cell& cell = ws_.cells[r * g.nx + col];
            for (std::uint32_t i = cell.start; i < cell.start + cell.count; ++i) {
                const Vec2& q = ws_.entries[i].p;
                // Non-short-circuit &: one well-predicted branch instead of four erratic ones.
                const bool in_box = (q.x >= lo_x) & (q.x <= hi_x) & (q.y >= lo_y) & (q.y <= hi_y);
                if (!in_box) continue;
                const std::uint32_t n = ws_.entries[i].node;
                if (n == ia || n == v || n == ic) continue;
                if (in_closed_ccw_triangle(a, b, c, q) && blocks_ear(n, a, b, c)) return false;
            }
        }
    }
    return true;
}

// A vertex sitting exactly on a corner of the ear is a twin of that corner (bridge ends,
// rings touching at a point). It matters if one of its edges heads into the ear, or if its
// two edges lie along both sides of the corner: the ring then runs over those sides a second
// time in reverse, a zero-width corridor (left behind by ears clipped on both sides of a
// path between touching points) whose sides are both exterior, so the ear would cover
// area already triangulated.
bool EarClipper::blocks_ear(std::uint32_t r, const Vec2& a, const Vec2& b, const Vec2& c) const {
    const Vec2& q = p(r);
    if (q == a) return twin_blocks_corner(r, a, b, c);
    if (q == b) return twin_blocks_corner(r, b, c, a);
    if (q == c) return twin_blocks_corner(r, c, a, b);
    return true;
}

// Corner k of a counter-clockwise triangle (k, k1, k2) spans from k->k1 to k->k2.
bool EarClipper::twin_blocks_corner(std::uint32_t r, const Vec2& k, const Vec2& k1,
                                    const Vec2& k2) const {
    const Vec2 u1 = sub(k1, k), u2 = sub(k2, k);
    const Vec2 d_in = sub(p(prev(r)), k), d_out = sub(p(next(r)), k);
    if (strictly_between(u1, d_in, u2) || strictly_between(u1, d_out, u2)) return true;
    return (same_direction(d_in, u1) && same_direction(d_out, u2)) ||
           (same_direction(d_in, u2) && same_direction(d_out, u1));
}

// Also removes the corners that v's removal flattens (a clipped lobe leaves a spike, a
// collapsing spike leaves another). Letting a zero-area corner survive is not harmless:
// next to a spike, a triangle can pass every ear test yet cover area that the ring has
// already traced back over. Returns the node following the removed run.
std::uint32_t EarClipper::remove(std::uint32_t v, std::uint32_t& remaining) {
    std::uint32_t a = prev(v), c = next(v);
    drop(v, remaining);
    while (remaining >= 3) {
        if (turn(a) == 0.0) {
            const std::uint32_t before = prev(a);
            drop(a, remaining);
            a = before;
        } else if (turn(c) == 0.0) {
            const std::uint32_t after = next(c);
            drop(c, remaining);
            c = after;
        } else {
            break;
        }
    }
    refresh(a);
    refresh(c);
    return c;
}

void EarClipper::drop(std::uint32_t v, std::uint32_t& remaining) {
    if (nodes_[v].slot != kNone) grid_remove(v);
    nodes_[v].queue_pos = kNone;
    unlink(v);
    --remaining;
}

void EarClipper::emit(std::uint32_t a, std::uint32_t b, std::uint32_t c) {
    out_.push_back(nodes_[a].index);
    out_.push_back(nodes_[b].index);
    out_.push_back(nodes_[c].index);
}

// No valid ear exists, so the ring crosses itself (or is otherwise broken). Progress
// matters more than fidelity here: clip the first convex corner, whose triangle at least
// has the right orientation, or else drop a vertex outright.
std::uint32_t EarClipper::fallback(std::uint32_t v, std::uint32_t& remaining) {
    ok_ = false;
    std::uint32_t u = v;
    do {
        if (turn(u) > 0) {
            emit(prev(u), u, next(u));
            return remove(u, remaining);
        }
        u = next(u);
    } while (u != v);
    return remove(v, remaining);
}

}  // namespace

bool triangulate_ear_clipping(const std::vector<RingView>& rings, std::uint32_t index_base,
                              std::vector<std::uint32_t>& out) {
    thread_local Workspace workspace;
    EarClipper clipper(workspace, out);
    return clipper.run(rings, index_base);
}

}  // namespace mirador::geo
