#include "mirador/geo/PointStacks.hpp"

#include <algorithm>
#include <bit>
#include <cmath>

namespace mirador::geo {

namespace {

// A well-mixed hash of a position (splitmix64's finaliser over both coordinates' bits; -0 and
// +0 are one position).
std::uint64_t position_hash(Vec2 p) {
    const std::uint64_t x = p.x == 0 ? 0 : std::bit_cast<std::uint64_t>(p.x);
    const std::uint64_t y = p.y == 0 ? 0 : std::bit_cast<std::uint64_t>(p.y);
    std::uint64_t z = x ^ std::rotl(y, 29) ^ 0x9E3779B97F4A7C15ull;
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

bool same(Vec2 a, Vec2 b) { return a.x == b.x && a.y == b.y; }

// Sorts `words` on their high 32 bits, stably, by three LSD radix passes of 11 bits (2,048
// buckets keep the scattered writes in the cache), the three digits counted in one pass.
void sort_on_high_half(std::vector<std::uint64_t>& words) {
    std::vector<std::uint64_t> tmp(words.size());
    constexpr int kShift[3] = {32, 43, 54};
    std::vector<std::uint32_t> count(3 * 2049, 0);
    for (const std::uint64_t w : words)
        for (int p = 0; p < 3; ++p) ++count[static_cast<std::size_t>(p) * 2049 + ((w >> kShift[p]) & 0x7FF) + 1];
    for (int p = 0; p < 3; ++p) {
        std::uint32_t* c = count.data() + static_cast<std::size_t>(p) * 2049;
        for (std::size_t d = 1; d < 2049; ++d) c[d] += c[d - 1];
        for (const std::uint64_t w : words) tmp[c[(w >> kShift[p]) & 0x7FF]++] = w;
        words.swap(tmp);
    }
}

}  // namespace

PointStacks::PointStacks(std::span<const Vec2> points) {
    first_.push_back(0);
    // Most points share their position with none, and touching fresh memory is what costs here
    // (a page fault per 4 KB: 16 bytes a point took 0.1 s at a million). So a first pass marks,
    // in a bitmap of 8 bits a point, the hash buckets hit twice; only the points in those
    // buckets (their own, and about one in eight others) are sorted by hash.
    const std::size_t bits = std::bit_ceil(std::max<std::size_t>(64, 8 * points.size()));
    std::vector<std::uint64_t> seen(bits / 64, 0), twice(bits / 64, 0);
    auto placed = [&](std::size_t i) { return std::isfinite(points[i].x) && std::isfinite(points[i].y); };
    for (std::size_t i = 0; i < points.size(); ++i) {
        if (!placed(i)) continue;
        const std::uint64_t b = position_hash(points[i]) & (bits - 1), bit = std::uint64_t{1} << (b & 63);
        if (seen[b >> 6] & bit) twice[b >> 6] |= bit;
        seen[b >> 6] |= bit;
    }
    // (hash's high 32 bits << 32 | index) for the candidates, sorted on the hash: equal hashes
    // keep their indices ascending.
    std::vector<std::uint64_t> words;
    for (std::size_t i = 0; i < points.size(); ++i) {
        if (!placed(i)) continue;
        const std::uint64_t h = position_hash(points[i]), b = h & (bits - 1);
        if (twice[b >> 6] >> (b & 63) & 1) words.push_back((h >> 32) << 32 | i);
    }
    sort_on_high_half(words);
    std::vector<std::uint64_t> stacked;  // (point << 32 | stack), sorted into by_point_ at the end
    // A run of equal hashes is one position but for a rare collision: its points are split by
    // position (kept in index order within each).
    std::vector<std::uint32_t> run;
    for (std::size_t k = 0; k < words.size();) {
        std::size_t end = k + 1;
        while (end < words.size() && (words[end] >> 32) == (words[k] >> 32)) ++end;
        if (end - k >= 2) {
            run.clear();
            for (std::size_t m = k; m < end; ++m) run.push_back(static_cast<std::uint32_t>(words[m]));
            const bool one_position = std::all_of(run.begin(), run.end(), [&](std::uint32_t i) {
                return same(points[i], points[run.front()]);
            });
            if (!one_position)
                std::stable_sort(run.begin(), run.end(), [&](std::uint32_t a, std::uint32_t b) {
                    return points[a].x != points[b].x ? points[a].x < points[b].x : points[a].y < points[b].y;
                });
            for (std::size_t a = 0; a < run.size();) {
                std::size_t b = a + 1;
                while (b < run.size() && same(points[run[b]], points[run[a]])) ++b;
                if (b - a >= 2) {
                    const auto stack = static_cast<std::uint32_t>(first_.size() - 1);
                    for (std::size_t m = a; m < b; ++m) {
                        members_.push_back(run[m]);
                        stacked.push_back(std::uint64_t{run[m]} << 32 | stack);
                    }
                    first_.push_back(static_cast<std::uint32_t>(members_.size()));
                }
                a = b;
            }
        }
        k = end;
    }
    sort_on_high_half(stacked);
    by_point_.reserve(stacked.size());
    for (const std::uint64_t w : stacked)
        by_point_.emplace_back(static_cast<std::uint32_t>(w >> 32), static_cast<std::uint32_t>(w));
}

long PointStacks::stack_of(std::size_t i) const {
    const auto it = std::lower_bound(by_point_.begin(), by_point_.end(), std::pair<std::uint32_t, std::uint32_t>(
                                                                              static_cast<std::uint32_t>(i), 0));
    return it != by_point_.end() && it->first == i ? long(it->second) : -1;
}

std::span<const std::pair<std::uint32_t, std::uint32_t>> PointStacks::members_between(std::size_t from,
                                                                                       std::size_t to) const {
    auto at = [&](std::size_t i) {
        return std::lower_bound(by_point_.begin(), by_point_.end(), i,
                                [](const auto& e, std::size_t k) { return e.first < k; });
    };
    const auto a = at(from), b = at(to);
    return {by_point_.data() + (a - by_point_.begin()), static_cast<std::size_t>(b - a)};
}

}  // namespace mirador::geo
