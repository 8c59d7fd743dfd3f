#pragma once
// The smooth zoom-and-pan between two views of van Wijk and Nuij ("Smooth and efficient zooming
// and panning", IEEE InfoVis 2003): the path that is shortest when panning is counted relative to
// the width shown, so a move between two distant close-ups zooms out, pans while far out, and
// zooms back in, and the eye never sees the map race past; a move into a view nested in the
// current one is a plain zoom in (the width only shrinks, the centre moves steadily).
//
// A slide transition plays at(t) for t from 0 to 1 over duration_s(). We write the closed form
// ourselves (it is a dozen lines of the paper's equations 9-15); no Debian library offers it.
#include "mirador/geo/Vec2.hpp"

namespace mirador::geo {

// What a view shows: its centre and the width across the viewport, in display-CRS metres (the
// width actually shown, after the extent is fitted to the viewport's shape).
struct ZoomView {
    Vec2 centre;
    double width = 0;
};

class ZoomPath {
public:
    // rho trades zooming against panning; sqrt(2) (the default, as in d3-zoom) keeps a path into
    // a nested view free of any zoom-out (the paper's user study liked 1.42).
    ZoomPath(ZoomView from, ZoomView to, double rho = 1.4142135623730951);

    // The view at animation time t in [0, 1] (clamped), eased in and out (cubic): at(0) is `from`
    // and at(1) is `to`, exactly.
    ZoomView at(double t) const;

    // The view at path parameter s in [0, length()], without easing (uniform speed in the paper's
    // metric).
    ZoomView along(double s) const;

    // The path's length S in the paper's metric (0 for two equal views).
    double length() const { return length_; }

    // How long the transition plays: one unit of S per second (d3-zoom's pace), clamped to
    // 0.5-2 s so a short hop is still seen and a long one does not drag.
    double duration_s() const;

    static constexpr double kMinDurationS = 0.5, kMaxDurationS = 2.0;

private:
    ZoomView from_, to_;
    double rho_;
    double distance_ = 0;  // u1: how far the centre moves
    double r0_ = 0;
    double length_ = 0;
    bool pure_zoom_ = false;  // the centre stays (u1 = 0): the closed form degenerates
};

// Cubic ease-in-out on [0, 1]: starts and ends at rest.
double ease_in_out_cubic(double t);

}  // namespace mirador::geo
