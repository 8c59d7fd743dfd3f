#include "mirador/stats/SpatialWeights.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>

namespace mirador::stats {

std::vector<std::uint32_t> SpatialWeights::islands() const {
    std::vector<std::uint32_t> out;
    for (std::size_t i = 0; i < size(); ++i) {
        std::uint32_t others = 0;
        for (const auto j : row(i)) others += j != i;
        if (others == 0) out.push_back(static_cast<std::uint32_t>(i));
    }
    return out;
}

SpatialWeights weights_from_lists(const std::vector<std::vector<std::uint32_t>>& lists) {
    SpatialWeights w;
    w.first.reserve(lists.size() + 1);
    for (const auto& l : lists) {
        w.neighbours.insert(w.neighbours.end(), l.begin(), l.end());
        w.first.push_back(static_cast<std::uint32_t>(w.neighbours.size()));
    }
    w.weights.assign(w.neighbours.size(), 1.0);
    return w;
}

SpatialWeights contiguity_weights(const geo::PolygonLayer& layer, Contiguity rule, double snap) {
    // poly2nb compares every vertex of one feature with every vertex of the other and counts
    // the pairs within the snap distance: one pair makes queen neighbours, two rook. We count
    // distinct shared points instead of vertex pairs, so that a point that is written twice (a
    // ring's closing vertex, or a self-touching ring that our loader split into two rings at
    // that point) stays one point; on 00mun.shp this gives spdep's rook links exactly, where
    // counting pairs on our repaired rings would add Jilotzingo - Nicolás Romero (one shared
    // corner). A sweep over the vertices sorted by x finds the pairs without comparing distant
    // features.
    // The sweep order is an array of vertex numbers rather than a copy of the points: this runs
    // in every `mirador hotspots`, where a 3 MB copy and a pair list that regrows cost more in page
    // faults than the sort itself.
    const std::vector<geo::Vec2>& p = layer.vertices;
    std::vector<std::uint32_t> feature_of(p.size()), order;
    order.reserve(p.size());
    for (std::size_t f = 0; f < layer.feature_count(); ++f)
        for (auto k = layer.feature_vertex_begin(f); k < layer.feature_vertex_end(f); ++k) {
            feature_of[k] = static_cast<std::uint32_t>(f);
            order.push_back(static_cast<std::uint32_t>(k));
        }
    std::sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) {
        return p[a].x < p[b].x || (p[a].x == p[b].x && p[a].y < p[b].y);
    });

    // A pair of features within snap at sweep position `at` (the lower of the two vertices).
    // Positions follow (x, y), so sorting by (pair, position) groups a pair's equal points.
    struct Shared {
        std::uint64_t pair;  // low feature << 32 | high feature
        std::uint32_t at;
        bool operator<(const Shared& o) const { return pair != o.pair ? pair < o.pair : at < o.at; }
    };
    std::vector<Shared> shared;
    shared.reserve(order.size());
    for (std::size_t i = 0; i < order.size(); ++i) {
        const geo::Vec2 a = p[order[i]];
        const std::uint32_t fa = feature_of[order[i]];
        for (std::size_t j = i + 1; j < order.size() && p[order[j]].x - a.x <= snap; ++j) {
            const std::uint32_t fb = feature_of[order[j]];
            if (fb == fa) continue;
            const double dx = a.x - p[order[j]].x, dy = a.y - p[order[j]].y;
            if (std::fabs(dy) > snap || std::hypot(dx, dy) > snap) continue;
            const std::uint64_t lo = std::min(fa, fb), hi = std::max(fa, fb);
            shared.push_back({lo << 32 | hi, static_cast<std::uint32_t>(i)});
        }
    }
    std::sort(shared.begin(), shared.end());
    auto point = [&](const Shared& s) { return p[order[s.at]]; };
    const std::size_t needed = rule == Contiguity::Queen ? 1 : 2;
    std::vector<std::vector<std::uint32_t>> lists(layer.feature_count());
    for (std::size_t i = 0; i < shared.size();) {
        std::size_t j = i, points = 0;
        for (; j < shared.size() && shared[j].pair == shared[i].pair; ++j)
            points += j == i || !(point(shared[j]) == point(shared[j - 1]));
        if (points >= needed) {
            const auto a = static_cast<std::uint32_t>(shared[i].pair >> 32), b = static_cast<std::uint32_t>(shared[i].pair);
            lists[a].push_back(b);
            lists[b].push_back(a);
        }
        i = j;
    }
    for (auto& l : lists) std::sort(l.begin(), l.end());
    return weights_from_lists(lists);
}

