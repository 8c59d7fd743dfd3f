#pragma once
// Conditional permutation ("conditional randomisation", Anselin 1995): for each unit, its own
// value stays and its neighbours' values are drawn at random, without replacement, from all the
// other units, R times; the pseudo p-value says how often a random neighbourhood gives a
// statistic as extreme as the observed one.
//
// Reproducible: permutation r's draws come from a generator seeded by (seed, r) alone, and all
// units take their neighbours from that permutation's draws (PySAL's scheme; see the .cpp), so
// the result does not depend on the number of threads or their scheduling. Our own generator
// (SplitMix64 seeding xoshiro256**) because the standard engines' distributions are not
// specified bit for bit across library versions.
#include <cstdint>
#include <span>
#include <vector>

#include "mirador/stats/SpatialWeights.hpp"

namespace mirador::stats {

struct PermutationOptions {
    unsigned permutations = 999;
    std::uint64_t seed = 20240601;
    unsigned threads = 0;  // 0: every core
};

// For each unit: how many of the R permuted statistics were >= the observed one (greater),
// and how many were at least as far from the permutation mean as the observed one (extreme).
struct PermutationCounts {
    unsigned permutations = 0;
    std::vector<std::uint32_t> greater;
    std::vector<std::uint32_t> extreme;
    std::vector<double> mean, sd;  // of the permuted statistics, per unit
};

// Gi*: the statistic is sum_j w_ij x_j over the neighbours (self fixed). `w` with self included.
PermutationCounts permute_gistar(std::span<const double> x, const SpatialWeights& w, const PermutationOptions& o);
// Local Moran I_i = z_i / m2 * sum_j w_ij z_j, self excluded.
PermutationCounts permute_local_moran(std::span<const double> x, const SpatialWeights& w, const PermutationOptions& o);

// Global Moran's I under R random permutations of all values (spdep moran.mc): counts of
// permuted I >= observed.
struct GlobalPermutation {
    unsigned permutations = 0;
    std::uint32_t greater = 0;
    double p_greater = 0;  // (greater + 1) / (R + 1), spdep moran.mc's "greater"
};
GlobalPermutation permute_global_moran(std::span<const double> x, const SpatialWeights& w, const PermutationOptions& o);

// The small generator, exposed for tests.
class Xoshiro256 {
public:
    explicit Xoshiro256(std::uint64_t seed);
    std::uint64_t next();
    // Uniform in [0, bound), unbiased (Lemire's method).
    std::uint64_t below(std::uint64_t bound);

private:
    std::uint64_t s_[4];
};

}  // namespace mirador::stats
