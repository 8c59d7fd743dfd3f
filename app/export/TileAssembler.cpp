#include "export/TileAssembler.hpp"

#include <algorithm>
#include <string>

namespace mirador {

TileAssembler::TileAssembler(const TilePlan& plan, RowSink& sink) : plan_(plan), sink_(sink) {
    // Room for the tallest band once: bands differ by a row, and growing the buffer for a taller
    // one would hold the old and the new (two bands) for a moment.
    // (A plan of one column needs none: add_rows.)
    int tallest = 0;
    for (int r = 0; r < plan.rows && plan.columns > 1; ++r) tallest = std::max(tallest, plan.at(0, r).destination.height);
    band_.reserve(static_cast<std::size_t>(plan.width) * 4 * tallest);
}

geo::Result<bool> TileAssembler::add(const Image& tile) {
    if (failed_) return geo::make_error("the tiled export has already failed");
    if (complete()) return geo::make_error("more tiles than the plan's " + std::to_string(plan_.tiles.size()));
    if (sink_.width() != plan_.width || sink_.height() != plan_.height)
        return geo::make_error("the file is " + std::to_string(sink_.width()) + " x " + std::to_string(sink_.height()) +
                               " pixels but the tiles make " + std::to_string(plan_.width) + " x " +
                               std::to_string(plan_.height));
    const Tile& t = plan_.tiles[next_];
    if (tile.width != t.source.width || tile.height != t.source.height ||
        tile.rgba.size() != static_cast<std::size_t>(tile.width) * tile.height * 4) {
        failed_ = true;
        return geo::make_error("tile " + std::to_string(t.column) + "," + std::to_string(t.row) + " is " +
                               std::to_string(tile.width) + " x " + std::to_string(tile.height) + " pixels; it should be " +
                               std::to_string(t.source.width) + " x " + std::to_string(t.source.height));
    }
    const std::size_t image_stride = static_cast<std::size_t>(plan_.width) * 4;
    if (t.column == 0) band_.assign(image_stride * t.destination.height, 0);
    // The destination's rows, from where they sit inside the rendered source.
    const int dx = t.destination.x - t.source.x, dy = t.destination.y - t.source.y;
    const std::size_t run = static_cast<std::size_t>(t.destination.width) * 4;
    for (int y = 0; y < t.destination.height; ++y)
        std::copy_n(tile.at(dx, dy + y), run, band_.data() + image_stride * y + static_cast<std::size_t>(t.destination.x) * 4);
    ++next_;
    if (t.column + 1 == plan_.columns)
        for (int y = 0; y < t.destination.height; ++y)
            if (auto ok = sink_.write_row(band_.data() + image_stride * y); !ok) {
                failed_ = true;
                return ok;
            }
    return true;
}

geo::Result<bool> TileAssembler::add_rows(const RowReader& read) {
    if (failed_) return geo::make_error("the tiled export has already failed");
    if (complete()) return geo::make_error("more tiles than the plan's " + std::to_string(plan_.tiles.size()));
    if (plan_.columns != 1) return geo::make_error("rows are read straight only from a plan of one column");
    if (sink_.width() != plan_.width || sink_.height() != plan_.height)
        return geo::make_error("the file is " + std::to_string(sink_.width()) + " x " + std::to_string(sink_.height()) +
                               " pixels but the tiles make " + std::to_string(plan_.width) + " x " +
                               std::to_string(plan_.height));
    const Tile& t = plan_.tiles[next_];
    const int dx = t.destination.x - t.source.x, dy = t.destination.y - t.source.y;
    const std::size_t source_row = static_cast<std::size_t>(t.source.width) * 4;
    constexpr int kRows = 64;
    std::vector<std::uint8_t> strip(source_row * static_cast<std::size_t>(std::min(kRows, t.destination.height)));
    for (int y0 = 0; y0 < t.destination.height; y0 += kRows) {
        const int rows = std::min(kRows, t.destination.height - y0);
        read(dy + y0, rows, strip.data());
        for (int k = 0; k < rows; ++k)
            if (auto ok = sink_.write_row(strip.data() + source_row * static_cast<std::size_t>(k) + static_cast<std::size_t>(dx) * 4);
                !ok) {
                failed_ = true;
                return ok;
            }
    }
    ++next_;
    return true;
}

geo::Result<bool> TileAssembler::finish() {
    if (failed_) return geo::make_error("the tiled export has already failed");
    if (!complete()) {
        failed_ = true;
        // The sink refuses rows missing: its file is removed, the old one kept.
        auto refused = sink_.finish();
        return geo::make_error("only " + std::to_string(next_) + " of " + std::to_string(plan_.tiles.size()) +
                               " tiles were rendered; the image was not written" +
                               (refused ? std::string() : " (" + refused.error() + ")"));
    }
    return sink_.finish();
}

}  // namespace mirador
