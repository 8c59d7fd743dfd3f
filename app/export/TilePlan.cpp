#include "export/TilePlan.hpp"

#include <algorithm>
#include <string>

namespace mirador {

namespace {

std::string size_text(long long width, long long height) {
    return std::to_string(width) + " x " + std::to_string(height) + " pixels";
}

// Cuts [0, length) into n near-equal parts: part i is [edge(i), edge(i + 1)).
int edge(int i, int n, int length) { return static_cast<int>(static_cast<long long>(i) * length / n); }

int largest_part(int length, int n) { return (length + n - 1) / n; }

// Whether n parts fit: the largest, with its overlap (on both sides for an inner part, on one
// for an end part), is at most `max_source`. True at n = length at the latest (parts of one
// pixel, and 1 + 2 x overlap <= max_source), so the searches below end.
bool parts_fit(int length, int n, int max_source, int overlap) {
    const int margins = n == 1 ? 0 : (n == 2 ? overlap : 2 * overlap);
    return largest_part(length, n) + margins <= max_source;
}

}  // namespace

geo::Result<TilePlan> plan_tiles(int width, int height, const TilePlanOptions& options) {
    if (width <= 0 || height <= 0) return geo::make_error("cannot export an image of " + size_text(width, height));
    if (width > kMaxExportSide || height > kMaxExportSide)
        return geo::make_error("cannot export " + size_text(width, height) + ": the largest export is " +
                               size_text(kMaxExportSide, kMaxExportSide));
    if (options.overlap < 0) return geo::make_error("a tile overlap cannot be negative");
    // A tile must contribute at least one pixel beyond its overlap on both sides.
    if (options.max_tile_size <= 2 * options.overlap)
        return geo::make_error("tiles of " + std::to_string(options.max_tile_size) + " pixels cannot overlap by " +
                               std::to_string(options.overlap) + " on both sides");

    TilePlan plan;
    plan.width = width;
    plan.height = height;
    plan.columns = 1;
    while (!parts_fit(width, plan.columns, options.max_tile_size, options.overlap)) ++plan.columns;
    // Rows of tiles also no taller than the band budget allows (a 32768-wide band of 16384 rows
    // would be 2 GiB).
    const std::size_t row_bytes = static_cast<std::size_t>(width) * 4;
    const int band_rows = static_cast<int>(std::max<std::size_t>(1, options.max_band_bytes / row_bytes));
    plan.rows = 1;
    while (!parts_fit(height, plan.rows, options.max_tile_size, options.overlap) || largest_part(height, plan.rows) > band_rows)
        ++plan.rows;

    plan.tiles.reserve(static_cast<std::size_t>(plan.columns) * plan.rows);
    for (int r = 0; r < plan.rows; ++r)
        for (int c = 0; c < plan.columns; ++c) {
            Tile t;
            t.column = c;
            t.row = r;
            const int x0 = edge(c, plan.columns, width), x1 = edge(c + 1, plan.columns, width);
            const int y0 = edge(r, plan.rows, height), y1 = edge(r + 1, plan.rows, height);
            t.destination = {x0, y0, x1 - x0, y1 - y0};
            const int sx0 = std::max(0, x0 - options.overlap), sx1 = std::min(width, x1 + options.overlap);
            const int sy0 = std::max(0, y0 - options.overlap), sy1 = std::min(height, y1 + options.overlap);
            t.source = {sx0, sy0, sx1 - sx0, sy1 - sy0};
            plan.tiles.push_back(t);
        }
    return plan;
}

}  // namespace mirador
