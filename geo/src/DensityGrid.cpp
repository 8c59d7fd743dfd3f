#include "mirador/geo/DensityGrid.hpp"

#include <algorithm>
#include <cmath>

namespace mirador::geo {

GridSpec grid_covering(Vec2 min, Vec2 max, double margin, double cell) {
    GridSpec g;
    g.cell = cell;
    g.x0 = min.x - margin;
    g.y0 = min.y - margin;
    g.nx = std::max(1, static_cast<int>(std::ceil((max.x + margin - g.x0) / cell)));
    g.ny = std::max(1, static_cast<int>(std::ceil((max.y + margin - g.y0) / cell)));
    return g;
}

GridSpec display_grid_for(Vec2 min, Vec2 max, double radius_m, std::size_t max_cells) {
    const double w = max.x - min.x + 2 * radius_m, h = max.y - min.y + 2 * radius_m;
    // Whole metres: cell sizes then print and compare exactly.
    double cell = std::ceil(std::max(radius_m / 8, std::sqrt(w * h / static_cast<double>(std::max<std::size_t>(max_cells, 1)))));
    GridSpec g = grid_covering(min, max, radius_m, cell);
    while (g.cells() > max_cells) g = grid_covering(min, max, radius_m, cell = std::ceil(cell * 1.01));
    return g;
}

float DensityGrid::max_value() const {
    return values.empty() ? 0.0f : *std::max_element(values.begin(), values.end());
}

double DensityGrid::sum() const {
    double s = 0;
    for (float v : values) s += v;
    return s;
}

}  // namespace mirador::geo
