#include "mirador/geo/DensityGrid.hpp"

#include <algorithm>
#include <climits>
#include <cmath>
#include <cstdio>

namespace mirador::geo {

namespace {

// Cells along one side, in double (NaN and negatives count as one cell).
double side_cells(double lo, double hi, double margin, double cell) {
    const double n = std::ceil((hi + margin - (lo - margin)) / cell);
    return n >= 1 ? n : 1;
}

int saturate(double n) { return n >= double(INT_MAX) ? INT_MAX : static_cast<int>(n); }

}  // namespace

GridSpec grid_covering(Vec2 min, Vec2 max, double margin, double cell) {
    GridSpec g;
    g.cell = cell;
    g.x0 = min.x - margin;
    g.y0 = min.y - margin;
    g.nx = saturate(side_cells(min.x, max.x, margin, cell));
    g.ny = saturate(side_cells(min.y, max.y, margin, cell));
    return g;
}

double density_work_cells(Vec2 min, Vec2 max, double margin, double cell, double radius_m) {
    const double r = std::ceil(radius_m / cell);
    return (side_cells(min.x, max.x, margin, cell) + 2 * r) * (side_cells(min.y, max.y, margin, cell) + 2 * r);
}

Result<bool> check_density_size(Vec2 min, Vec2 max, double margin, double cell, double radius_m, double max_cells) {
    const double n = density_work_cells(min, max, margin, cell, radius_m);
    if (n <= max_cells) return true;
    char buf[256];
    std::snprintf(buf, sizeof buf,
                  "too many cells: %.4g (%.0f x %.0f cells of %g km, grown by the %g km radius on every side); the "
                  "limit is %.4g: use larger cells or a smaller extent",
                  n, side_cells(min.x, max.x, margin, cell), side_cells(min.y, max.y, margin, cell), cell / 1000,
                  radius_m / 1000, max_cells);
    return make_error(buf);
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

float DensityGrid::max_value_within(const BBox& area) const {
    if (area.empty() || values.empty()) return 0.0f;
    // Cell i's centre x0 + (i + 0.5) cell is in [min_x, max_x] for i in [ceil(a), floor(b)].
    const auto first = [&](double lo, double origin) { return static_cast<long>(std::ceil((lo - origin) / spec.cell - 0.5)); };
    const auto last = [&](double hi, double origin) { return static_cast<long>(std::floor((hi - origin) / spec.cell - 0.5)); };
    const long i0 = std::max(0L, first(area.min_x, spec.x0)), i1 = std::min<long>(spec.nx - 1, last(area.max_x, spec.x0));
    const long j0 = std::max(0L, first(area.min_y, spec.y0)), j1 = std::min<long>(spec.ny - 1, last(area.max_y, spec.y0));
    float top = 0.0f;
    for (long j = j0; j <= j1; ++j) {
        const float* row = values.data() + static_cast<std::size_t>(j) * static_cast<std::size_t>(spec.nx);
        for (long i = i0; i <= i1; ++i) top = std::max(top, row[i]);
    }
    return top;
}

double DensityGrid::sum() const {
    double s = 0;
    for (float v : values) s += v;
    return s;
}

}  // namespace mirador::geo
