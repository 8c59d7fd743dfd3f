#include "mirador/stats/Permutation.hpp"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <numeric>
#include <thread>

namespace mirador::stats {

namespace {

std::uint64_t splitmix64(std::uint64_t& x) {
    std::uint64_t z = (x += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

std::uint64_t rotl(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }

std::uint64_t stream_seed(std::uint64_t seed, std::uint64_t unit) {
    std::uint64_t s = seed ^ (unit * 0xd1b54a32d192ed03ULL);
    return splitmix64(s);
}

unsigned thread_count(unsigned asked, std::size_t work) {
    unsigned t = asked ? asked : std::max(1u, std::thread::hardware_concurrency());
    return static_cast<unsigned>(std::min<std::size_t>(t, std::max<std::size_t>(work, 1)));
}

// Runs body(begin, end, thread) over [0, n) in chunks taken by whichever thread is free.
template <typename Body>
void parallel_chunks(std::size_t n, unsigned threads, Body body) {
    std::atomic<std::size_t> next{0};
    constexpr std::size_t chunk = 32;
    auto run = [&](unsigned t) {
        for (;;) {
            const std::size_t b = next.fetch_add(chunk);
            if (b >= n) return;
            body(b, std::min(n, b + chunk), t);
        }
    };
    std::vector<std::thread> pool;
    for (unsigned t = 1; t < threads; ++t) pool.emplace_back(run, t);
    run(0);
    for (auto& th : pool) th.join();
}

// The draws every unit shares (PySAL's "crand"): for permutation r, an ordered random sample
// without replacement of `kmax` indices of [0, n - 1). Unit i takes the first k_i of row r and
// maps j to j + (j >= i), which is a uniform sample of k_i of the other units. Drawing once per
// permutation instead of once per unit and permutation makes the draws about a tenth of the work;
// the units' p-values then share their random numbers, as PySAL's do (each is still exact for
// its unit). Row r comes from a generator seeded by (seed, r) alone, so any number of threads
// gives the same table.
std::vector<std::uint32_t> shared_draws(std::size_t n, std::uint32_t kmax, unsigned permutations, std::uint64_t seed,
                                        unsigned threads) {
    std::vector<std::uint32_t> table(static_cast<std::size_t>(permutations) * kmax);
    const std::uint32_t others = static_cast<std::uint32_t>(n - 1);
    parallel_chunks(permutations, threads, [&](std::size_t begin, std::size_t end, unsigned) {
        std::vector<std::uint32_t> pool(others);
        for (std::size_t r = begin; r < end; ++r) {
            std::iota(pool.begin(), pool.end(), 0u);
            Xoshiro256 rng(stream_seed(seed, r));
            for (std::uint32_t m = 0; m < kmax; ++m) {
                const auto pick = m + static_cast<std::uint32_t>(rng.below(others - m));
                std::swap(pool[m], pool[pick]);
                table[r * kmax + m] = pool[m];
            }
        }
    });
    return table;
}

// The engine shared by Gi* and local Moran: for unit i, statistic(i, lag) where lag is
// sum_j w_ij v_j over its neighbours other than itself, observed and permuted.
template <typename Statistic>
PermutationCounts permute_local(std::span<const double> v, const SpatialWeights& w, const PermutationOptions& o,
                                Statistic statistic) {
    const std::size_t n = w.size();
    PermutationCounts c;
    c.permutations = o.permutations;
    c.greater.assign(n, 0);
    c.extreme.assign(n, 0);
    c.mean.assign(n, std::nan(""));
    c.sd.assign(n, std::nan(""));
    if (n < 2 || o.permutations == 0) return c;
    std::uint32_t kmax = 0;
    for (std::size_t i = 0; i < n; ++i) kmax = std::max(kmax, w.cardinality(i));
    kmax = std::min<std::uint32_t>(kmax, static_cast<std::uint32_t>(n - 1));
    const unsigned threads = thread_count(o.threads, n / 32 + 1);
    const auto draws = shared_draws(n, kmax, o.permutations, o.seed, threads);
    parallel_chunks(n, threads, [&](std::size_t begin, std::size_t end, unsigned) {
        std::vector<double> wts, sims(o.permutations);
        for (std::size_t i = begin; i < end; ++i) {
            wts.clear();
            double observed_lag = 0;
            for (auto k = w.first[i]; k < w.first[i + 1]; ++k)
                if (w.neighbours[k] != i) {
                    wts.push_back(w.weights[k]);
                    observed_lag += w.weights[k] * v[w.neighbours[k]];
                }
            if (wts.empty()) continue;
            const double observed = statistic(i, observed_lag);
            const auto self = static_cast<std::uint32_t>(i);
            double sum = 0;
            for (unsigned r = 0; r < o.permutations; ++r) {
                const std::uint32_t* row = draws.data() + static_cast<std::size_t>(r) * kmax;
                double lag = 0;
                for (std::size_t m = 0; m < wts.size(); ++m) lag += wts[m] * v[row[m] + (row[m] >= self)];
                sims[r] = statistic(i, lag);
                sum += sims[r];
            }
            const double mean = sum / o.permutations;
            double ss = 0;
            std::uint32_t greater = 0, extreme = 0;
            for (const double s : sims) {
                ss += (s - mean) * (s - mean);
                greater += s >= observed;
                extreme += std::fabs(s - mean) >= std::fabs(observed - mean);
            }
            c.greater[i] = greater;
            c.extreme[i] = extreme;
            c.mean[i] = mean;
            c.sd[i] = o.permutations > 1 ? std::sqrt(ss / (o.permutations - 1)) : 0.0;
        }
    });
    return c;
}

}  // namespace

Xoshiro256::Xoshiro256(std::uint64_t seed) {
    for (auto& s : s_) s = splitmix64(seed);
}

std::uint64_t Xoshiro256::next() {
    const std::uint64_t result = rotl(s_[1] * 5, 7) * 9;
    const std::uint64_t t = s_[1] << 17;
    s_[2] ^= s_[0];
    s_[3] ^= s_[1];
    s_[1] ^= s_[2];
    s_[0] ^= s_[3];
    s_[2] ^= t;
    s_[3] = rotl(s_[3], 45);
    return result;
}

std::uint64_t Xoshiro256::below(std::uint64_t bound) {
    unsigned __int128 m = static_cast<unsigned __int128>(next()) * bound;
    auto low = static_cast<std::uint64_t>(m);
    if (low < bound) {
        const std::uint64_t threshold = -bound % bound;
        while (low < threshold) {
            m = static_cast<unsigned __int128>(next()) * bound;
            low = static_cast<std::uint64_t>(m);
        }
    }
    return static_cast<std::uint64_t>(m >> 64);
}

PermutationCounts permute_gistar(std::span<const double> x, const SpatialWeights& w, const PermutationOptions& o) {
    // Unit i's own term is the same in every draw, so comparing the neighbours' part suffices.
    return permute_local(x, w, o, [](std::size_t, double lag) { return lag; });
}

PermutationCounts permute_local_moran(std::span<const double> x, const SpatialWeights& w, const PermutationOptions& o) {
    const auto n = static_cast<double>(x.size());
    double xbar = 0;
    for (const double v : x) xbar += v;
    xbar /= n;
    std::vector<double> z(x.size());
    double m2 = 0;
    for (std::size_t i = 0; i < x.size(); ++i) {
        z[i] = x[i] - xbar;
        m2 += z[i] * z[i];
    }
    m2 /= n;
    return permute_local(z, w, o, [&](std::size_t i, double lag) { return z[i] / m2 * lag; });
}

GlobalPermutation permute_global_moran(std::span<const double> x, const SpatialWeights& w, const PermutationOptions& o) {
    const std::size_t n = x.size();
    double xbar = 0;
    for (const double v : x) xbar += v;
    xbar /= static_cast<double>(n);
    std::vector<double> z(n);
    for (std::size_t i = 0; i < n; ++i) z[i] = x[i] - xbar;
    // I = n / S0 * z'Wz / z'z; n, S0 and z'z do not change under permutation, so z'Wz decides.
    auto cross = [&](const std::vector<double>& v) {
        double s = 0;
        for (std::size_t i = 0; i < n; ++i)
            for (auto k = w.first[i]; k < w.first[i + 1]; ++k) s += w.weights[k] * v[i] * v[w.neighbours[k]];
        return s;
    };
    const double observed = cross(z);
    GlobalPermutation g;
    g.permutations = o.permutations;
    std::vector<std::uint32_t> greater_by_thread(thread_count(o.threads, o.permutations), 0);
    parallel_chunks(o.permutations, static_cast<unsigned>(greater_by_thread.size()),
                    [&](std::size_t begin, std::size_t end, unsigned t) {
                        std::vector<double> v(n);
                        for (std::size_t r = begin; r < end; ++r) {
                            v = z;
                            Xoshiro256 rng(stream_seed(o.seed ^ 0x6a09e667f3bcc909ULL, r));
                            for (std::size_t i = n; i > 1; --i) std::swap(v[i - 1], v[rng.below(i)]);
                            greater_by_thread[t] += cross(v) >= observed;
                        }
                    });
    for (const auto c : greater_by_thread) g.greater += c;
    g.p_greater = (g.greater + 1.0) / (g.permutations + 1.0);
    return g;
}

}  // namespace mirador::stats
