#include "mirador/geo/MexicoLambert.hpp"

#include <cmath>
#include <numbers>

namespace mirador::geo {

namespace {

constexpr double kA = 6378137.0;             // GRS80 semi-major axis
constexpr double kInvF = 298.257222101;      // GRS80 inverse flattening
constexpr double kLat0 = 12.0, kLon0 = -102.0, kLat1 = 17.5, kLat2 = 29.5;
constexpr double kFalseEasting = 2500000.0, kFalseNorthing = 0.0;
constexpr double kDeg = std::numbers::pi / 180.0;

double m_of(double phi, double e) {
    const double s = std::sin(phi);
    return std::cos(phi) / std::sqrt(1.0 - e * e * s * s);
}

double t_of(double phi, double e) {
    const double s = std::sin(phi);
    return std::tan(std::numbers::pi / 4 - phi / 2) / std::pow((1.0 - e * s) / (1.0 + e * s), e / 2);
}

}  // namespace

MexicoLambert::MexicoLambert() {
    const double f = 1.0 / kInvF;
    e_ = std::sqrt(2 * f - f * f);
    const double p1 = kLat1 * kDeg, p2 = kLat2 * kDeg;
    const double m1 = m_of(p1, e_), m2 = m_of(p2, e_), t1 = t_of(p1, e_), t2 = t_of(p2, e_);
    n_ = (std::log(m1) - std::log(m2)) / (std::log(t1) - std::log(t2));
    a_f_ = kA * m1 / (n_ * std::pow(t1, n_));
    rho0_ = a_f_ * std::pow(t_of(kLat0 * kDeg, e_), n_);
}

Vec2 MexicoLambert::forward(double lon, double lat) const {
    // Longitude from the central meridian, wrapped into [-180, 180) as PROJ does.
    double dl = lon - kLon0;
    dl -= 360.0 * std::floor((dl + 180.0) / 360.0);
    const double rho = a_f_ * std::pow(t_of(lat * kDeg, e_), n_);
    const double theta = n_ * dl * kDeg;
    return {kFalseEasting + rho * std::sin(theta), kFalseNorthing + rho0_ - rho * std::cos(theta)};
}

}  // namespace mirador::geo
