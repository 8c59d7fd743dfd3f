#include "mirador/geo/ZoomPath.hpp"

#include <algorithm>
#include <cmath>

namespace mirador::geo {

double ease_in_out_cubic(double t) {
    t = std::clamp(t, 0.0, 1.0);
    if (t < 0.5) return 4 * t * t * t;
    const double u = -2 * t + 2;
    return 1 - u * u * u / 2;
}

ZoomPath::ZoomPath(ZoomView from, ZoomView to, double rho) : from_(from), to_(to), rho_(rho) {
    const double w0 = from.width, w1 = to.width;
    distance_ = std::hypot(to.centre.x - from.centre.x, to.centre.y - from.centre.y);
    if (!(w0 > 0) || !(w1 > 0) || !std::isfinite(w0 + w1 + distance_)) {
        pure_zoom_ = true;  // no path through a view of no width: a cut (at(1) is `to`)
        return;
    }
    // Below a millionth of the widths the centre's move is invisible: the b_i below would divide
    // by (almost) zero, and the paper's limit case (a pure zoom) applies.
    pure_zoom_ = distance_ <= 1e-6 * std::max(w0, w1);
    if (pure_zoom_) {
        length_ = std::abs(std::log(w1 / w0)) / rho_;
        return;
    }
    const double rho2 = rho_ * rho_, rho4 = rho2 * rho2;
    const double d2 = distance_ * distance_;
    // Equation 9: b_i; r_i = ln(-b_i + sqrt(b_i^2 + 1)) = -asinh(b_i), the stable form.
    const double b0 = (w1 * w1 - w0 * w0 + rho4 * d2) / (2 * w0 * rho2 * distance_);
    const double b1 = (w1 * w1 - w0 * w0 - rho4 * d2) / (2 * w1 * rho2 * distance_);
    r0_ = -std::asinh(b0);
    const double r1 = -std::asinh(b1);
    length_ = (r1 - r0_) / rho_;
}

ZoomView ZoomPath::along(double s) const {
    s = std::clamp(s, 0.0, length_);
    const double w0 = from_.width;
    ZoomView v;
    double fraction;  // of the centre's move done
    if (pure_zoom_) {
        const double k = to_.width < w0 ? -1.0 : 1.0;
        v.width = w0 * std::exp(k * rho_ * s);
        fraction = length_ > 0 ? s / length_ : 0.0;
    } else {
        // Equations 11 and 12: u(s) and w(s).
        const double u = w0 / (rho_ * rho_) * (std::cosh(r0_) * std::tanh(rho_ * s + r0_) - std::sinh(r0_));
        v.width = w0 * std::cosh(r0_) / std::cosh(rho_ * s + r0_);
        fraction = u / distance_;
    }
    v.centre = {from_.centre.x + (to_.centre.x - from_.centre.x) * fraction,
                from_.centre.y + (to_.centre.y - from_.centre.y) * fraction};
    return v;
}

ZoomView ZoomPath::at(double t) const {
    if (t <= 0) return from_;
    if (t >= 1) return to_;
    return along(ease_in_out_cubic(t) * length_);
}

double ZoomPath::duration_s() const { return std::clamp(length_, kMinDurationS, kMaxDurationS); }

}  // namespace mirador::geo
