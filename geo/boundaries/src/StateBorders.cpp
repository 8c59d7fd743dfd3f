#include "mirador/geo/StateBorders.hpp"

#include <bit>
#include <cstring>

namespace mirador::geo {

namespace {

std::uint64_t mix(std::uint64_t h, double v) {
    std::uint64_t bits;
    std::memcpy(&bits, &v, sizeof bits);
    h ^= bits + 0x9E3779B97F4A7C15ull + (h << 6) + (h >> 2);
    h *= 0xFF51AFD7ED558CCDull;
    // Fold the high bits down: snapped coordinates (multiples of 100 m) have all-zero low
    // mantissa bits, and the table is indexed by the low bits of the hash.
    return h ^ (h >> 33);
}

bool less(const Vec2& a, const Vec2& b) { return a.x < b.x || (a.x == b.x && a.y < b.y); }

}  // namespace

BorderEdges classify_borders(const PolygonLayer& layer) {
    const std::size_t nv = layer.vertices.size();
    BorderEdges out;
    std::vector<std::uint32_t> feature_of;
    layer.vertex_topology(out.next, feature_of);

    // Open-addressing table keyed by the undirected edge. Why not std::unordered_map: millions
    // of node allocations cost more than the rest of loading together.
    std::size_t cap = 1;
    while (cap < nv * 2 + 16) cap <<= 1;
    constexpr std::uint32_t kEmpty = 0xFFFFFFFFu;
    std::vector<std::uint32_t> slots(cap, kEmpty);
    std::vector<std::uint8_t> matched(nv, 0);     // 1: matched by a same-state edge, 2: other state
    std::vector<std::uint32_t> partner(nv, kEmpty);

    const auto& V = layer.vertices;
    auto key_points = [&](std::uint32_t e, Vec2& lo, Vec2& hi) {
        lo = V[e];
        hi = V[out.next[e]];
        if (less(hi, lo)) std::swap(lo, hi);
    };
    for (std::uint32_t e = 0; e < nv; ++e) {
        Vec2 lo, hi;
        key_points(e, lo, hi);
        std::uint64_t h = mix(mix(mix(mix(0, lo.x), lo.y), hi.x), hi.y);
        std::size_t s = h & (cap - 1);
        while (true) {
            const std::uint32_t other = slots[s];
            if (other == kEmpty) {
                slots[s] = e;
                break;
            }
            Vec2 olo, ohi;
            key_points(other, olo, ohi);
            if (olo == lo && ohi == hi && partner[other] == kEmpty && feature_of[other] != feature_of[e]) {
                partner[other] = e;
                partner[e] = other;
                const bool same_state =
                    layer.attributes[feature_of[other]].state_code == layer.attributes[feature_of[e]].state_code;
                matched[other] = matched[e] = same_state ? 1 : 2;
                break;
            }
            s = (s + 1) & (cap - 1);
        }
    }

    out.all_edges.reserve(nv / 2 + nv / 4);
    for (std::uint32_t e = 0; e < nv; ++e) {
        if (partner[e] != kEmpty && partner[e] < e) continue;  // drawn with its partner
        out.all_edges.push_back(e);
        if (matched[e] != 1) out.state_edges.push_back(e);
    }
    return out;
}

}  // namespace mirador::geo