namespace {

// Centres bucketed in square cells of about two points each, for the k-nearest and the
// distance-band searches (an n x n scan is 6 million distances for municipalities but 10^10
// for a fine hexagon grid).
struct CentreGrid {
    double x0 = 0, y0 = 0, cell = 1;
    long nx = 1, ny = 1;
    std::vector<std::uint32_t> first, order;

    explicit CentreGrid(std::span<const geo::Vec2> c, double min_cell = 0) {
        geo::BBox b;
        for (const auto& p : c) b.add(p);
        if (c.empty()) b = geo::BBox{0, 0, 1, 1};
        const double area = std::max(b.width() * b.height(), 1.0);
        cell = std::max({std::sqrt(2.0 * area / std::max<std::size_t>(c.size(), 1)), min_cell, 1e-9});
        x0 = b.min_x;
        y0 = b.min_y;
        nx = static_cast<long>(b.width() / cell) + 1;
        ny = static_cast<long>(b.height() / cell) + 1;
        first.assign(static_cast<std::size_t>(nx * ny) + 1, 0);
        std::vector<std::size_t> cell_of(c.size());
        for (std::size_t i = 0; i < c.size(); ++i) ++first[(cell_of[i] = index(c[i])) + 1];
        for (std::size_t k = 1; k < first.size(); ++k) first[k] += first[k - 1];
        order.resize(c.size());
        auto fill = first;
        for (std::size_t i = 0; i < c.size(); ++i) order[fill[cell_of[i]]++] = static_cast<std::uint32_t>(i);
    }
    long cx(double x) const { return std::clamp(static_cast<long>((x - x0) / cell), 0L, nx - 1); }
    long cy(double y) const { return std::clamp(static_cast<long>((y - y0) / cell), 0L, ny - 1); }
    std::size_t index(geo::Vec2 p) const { return static_cast<std::size_t>(cy(p.y) * nx + cx(p.x)); }
    template <typename F>
    void visit(long x, long y, F&& f) const {
        if (x < 0 || y < 0 || x >= nx || y >= ny) return;
        const auto c = static_cast<std::size_t>(y * nx + x);
        for (auto k = first[c]; k < first[c + 1]; ++k) f(order[k]);
    }
};

double distance(geo::Vec2 a, geo::Vec2 b) { return std::hypot(a.x - b.x, a.y - b.y); }

}  // namespace

SpatialWeights knn_weights(std::span<const geo::Vec2> centres, unsigned k) {
    const CentreGrid grid(centres);
    const std::size_t n = centres.size();
    const std::size_t want = std::min<std::size_t>(k, n ? n - 1 : 0);
    std::vector<std::vector<std::uint32_t>> lists(n);
    std::vector<std::pair<double, std::uint32_t>> found;
    for (std::size_t i = 0; i < n; ++i) {
        found.clear();
        const long cx = grid.cx(centres[i].x), cy = grid.cy(centres[i].y);
        for (long ring = 0;; ++ring) {
            auto take = [&](std::uint32_t j) {
                if (j != i) found.push_back({distance(centres[i], centres[j]), j});
            };
            for (long x = cx - ring; x <= cx + ring; ++x) {
                grid.visit(x, cy - ring, take);
                if (ring) grid.visit(x, cy + ring, take);
            }
            for (long y = cy - ring + 1; y <= cy + ring - 1; ++y) {
                grid.visit(cx - ring, y, take);
                grid.visit(cx + ring, y, take);
            }
            // Every point outside the rings seen so far is at least `ring * cell` away.
            if (found.size() >= want) {
                std::nth_element(found.begin(), found.begin() + static_cast<long>(want) - (want > 0), found.end());
                if (want == 0 || found[want - 1].first <= static_cast<double>(ring) * grid.cell) break;
            }
            if (ring > grid.nx + grid.ny) break;
        }
        std::sort(found.begin(), found.end());
        for (std::size_t m = 0; m < want && m < found.size(); ++m) lists[i].push_back(found[m].second);
        std::sort(lists[i].begin(), lists[i].end());
    }
    return weights_from_lists(lists);
}

