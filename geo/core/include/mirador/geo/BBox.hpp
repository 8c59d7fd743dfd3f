#pragma once
// Axis-aligned box in a projected CRS: a feature's or a layer's extent, the extent of a set of
// points. Empty until the first add().
#include "mirador/geo/Vec2.hpp"

namespace mirador::geo {

struct BBox {
    double min_x = 1e300, min_y = 1e300, max_x = -1e300, max_y = -1e300;
    void add(Vec2 p) {
        if (p.x < min_x) min_x = p.x;
        if (p.y < min_y) min_y = p.y;
        if (p.x > max_x) max_x = p.x;
        if (p.y > max_y) max_y = p.y;
    }
    void add(const BBox& b) {
        add(Vec2{b.min_x, b.min_y});
        add(Vec2{b.max_x, b.max_y});
    }
    bool empty() const { return min_x > max_x; }
    bool contains(Vec2 p) const { return p.x >= min_x && p.x <= max_x && p.y >= min_y && p.y <= max_y; }
    bool intersects(const BBox& b) const {
        return !(b.min_x > max_x || b.max_x < min_x || b.min_y > max_y || b.max_y < min_y);
    }
    double width() const { return max_x - min_x; }
    double height() const { return max_y - min_y; }
    Vec2 center() const { return {(min_x + max_x) * 0.5, (min_y + max_y) * 0.5}; }
};

}  // namespace mirador::geo
