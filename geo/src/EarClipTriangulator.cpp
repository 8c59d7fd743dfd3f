#include "mirador/geo/EarClipTriangulator.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

// Outline of the method:
//  1. Each ring becomes a circular doubly linked list of nodes (indices into one vector, so
//     no per-vertex allocation); the outer ring is made counter-clockwise, holes clockwise,
//     which keeps the polygon interior on the left of every edge.
//  2. Holes are joined to the outer ring by a pair of coincident "bridge" edges (Eberly's
//     construction), giving one weakly simple ring.
//  3. Ears are clipped from that ring. Only non-convex vertices can make a convex ear
//     invalid, so those alone are kept in a uniform grid; clipping never turns a convex
//     vertex reflex, so the grid mostly shrinks as the work proceeds.

namespace mirador::geo {
namespace {

constexpr std::uint32_t kNone = std::numeric_limits<std::uint32_t>::max();

// Average number of non-convex vertices per grid cell. Around one keeps typical ear
// queries to a handful of cells and points; fewer cells make large ears cheaper but small
// ones dearer.
constexpr double kReflexPerCell = 1.0;

double cross(const Vec2& u, const Vec2& v) { return u.x * v.y - u.y * v.x; }
Vec2 sub(const Vec2& a, const Vec2& b) { return {a.x - b.x, a.y - b.y}; }

// Boundary points count as inside: a vertex on a candidate diagonal makes it unsafe too.
bool in_closed_ccw_triangle(const Vec2& a, const Vec2& b, const Vec2& c, const Vec2& p) {
    return orient2d(a, b, p) >= 0 && orient2d(b, c, p) >= 0 && orient2d(c, a, p) >= 0;
}

bool in_closed_triangle(const Vec2& a, const Vec2& b, const Vec2& c, const Vec2& p) {
    const double o = orient2d(a, b, c);
    if (o > 0) return in_closed_ccw_triangle(a, b, c, p);
    if (o < 0) return in_closed_ccw_triangle(a, c, b, p);
    return false;
}

// Direction d lies strictly between u1 and u2, sweeping counter-clockwise from u1; used
// for wedges narrower than a half turn.
bool strictly_between(const Vec2& u1, const Vec2& d, const Vec2& u2) {
    return cross(u1, d) > 0 && cross(d, u2) > 0;
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

struct Node {
    Vec2 p;
    std::uint32_t index;      // output index, index_base already added
    std::uint32_t prev;       // ring links
    std::uint32_t next;
    std::uint32_t cell_prev;  // grid cell list links, meaningful while in_grid
    std::uint32_t cell_next;
    std::uint32_t cell;
    bool in_grid;
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
    std::vector<std::uint32_t> cell_head;
    std::vector<Hole> holes;
};

class EarClipper {
public:
    EarClipper(Workspace& ws, std::vector<std::uint32_t>& out)
        : nodes_(ws.nodes), cell_head_(ws.cell_head), holes_(ws.holes), out_(out) {}

    bool run(const std::vector<RingView>& rings, std::uint32_t index_base);

private:
    // --- ring construction -------------------------------------------------------------
    Ring add_ring(const RingView& ring, std::uint32_t first_index, bool counter_clockwise);
    Ring drop_degenerate(Ring ring);
    void unlink(std::uint32_t v);

    // --- hole bridging -----------------------------------------------------------------
    std::uint32_t merge_holes(const Ring& outer);
    std::uint32_t rightmost(const Ring& ring) const;
    std::uint32_t bridge_target(std::uint32_t outer, std::uint32_t m) const;
    Vec2 visible_vertex(std::uint32_t outer, const Vec2& m, std::uint32_t edge, double hit_x) const;
    std::uint32_t node_at(std::uint32_t outer, const Vec2& pos, const Vec2& dir) const;
    Vec2 hole_corner_direction(std::uint32_t m) const;
    bool wedge_contains(std::uint32_t v, const Vec2& d) const;
    void splice(std::uint32_t target, std::uint32_t m);
    std::uint32_t clone(std::uint32_t v);

    // --- grid of non-convex vertices ---------------------------------------------------
    void build_grid(const Ring& ring);
    std::uint32_t cell_x(double x) const;
    std::uint32_t cell_y(double y) const;
    void grid_insert(std::uint32_t v);
    void grid_remove(std::uint32_t v);
    void refresh(std::uint32_t v);

    // --- clipping ----------------------------------------------------------------------
    void clip(Ring ring);
    bool is_ear(std::uint32_t v) const;
    bool blocks_ear(std::uint32_t r, const Vec2& a, const Vec2& b, const Vec2& c) const;
    bool edge_enters_corner(std::uint32_t r, const Vec2& k, const Vec2& k1, const Vec2& k2) const;
    std::uint32_t remove(std::uint32_t v, std::uint32_t& remaining);
    void drop(std::uint32_t v, std::uint32_t& remaining);
    void emit(std::uint32_t a, std::uint32_t b, std::uint32_t c);
    std::uint32_t fallback(std::uint32_t v, std::uint32_t& remaining);

    const Vec2& p(std::uint32_t v) const { return nodes_[v].p; }
    std::uint32_t prev(std::uint32_t v) const { return nodes_[v].prev; }
    std::uint32_t next(std::uint32_t v) const { return nodes_[v].next; }
    double turn(std::uint32_t v) const { return orient2d(p(prev(v)), p(v), p(next(v))); }

    std::vector<Node>& nodes_;
    std::vector<std::uint32_t>& cell_head_;
    std::vector<Hole>& holes_;
    std::vector<std::uint32_t>& out_;
    bool ok_ = true;

    double min_x_ = 0, min_y_ = 0, inv_cell_w_ = 0, inv_cell_h_ = 0;
    std::uint32_t nx_ = 1, ny_ = 1;
};

bool EarClipper::run(const std::vector<RingView>& rings, std::uint32_t index_base) {
    if (rings.empty()) return true;
    std::size_t total = 0;
    for (const RingView& r : rings) total += r.size;
    nodes_.clear();
    nodes_.reserve(total + 2 * rings.size());  // two bridge clones per hole
    holes_.clear();

    Ring outer = add_ring(rings[0], index_base, true);
    if (outer.start == kNone) return true;  // nothing with area left to triangulate
    std::uint32_t offset = index_base + rings[0].size;
    for (std::size_t i = 1; i < rings.size(); ++i) {
        const Ring hole = add_ring(rings[i], offset, false);
        offset += rings[i].size;
        if (hole.start != kNone) holes_.push_back({rightmost(hole), hole});
    }
    outer.count += merge_holes(outer);
    outer = drop_degenerate(outer);  // bridges to touching points add zero-length edges
    if (outer.start == kNone) return ok_;
    build_grid(outer);
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
        node.in_grid = false;
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
    // Rightmost holes first: a hole's ray may then cross only holes already merged, whose
    // edges the bridge search sees as part of the outer ring.
    std::sort(holes_.begin(), holes_.end(), [this](const Hole& a, const Hole& b) {
        return p(a.rightmost).x > p(b.rightmost).x;
    });
    std::uint32_t added = 0;
    for (const Hole& hole : holes_) {
        const std::uint32_t target = bridge_target(outer.start, hole.rightmost);
        if (target == kNone) {  // hole not inside the outer ring: leave it out
            ok_ = false;
            continue;
        }
        splice(target, hole.rightmost);
        added += hole.ring.count + 2;
    }
    return added;
}

// Finds an outer vertex that hole vertex m (its rightmost) can see: cast a ray towards +x,
// take the nearest edge it hits, then correct for reflex vertices hiding that edge's end.
std::uint32_t EarClipper::bridge_target(std::uint32_t outer, std::uint32_t m) const {
    const Vec2 mp = p(m);
    double hit_x = std::numeric_limits<double>::infinity();
    std::uint32_t hit_edge = kNone;
    std::uint32_t u = outer;
    do {
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
        u = next(u);
    } while (u != outer);
    if (hit_edge == kNone) return kNone;

    const Vec2 target = visible_vertex(outer, mp, hit_edge, hit_x);
    const Vec2 dir = target == mp ? hole_corner_direction(m) : sub(mp, target);
    return node_at(outer, target, dir);
}

Vec2 EarClipper::visible_vertex(std::uint32_t outer, const Vec2& m, std::uint32_t edge,
                                double hit_x) const {
    const Vec2& a = p(edge);
    const Vec2& b = p(next(edge));
    const Vec2 hit{hit_x, m.y};
    if (hit == a || hit == b) return hit;  // the ray runs straight into a vertex
    Vec2 best = a.x > b.x ? a : b;
    if (hit == m) return best;  // m lies on the edge; nothing can sit in between

    // Anything inside triangle (m, hit, best) that could hide `best` is a reflex vertex;
    // of those, the one at the smallest angle to the ray is visible from m (ties: nearest).
    std::uint32_t u = outer;
    do {
        const Vec2& r = p(u);
        if (r != best && turn(u) <= 0 && in_closed_triangle(m, hit, best, r)) {
            const double dx = r.x - m.x, dy = std::fabs(r.y - m.y);
            const double bdx = best.x - m.x, bdy = std::fabs(best.y - m.y);
            const double lhs = dy * bdx, rhs = bdy * dx;
            if (lhs < rhs || (lhs == rhs && dx < bdx)) best = r;
        }
        u = next(u);
    } while (u != outer);
    return best;
}

// Several nodes can share a position (earlier bridges, rings touching at a point); the
// bridge must leave from the one whose interior wedge faces the hole, or it would cut
// through a neighbouring part of the polygon.
std::uint32_t EarClipper::node_at(std::uint32_t outer, const Vec2& pos, const Vec2& dir) const {
    std::uint32_t first_match = kNone;
    std::uint32_t u = outer;
    do {
        if (p(u) == pos) {
            if (wedge_contains(u, dir)) return u;
            if (first_match == kNone) first_match = u;
        }
        u = next(u);
    } while (u != outer);
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

// target -> m -> (around the hole) -> m' -> target' -> old successor of target.
void EarClipper::splice(std::uint32_t target, std::uint32_t m) {
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
}

std::uint32_t EarClipper::clone(std::uint32_t v) {
    const auto id = static_cast<std::uint32_t>(nodes_.size());
    Node copy = nodes_[v];  // by value: push_back may reallocate
    nodes_.push_back(copy);
    return id;
}

// ---------------------------------------------------------------------------------------
// Grid of non-convex vertices

void EarClipper::build_grid(const Ring& ring) {
    double max_x = -std::numeric_limits<double>::infinity(), max_y = max_x;
    min_x_ = std::numeric_limits<double>::infinity();
    min_y_ = min_x_;
    std::uint32_t reflex = 0;
    std::uint32_t v = ring.start;
    do {
        const Vec2& q = p(v);
        min_x_ = std::min(min_x_, q.x);
        min_y_ = std::min(min_y_, q.y);
        max_x = std::max(max_x, q.x);
        max_y = std::max(max_y, q.y);
        reflex += turn(v) <= 0 ? 1 : 0;
        v = next(v);
    } while (v != ring.start);

    const double w = max_x - min_x_, h = max_y - min_y_;
    const double cells = std::max(1.0, reflex / kReflexPerCell);
    nx_ = ny_ = 1;
    if (w > 0 && h > 0) {
        const double side = std::sqrt(w * h / cells);
        nx_ = static_cast<std::uint32_t>(std::clamp(std::ceil(w / side), 1.0, cells));
        ny_ = static_cast<std::uint32_t>(std::clamp(std::ceil(h / side), 1.0, cells));
    }
    inv_cell_w_ = w > 0 ? nx_ / w : 0.0;
    inv_cell_h_ = h > 0 ? ny_ / h : 0.0;
    cell_head_.assign(static_cast<std::size_t>(nx_) * ny_, kNone);

    v = ring.start;
    do {
        nodes_[v].in_grid = false;
        if (turn(v) <= 0) grid_insert(v);
        v = next(v);
    } while (v != ring.start);
}

std::uint32_t EarClipper::cell_x(double x) const {
    const double t = (x - min_x_) * inv_cell_w_;
    if (!(t >= 0)) return 0;  // also catches NaN
    return std::min(static_cast<std::uint32_t>(std::min(t, 4e9)), nx_ - 1);
}

std::uint32_t EarClipper::cell_y(double y) const {
    const double t = (y - min_y_) * inv_cell_h_;
    if (!(t >= 0)) return 0;
    return std::min(static_cast<std::uint32_t>(std::min(t, 4e9)), ny_ - 1);
}

void EarClipper::grid_insert(std::uint32_t v) {
    Node& n = nodes_[v];
    n.cell = cell_y(n.p.y) * nx_ + cell_x(n.p.x);
    n.cell_prev = kNone;
    n.cell_next = cell_head_[n.cell];
    if (n.cell_next != kNone) nodes_[n.cell_next].cell_prev = v;
    cell_head_[n.cell] = v;
    n.in_grid = true;
}

void EarClipper::grid_remove(std::uint32_t v) {
    Node& n = nodes_[v];
    if (n.cell_prev != kNone) nodes_[n.cell_prev].cell_next = n.cell_next;
    else cell_head_[n.cell] = n.cell_next;
    if (n.cell_next != kNone) nodes_[n.cell_next].cell_prev = n.cell_prev;
    n.in_grid = false;
}

// Clipping an ear only narrows its neighbours' corners, but removing a spike can widen
// one, so membership is re-evaluated both ways.
void EarClipper::refresh(std::uint32_t v) {
    const bool non_convex = turn(v) <= 0;
    if (non_convex && !nodes_[v].in_grid) grid_insert(v);
    else if (!non_convex && nodes_[v].in_grid) grid_remove(v);
}

// ---------------------------------------------------------------------------------------
// Clipping

void EarClipper::clip(Ring ring) {
    std::uint32_t remaining = ring.count;
    std::uint32_t v = ring.start;
    std::uint32_t stalled = 0;  // vertices visited since the last removal
    while (remaining > 3) {
        if (stalled >= remaining) {  // a full lap without an ear: input is not simple
            v = fallback(v, remaining);
            stalled = 0;
            continue;
        }
        const std::uint32_t a = prev(v), c = next(v);
        const double t = turn(v);
        if (t == 0.0) {  // zero-area corner: dropping it loses no area
            v = remove(v, remaining);
            stalled = 0;
        } else if (t > 0 && is_ear(v)) {
            emit(a, v, c);
            v = next(remove(v, remaining));  // skipping c avoids fanning slivers around a
            stalled = 0;
        } else {
            v = c;
            ++stalled;
        }
    }
    if (remaining == 3) {
        const double t = turn(v);
        if (t > 0) emit(prev(v), v, next(v));
        else if (t < 0) ok_ = false;
    }
}

bool EarClipper::is_ear(std::uint32_t v) const {
    const std::uint32_t ia = prev(v), ic = next(v);
    const Vec2& a = p(ia);
    const Vec2& b = p(v);
    const Vec2& c = p(ic);
    const double lo_x = std::min({a.x, b.x, c.x}), hi_x = std::max({a.x, b.x, c.x});
    const double lo_y = std::min({a.y, b.y, c.y}), hi_y = std::max({a.y, b.y, c.y});
    const std::uint32_t x0 = cell_x(lo_x), x1 = cell_x(hi_x);
    const std::uint32_t y0 = cell_y(lo_y), y1 = cell_y(hi_y);
    for (std::uint32_t cy = y0; cy <= y1; ++cy) {
        for (std::uint32_t cx = x0; cx <= x1; ++cx) {
            for (std::uint32_t r = cell_head_[cy * nx_ + cx]; r != kNone; r = nodes_[r].cell_next) {
                const Vec2& q = p(r);
                if (q.x < lo_x || q.x > hi_x || q.y < lo_y || q.y > hi_y) continue;
                if (r == ia || r == v || r == ic) continue;
                if (in_closed_ccw_triangle(a, b, c, q) && blocks_ear(r, a, b, c)) return false;
            }
        }
    }
    return true;
}

// A vertex sitting exactly on a corner of the ear is a twin of that corner (bridge ends,
// rings touching at a point). It only matters if one of its edges heads into the ear.
bool EarClipper::blocks_ear(std::uint32_t r, const Vec2& a, const Vec2& b, const Vec2& c) const {
    const Vec2& q = p(r);
    if (q == a) return edge_enters_corner(r, a, b, c);
    if (q == b) return edge_enters_corner(r, b, c, a);
    if (q == c) return edge_enters_corner(r, c, a, b);
    return true;
}

// Corner k of a counter-clockwise triangle (k, k1, k2) spans from k->k1 to k->k2.
bool EarClipper::edge_enters_corner(std::uint32_t r, const Vec2& k, const Vec2& k1,
                                    const Vec2& k2) const {
    const Vec2 u1 = sub(k1, k), u2 = sub(k2, k);
    return strictly_between(u1, sub(p(prev(r)), k), u2) ||
           strictly_between(u1, sub(p(next(r)), k), u2);
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
    if (nodes_[v].in_grid) grid_remove(v);
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