SpatialWeights distance_band_weights(std::span<const geo::Vec2> centres, double band) {
    const CentreGrid grid(centres, band);
    const std::size_t n = centres.size();
    std::vector<std::vector<std::uint32_t>> lists(n);
    for (std::size_t i = 0; i < n; ++i) {
        const long cx = grid.cx(centres[i].x), cy = grid.cy(centres[i].y);
        const long reach = static_cast<long>(std::ceil(band / grid.cell));
        for (long y = cy - reach; y <= cy + reach; ++y)
            for (long x = cx - reach; x <= cx + reach; ++x)
                grid.visit(x, y, [&](std::uint32_t j) {
                    if (j != i && distance(centres[i], centres[j]) <= band) lists[i].push_back(j);
                });
        std::sort(lists[i].begin(), lists[i].end());
    }
    return weights_from_lists(lists);
}

SpatialWeights row_standardise(const SpatialWeights& w) {
    SpatialWeights r = w;
    r.row_standardised = true;
    for (std::size_t i = 0; i < r.size(); ++i) {
        double sum = 0;
        for (auto k = r.first[i]; k < r.first[i + 1]; ++k) sum += r.weights[k];
        if (sum == 0) continue;  // an island: nothing to divide
        for (auto k = r.first[i]; k < r.first[i + 1]; ++k) r.weights[k] /= sum;
    }
    return r;
}

SpatialWeights include_self(const SpatialWeights& w) {
    std::vector<std::vector<std::uint32_t>> lists(w.size());
    for (std::size_t i = 0; i < w.size(); ++i) {
        const auto row = w.row(i);
        lists[i].assign(row.begin(), row.end());
        if (!std::binary_search(row.begin(), row.end(), static_cast<std::uint32_t>(i)))
            lists[i].insert(std::upper_bound(lists[i].begin(), lists[i].end(), static_cast<std::uint32_t>(i)),
                            static_cast<std::uint32_t>(i));
    }
    SpatialWeights s = weights_from_lists(lists);
    s.self_included = true;
    return s;
}

std::string NeighbourRule::text() const {
    switch (kind) {
    case Kind::Queen: return "queen";
    case Kind::Rook: return "rook";
    case Kind::Knn: return "knn:" + std::to_string(k);
    case Kind::Distance: {
        char buf[48];
        std::snprintf(buf, sizeof buf, "distance:%g", distance_km);
        return buf;
    }
    }
    return "queen";
}

bool parse_neighbour_rule(const std::string& text, NeighbourRule& out, std::string& error) {
    if (text == "queen" || text == "rook") {
        out.kind = text == "queen" ? NeighbourRule::Kind::Queen : NeighbourRule::Kind::Rook;
        return true;
    }
    const auto colon = text.find(':');
    const std::string head = text.substr(0, colon), tail = colon == std::string::npos ? "" : text.substr(colon + 1);
    char* end = nullptr;
    const double value = std::strtod(tail.c_str(), &end);
    const bool number = !tail.empty() && end && *end == '\0' && std::isfinite(value) && value > 0;
    if (head == "knn" && number && value == std::floor(value) && value <= 1000) {
        out.kind = NeighbourRule::Kind::Knn;
        out.k = static_cast<unsigned>(value);
        return true;
    }
    if (head == "distance" && number) {
        out.kind = NeighbourRule::Kind::Distance;
        out.distance_km = value;
        return true;
    }
    error = "neighbours are queen, rook, knn:K (K a whole number from 1 to 1000) or distance:KM (KM > 0), not '" +
            text + "'";
    return false;
}

SpatialWeights build_weights(const NeighbourRule& rule, const geo::PolygonLayer& layer,
                             std::span<const geo::Vec2> centres) {
    switch (rule.kind) {
    case NeighbourRule::Kind::Queen: return contiguity_weights(layer, Contiguity::Queen);
    case NeighbourRule::Kind::Rook: return contiguity_weights(layer, Contiguity::Rook);
    case NeighbourRule::Kind::Knn: return knn_weights(centres, rule.k);
    case NeighbourRule::Kind::Distance: return distance_band_weights(centres, rule.distance_km * 1000.0);
    }
    return {};
}

}  // namespace mirador::stats
