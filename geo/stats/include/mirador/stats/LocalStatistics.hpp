#pragma once
// Local and global spatial autocorrelation with analytic moments, equal to R spdep 1.2-7:
//   Getis-Ord Gi*   localG() on weights with each unit its own neighbour (include.self)
//   local Moran     localmoran(conditional = TRUE, mlvar = TRUE), row-standardised weights
//   global Moran    moran() and moran.test(randomisation = TRUE)
// Units whose row is empty (islands) get NaN, never a division by zero.
#include <span>
#include <vector>

#include "mirador/stats/SpatialWeights.hpp"

namespace mirador::stats {

// Spatial lag: sum_j w_ij x_j per unit.
std::vector<double> spatial_lag(std::span<const double> x, const SpatialWeights& w);

// Gi* z-scores: (lag_i - xbar W_i) / sqrt(s2 (n S1_i - W_i^2) / (n - 1)), s2 = sum (x - xbar)^2 / n,
// with W_i and S1_i the sum of the row's weights and of their squares. `w` should include
// each unit itself (include_self); without it this is spdep's localG with x-bar and s
// taken over all units, which is not Getis and Ord's Gi.
std::vector<double> getis_ord_gistar(std::span<const double> x, const SpatialWeights& w);

struct LocalMoran {
    std::vector<double> Ii, expectation, variance, z;
};
LocalMoran local_moran(std::span<const double> x, const SpatialWeights& w);

struct GlobalMoran {
    double I = 0, expectation = 0, variance = 0, z = 0;  // variance under randomisation
};
GlobalMoran global_moran(std::span<const double> x, const SpatialWeights& w);

// Standard normal upper tail, P(Z > z).
double normal_upper_tail(double z);

}  // namespace mirador::stats
