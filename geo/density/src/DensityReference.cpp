#include <algorithm>
#include <cmath>

#include "DensityBinning.hpp"
#include "mirador/geo/DensityEngine.hpp"

namespace mirador::geo {

DensityGrid density_reference(const DensityPoints& pts, DayRange window, const GridSpec& grid, const KernelSpec& k) {
    std::vector<double> acc(grid.cells(), 0.0);
    const double h = k.radius_m, c = grid.cell;
    detail::for_each_in_window(pts, window, [&](std::size_t p, double w) {
        const double x = pts.x[p], y = pts.y[p];
        const auto [i0, i1] = detail::cells_within(x, h, grid.x0, c, grid.nx);
        const auto [j0, j1] = detail::cells_within(y, h, grid.y0, c, grid.ny);
        for (int j = j0; j <= j1; ++j) {
            const double dy = grid.center_y(j) - y;
            for (int i = i0; i <= i1; ++i) {
                const double dx = grid.center_x(i) - x;
                const double d = std::sqrt(dx * dx + dy * dy);
                if (d < h) acc[static_cast<std::size_t>(j) * grid.nx + i] += w * kernel_density(k, d);
            }
        }
    });
    DensityGrid out;
    out.spec = grid;
    out.values.resize(acc.size());
    for (std::size_t i = 0; i < acc.size(); ++i) out.values[i] = static_cast<float>(acc[i] * 1e6);  // per km²
    return out;
}

}  // namespace mirador::geo
