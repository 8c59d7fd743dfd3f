#pragma once
// A raster over the map in a metric CRS (EPSG:6372 by default): what the heatmap shows and
// `mirador density` writes. Row 0 is the southernmost row (y grows with the row index, as in
// the map); the GeoTIFF writer flips it.
#include <cstddef>
#include <string>
#include <vector>

#include "mirador/geo/Result.hpp"
#include "mirador/geo/BBox.hpp"
#include "mirador/geo/Vec2.hpp"

namespace mirador::geo {

struct GridSpec {
    double x0 = 0, y0 = 0;  // lower-left corner of cell (0, 0), metres
    double cell = 1000;     // square cells, metres
    int nx = 0, ny = 0;
    std::string crs = "EPSG:6372";

    std::size_t cells() const { return static_cast<std::size_t>(nx) * static_cast<std::size_t>(ny); }
    double center_x(int i) const { return x0 + (i + 0.5) * cell; }
    double center_y(int j) const { return y0 + (j + 0.5) * cell; }
    double x1() const { return x0 + nx * cell; }
    double y1() const { return y0 + ny * cell; }
    bool operator==(const GridSpec&) const = default;
};

// Cells of `cell` metres covering [min, max] grown by `margin` on every side, the first cell's
// corner at min - margin (QGIS's kernel density extent is the points' extent plus the radius).
// Sizes beyond what an int holds saturate; check_density_size() says whether a grid is usable.
GridSpec grid_covering(Vec2 min, Vec2 max, double margin, double cell);

// The cells a density computation on `grid` with a kernel of `radius_m` works on: the grid grown
// by the radius (in whole cells) on every side, as DensityEngine bins and transforms it. In
// double, so that absurd inputs give a large number rather than an overflow.
double density_work_cells(Vec2 min, Vec2 max, double margin, double cell, double radius_m);
// An error "too many cells: N (...)" when that exceeds `max_cells`.
Result<bool> check_density_size(Vec2 min, Vec2 max, double margin, double cell, double radius_m, double max_cells);

// The heatmap's grid for a data extent and a kernel radius: cells of radius/8 (so the
// kernel is smooth on screen), coarsened until the grid has at most `max_cells` cells. The
// extent comes from all the data, never from the time window, so the grid stays put while
// the window moves.
GridSpec display_grid_for(Vec2 min, Vec2 max, double radius_m, std::size_t max_cells = 1u << 20);

struct DensityGrid {
    GridSpec spec;
    std::vector<float> values;  // spec.cells(), row-major from row 0 (south)
    float at(int i, int j) const { return values[static_cast<std::size_t>(j) * spec.nx + i]; }
    float max_value() const;
    // The highest value of the cells whose centres lie in `area` (0 when none does): the top of
    // a relative colour scale for the part of the grid in view.
    float max_value_within(const BBox& area) const;
    double sum() const;  // Σ values (times cell area in km² gives the mass)
};

}  // namespace mirador::geo
