#include <algorithm>
#include <cmath>

#include "DensityBinning.hpp"
#include "mirador/geo/DensityEngine.hpp"

namespace mirador::geo {

namespace {

// The binned grid is kept in fixed point so that adding an incident and later removing it
// leaves exactly what was there: floating-point sums would drift with the order of moves.
constexpr double kFixedOne = 1 << 20;

// Days in `a` and not in `b`: at most two ranges.
int subtract(DayRange a, DayRange b, DayRange out[2]) {
    if (a.empty()) return 0;
    if (b.empty() || b.to < a.from || b.from > a.to) {
        out[0] = a;
        return 1;
    }
    int n = 0;
    if (a.from < b.from) out[n++] = {a.from, b.from - 1};
    if (a.to > b.to) out[n++] = {b.to + 1, a.to};
    return n;
}

}  // namespace

struct SlidingDensity::Impl {
    const DensityPoints* pts;
    DensityEngine engine;
    detail::BinLattice lattice;
    std::vector<std::int64_t> fixed;
    DayRange current;  // empty: nothing binned yet
    std::size_t touched = 0;
    DensityGrid out;

    Impl(const DensityPoints& p, const GridSpec& grid, const KernelSpec& k, int threads)
        : pts(&p), engine(grid, k, threads) {
        const GridSpec& b = engine.binned_grid();
        lattice = {b.x0, b.y0, b.cell, b.nx, b.ny};
        fixed.assign(b.cells(), 0);
    }

    // The one rounding every add and remove goes through (to nearest; weights are never
    // negative, so truncating v + 0.5 is that, without llround's call).
    void add(std::size_t i, double share, std::int64_t sign) {
        const double w = pts->weight[i] * share * kFixedOne;
        lattice.split(pts->x[i], pts->y[i],
                      [&](std::size_t cell, double s) { fixed[cell] += sign * static_cast<std::int64_t>(w * s + 0.5); });
    }

    double share_in(std::size_t i, DayRange w) const {
        if (w.empty()) return 0.0;
        return span_fraction_in(pts->store->day_start()[i], pts->store->day_end()[i], w);
    }

    void rebuild(DayRange w) {
        std::fill(fixed.begin(), fixed.end(), 0);
        touched = 0;
        detail::for_each_in_window(*pts, w, [&](std::size_t i, double) {
            add(i, pts->store ? share_in(i, w) : 1.0, 1);
            ++touched;
        });
    }

    // Only incidents overlapping a day that one window holds and the other does not can have
    // changed share; they lie in the store ranges of those days.
    void slide(DayRange w) {
        DayRange days[4];
        int n = subtract(current, w, days);
        n += subtract(w, current, days + n);
        std::vector<std::pair<std::size_t, std::size_t>> ranges;
        for (int k = 0; k < n; ++k) ranges.push_back(pts->store->range_overlapping(days[k].from, days[k].to));
        std::sort(ranges.begin(), ranges.end());
        std::vector<std::pair<std::size_t, std::size_t>> merged;
        std::size_t candidates = 0;
        for (const auto& r : ranges) {
            if (r.first >= r.second) continue;
            if (!merged.empty() && r.first <= merged.back().second) merged.back().second = std::max(merged.back().second, r.second);
            else merged.push_back(r);
        }
        for (const auto& r : merged) candidates += r.second - r.first;
        // Removing what left costs as much as adding what came; past what the new window itself
        // scans, starting over is cheaper.
        if (candidates > pts->store->scan_overlapping(w.from, w.to).size()) {
            rebuild(w);
            return;
        }
        touched = 0;
        for (const auto& r : merged) {
            for (std::size_t i = r.first; i < r.second; ++i) {
                if (pts->weight[i] == 0.0f || std::isnan(pts->x[i]) || std::isnan(pts->y[i])) continue;
                const double before = share_in(i, current), after = share_in(i, w);
                if (before == after) continue;
                if (before > 0) add(i, before, -1);
                if (after > 0) add(i, after, 1);
                ++touched;
            }
        }
    }
};

SlidingDensity::SlidingDensity(const DensityPoints& pts, const GridSpec& grid, const KernelSpec& k, int threads)
    : impl_(std::make_unique<Impl>(pts, grid, k, threads)) {}

SlidingDensity::~SlidingDensity() = default;

const DensityGrid& SlidingDensity::move_to(DayRange window) {
    Impl& m = *impl_;
    if (window.empty()) {
        std::fill(m.fixed.begin(), m.fixed.end(), 0);
        m.touched = 0;
    } else if (m.pts->store && !m.current.empty()) {
        m.slide(window);
    } else {
        m.rebuild(window);
    }
    m.current = window;
    m.engine.convolve(m.fixed, 1.0 / kFixedOne, m.out);
    return m.out;
}

DayRange SlidingDensity::window() const { return impl_->current; }
std::size_t SlidingDensity::last_points_touched() const { return impl_->touched; }
const DensityEngine& SlidingDensity::engine() const { return impl_->engine; }

}  // namespace mirador::geo
