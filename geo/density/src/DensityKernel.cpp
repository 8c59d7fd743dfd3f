#include "mirador/geo/DensityKernel.hpp"

#include <cmath>
#include <numbers>

namespace mirador::geo {

namespace {

// σ = h/3, so r²/2σ² = 4.5·r²/h².
constexpr double kGaussianExponent = 4.5;

}  // namespace

const char* to_string(KernelShape k) {
    switch (k) {
        case KernelShape::Quartic: return "quartic";
        case KernelShape::Epanechnikov: return "epanechnikov";
        case KernelShape::Gaussian: return "gaussian";
    }
    return "?";
}

std::optional<KernelShape> parse_kernel_shape(std::string_view text) {
    for (auto k : {KernelShape::Quartic, KernelShape::Epanechnikov, KernelShape::Gaussian})
        if (text == to_string(k)) return k;
    return std::nullopt;
}

double kernel_shape(const KernelSpec& k, double distance_m) {
    const double q = distance_m * distance_m / (k.radius_m * k.radius_m);
    if (!(q < 1.0)) return 0.0;
    switch (k.shape) {
        case KernelShape::Quartic: return (1 - q) * (1 - q);
        case KernelShape::Epanechnikov: return 1 - q;
        case KernelShape::Gaussian: return std::exp(-kGaussianExponent * q);
    }
    return 0.0;
}

double kernel_density(const KernelSpec& k, double distance_m) {
    const double h2 = k.radius_m * k.radius_m;
    double norm = 0;
    switch (k.shape) {
        case KernelShape::Quartic: norm = 3.0 / (std::numbers::pi * h2); break;
        case KernelShape::Epanechnikov: norm = 2.0 / (std::numbers::pi * h2); break;
        case KernelShape::Gaussian: {
            // ∫₀ʰ exp(-r²/2σ²)·2πr dr = 2πσ²·(1 - exp(-h²/2σ²)).
            const double sigma2 = h2 / 9.0;
            norm = 1.0 / (2 * std::numbers::pi * sigma2 * (1 - std::exp(-kGaussianExponent)));
            break;
        }
    }
    return norm * kernel_shape(k, distance_m);
}

namespace {

// ∇²K for the kernel's shape inside the radius, per m⁴. For K = c·f(q), q = r²/h², in the
// plane: ∇²K = c·(4/h²)·(q·f''(q) + f'(q)).
double kernel_laplacian(const KernelSpec& k, double r) {
    const double h2 = k.radius_m * k.radius_m, q = r * r / h2;
    if (!(q < 1.0)) return 0.0;
    const double c = kernel_density(k, 0.0);
    double f1 = 0, f2 = 0;
    switch (k.shape) {
        case KernelShape::Quartic: f1 = -2 * (1 - q), f2 = 2; break;
        case KernelShape::Epanechnikov: f1 = -1, f2 = 0; break;
        case KernelShape::Gaussian: {
            const double f = std::exp(-4.5 * q);
            f1 = -4.5 * f, f2 = 20.25 * f;
            break;
        }
    }
    return c * 4 / h2 * (q * f2 + f1);
}

}  // namespace

double kernel_density_for_binning(const KernelSpec& k, double distance_m, double cell_m) {
    return kernel_density(k, distance_m) - cell_m * cell_m / 12.0 * kernel_laplacian(k, distance_m);
}

}  // namespace mirador::geo
