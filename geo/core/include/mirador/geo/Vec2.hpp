#pragma once
// Plain 2-D point in a projected CRS. Units are those of the CRS that produced it
// (metres for EPSG:6372 and EPSG:3857); x = easting, y = northing.
namespace mirador::geo {

struct Vec2 {
    double x = 0.0;
    double y = 0.0;
};

inline bool operator==(const Vec2& a, const Vec2& b) { return a.x == b.x && a.y == b.y; }
inline bool operator!=(const Vec2& a, const Vec2& b) { return !(a == b); }

// Twice the signed area of triangle (a, b, c): > 0 when counter-clockwise.
inline double orient2d(const Vec2& a, const Vec2& b, const Vec2& c) {
    return (b.x - a.x) * (c.y - a.y) - (b.y - a.y) * (c.x - a.x);
}

}  // namespace mirador::geo
