#pragma once
// Puts rendered tiles together into rows for a file writer: tiles arrive in the plan's order
// (row-major), each the size of its source rectangle; the part each contributes (its
// destination) is copied into the current band, and when the band's last tile is in, its rows
// go to the RowSink and the band is reused. Memory: one band (TilePlanOptions::max_band_bytes).
//
// An export is all or nothing: finish() refuses an image with tiles missing, and the sink's file
// is then never put in place (never a silently cut image).
#include <cstdint>
#include <functional>
#include <vector>

#include "export/Image.hpp"
#include "export/RowSink.hpp"
#include "export/TilePlan.hpp"

namespace mirador {

class TileAssembler {
public:
    // `plan` and `sink` must outlive the assembler; the sink's size must be the plan's.
    TileAssembler(const TilePlan& plan, RowSink& sink);

    // The next tile of the plan, rendered: tile.source.width x tile.source.height RGBA.
    [[nodiscard]] geo::Result<bool> add(const Image& tile);

    // A plan of one column: the tile's rows span the image, so they go to the sink straight from
    // where they are read, a few at a time (`read(first_row, rows, out)` puts `rows` rows of the
    // tile's source from `first_row`, counted from its top, into `out`), with no tile-sized or
    // band-sized buffer: at 4K that is 66 MB less to zero and fault in.
    using RowReader = std::function<void(int first_row, int rows, std::uint8_t* out)>;
    [[nodiscard]] geo::Result<bool> add_rows(const RowReader& read);

    // The tile add() expects next (while !complete()).
    const Tile& next_tile() const { return plan_.tiles[next_]; }
    bool complete() const { return next_ == plan_.tiles.size(); }

    // After the last tile: finishes the sink (its file is put in place). Refuses when tiles are
    // missing.
    [[nodiscard]] geo::Result<bool> finish();

private:
    const TilePlan& plan_;
    RowSink& sink_;
    std::size_t next_ = 0;
    std::vector<std::uint8_t> band_;
    bool failed_ = false;
};

}  // namespace mirador
