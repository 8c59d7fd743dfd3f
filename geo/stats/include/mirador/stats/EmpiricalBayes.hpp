#pragma once
// Empirical Bayes rates (Marshall 1991; Assunção and Reis 1999), equal to R spdep's:
//   global    EBest(n, x, family = "poisson"): each raw rate shrunk toward the overall rate, the
//             more the smaller its population
//   local     EBlocal(ri, ni, nb): shrunk toward the rate of the unit and its neighbours
//   EB index  the standardised rates z_i = (p_i - b) / sqrt(a + b / x_i) that EBImoran.mc
//             computes Moran's I on
// Rates are per person (multiply by 100,000 to show). Units with a population of 0 or unknown
// (NaN) get NaN and take no part in the global parameters.
#include <span>
#include <vector>

#include "mirador/stats/SpatialWeights.hpp"

namespace mirador::stats {

struct EbGlobal {
    std::vector<double> raw, estimate;
    double a = 0, b = 0;  // prior variance (>= 0) and mean
};
EbGlobal eb_global(std::span<const double> events, std::span<const double> population);

struct EbLocal {
    std::vector<double> raw, estimate;
};
// `w`'s neighbour lists (weights ignored); each unit is added to its own neighbourhood.
EbLocal eb_local(std::span<const double> events, std::span<const double> population, const SpatialWeights& w);

std::vector<double> eb_standardised(std::span<const double> events, std::span<const double> population);

}  // namespace mirador::stats
