#pragma once
// Incidents that share one exact position: events geocoded to the same municipality's
// representative point, UCDP's state-level events at a state's centroid, several reports of
// one place. Drawn one on top of another they look like a single incident, so the map draws
// one marker per stack with its count, and the tooltip lists them.
//
// Found by hashing each position: a bitmap of hash buckets picks the few points that may share
// theirs, and only those are sorted (see PointStacks.cpp). The positions are read in order;
// sorting each cell of the picking grid read them in random order, a cache miss each.
#include <cstdint>
#include <span>
#include <utility>
#include <vector>

#include "mirador/geo/Vec2.hpp"

namespace mirador::geo {

class PointStacks {
public:
    PointStacks() = default;
    // The groups of two or more exactly equal points among `points` (NaN points are in none).
    explicit PointStacks(std::span<const Vec2> points);

    std::size_t size() const { return first_.empty() ? 0 : first_.size() - 1; }
    // Stack s's points, ascending.
    std::span<const std::uint32_t> members(std::size_t s) const {
        return {members_.data() + first_[s], members_.data() + first_[s + 1]};
    }
    // The stack point i is in, or -1 when no other point is where it is.
    long stack_of(std::size_t i) const;
    // (point, stack) for every stacked point with index in [from, to), ascending: a time
    // window's index range of the store finds its stacked incidents without a scan.
    std::span<const std::pair<std::uint32_t, std::uint32_t>> members_between(std::size_t from, std::size_t to) const;
    // All stacked points, ascending.
    std::span<const std::pair<std::uint32_t, std::uint32_t>> stacked() const { return by_point_; }

private:
    std::vector<std::uint32_t> first_;    // stack s holds members_[first_[s], first_[s + 1])
    std::vector<std::uint32_t> members_;
    std::vector<std::pair<std::uint32_t, std::uint32_t>> by_point_;  // (point, stack), by point
};

}  // namespace mirador::geo
