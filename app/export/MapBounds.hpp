#pragma once
// Rectangles of an exported image in pixels, and the display-CRS area they show.
#include "mirador/geo/Projector.hpp"

namespace mirador {

// Pixels, x to the right and y down from the image's top-left corner.
struct PixelRect {
    int x = 0, y = 0, width = 0, height = 0;
    bool operator==(const PixelRect&) const = default;
};

// What an image shows: the display-CRS metres at its outer edges (not at pixel centres), so a
// pixel is (max_x - min_x) / width metres wide.
struct MapBounds {
    geo::DisplayCrs crs = geo::DisplayCrs::Mexico6372;
    double min_x = 0, min_y = 0, max_x = 0, max_y = 0;
    bool operator==(const MapBounds&) const = default;
};

// The area `rect` of an image of `width` x `height` pixels showing `image` shows: what a tile
// renders.
inline MapBounds bounds_of(const MapBounds& image, int width, int height, const PixelRect& rect) {
    const double sx = (image.max_x - image.min_x) / width, sy = (image.max_y - image.min_y) / height;
    return MapBounds{image.crs, image.min_x + rect.x * sx, image.max_y - (rect.y + rect.height) * sy,
                     image.min_x + (rect.x + rect.width) * sx, image.max_y - rect.y * sy};
}

}  // namespace mirador
