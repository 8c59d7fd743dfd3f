#pragma once
// Where the map is looked at from: plain data shared by the window, the snapshot command
// and the renderer. Display-CRS metres; y grows north, screen y grows down.
#include "mirador/geo/PolygonLayer.hpp"

namespace mirador {

struct MapView {
    geo::Vec2 center;           // display CRS, metres
    double metres_per_pixel = 1000;
    int width = 1280, height = 800;  // pixels

    geo::Vec2 screen_to_map(double sx, double sy) const {
        return {center.x + (sx - width * 0.5) * metres_per_pixel, center.y - (sy - height * 0.5) * metres_per_pixel};
    }
    geo::Vec2 map_to_screen(geo::Vec2 p) const {
        return {(p.x - center.x) / metres_per_pixel + width * 0.5, height * 0.5 - (p.y - center.y) / metres_per_pixel};
    }
    geo::BBox visible() const {
        geo::BBox b;
        b.add(screen_to_map(0, 0));
        b.add(screen_to_map(width, height));
        return b;
    }
    // Fits `box` with a margin, keeping the aspect ratio.
    void fit(const geo::BBox& box, double margin = 0.04) {
        center = box.center();
        const double mx = box.width() / (width * (1 - 2 * margin));
        const double my = box.height() / (height * (1 - 2 * margin));
        metres_per_pixel = mx > my ? mx : my;
        if (!(metres_per_pixel > 0)) metres_per_pixel = 1;
    }
    // Zooms by `factor` (>1 zooms in) keeping the map point under (sx, sy) where it is.
    void zoom_at(double sx, double sy, double factor) {
        const geo::Vec2 before = screen_to_map(sx, sy);
        metres_per_pixel /= factor;
        if (metres_per_pixel < 0.25) metres_per_pixel = 0.25;
        if (metres_per_pixel > 50000) metres_per_pixel = 50000;
        const geo::Vec2 after = screen_to_map(sx, sy);
        center.x += before.x - after.x;
        center.y += before.y - after.y;
    }
};

}  // namespace mirador
