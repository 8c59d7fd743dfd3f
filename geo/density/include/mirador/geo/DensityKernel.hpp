#pragma once
// Kernels for density surfaces, in metres. Every kernel integrates to 1 over the plane, so a
// surface of Σ weight·K is in incidents (or fatalities) per m²; DensityGrid values are per km².
//   quartic (biweight, QGIS's default): 3/(πh²)·(1 - r²/h²)² for r < h
//   Epanechnikov:                       2/(πh²)·(1 - r²/h²)    for r < h
//   Gaussian: σ = h/3, cut at r = h, scaled so the cut kernel still integrates to 1
// where h is the radius (bandwidth) in metres.
#include <optional>
#include <string_view>

namespace mirador::geo {

enum class KernelShape { Quartic, Epanechnikov, Gaussian };
const char* to_string(KernelShape k);  // "quartic", "epanechnikov", "gaussian"
std::optional<KernelShape> parse_kernel_shape(std::string_view text);

struct KernelSpec {
    KernelShape shape = KernelShape::Quartic;
    double radius_m = 25000;
    bool operator==(const KernelSpec&) const = default;
};

// Per m²; 0 at and beyond the radius.
double kernel_density(const KernelSpec& k, double distance_m);
// The unnormalised shape (1 at r = 0): (1-r²/h²)², 1-r²/h², exp(-r²/2σ²). QGIS's "raw"
// output is Σ weight·kernel_shape; raw = per-m² density / kernel_density(k, 0).
double kernel_shape(const KernelSpec& k, double distance_m);
// The kernel that linearly binned weights on cells of `cell_m` are convolved with: K minus
// the spread linear binning adds, (cell²/12)·∇²K (see DensityEngine.cpp). Per m².
double kernel_density_for_binning(const KernelSpec& k, double distance_m, double cell_m);

}  // namespace mirador::geo
