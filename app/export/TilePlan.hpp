#pragma once
// Exports larger than one GL framebuffer are rendered in tiles: the planner cuts the image into
// a grid no tile of which exceeds the GL limit (GL_MAX_RENDERBUFFER_SIZE, GL_MAX_VIEWPORT_DIMS:
// 16384 on llvmpipe), each tile rendered `overlap` pixels larger on its inner sides than what it
// contributes, so a line or a point symbol that crosses a tile edge is drawn whole on both sides
// and leaves no seam; only the contributed part is kept (TileAssembler).
//
// Tiles come in row-major order, and a row of tiles (a band) is at most `max_band_bytes` of
// RGBA, so the assembler can hand finished rows on to the file and hold one band at a time.
#include <cstddef>
#include <vector>

#include "export/MapBounds.hpp"
#include "mirador/geo/Result.hpp"

namespace mirador {

// The largest export side: 32768 x 32768 (4 GiB of RGBA) is far past any print (A0 at 600 dpi is
// 19866 x 28087) and keeps a planned size from wrapping the file writers' counters.
inline constexpr int kMaxExportSide = 32768;

struct TilePlanOptions {
    int max_tile_size = 4096;  // the largest tile the GPU renders, a side
    int overlap = 32;          // pixels rendered beyond each inner edge: at least the widest symbol's radius
    std::size_t max_band_bytes = std::size_t(256) << 20;  // one row of tiles, as RGBA
};

struct Tile {
    int column = 0, row = 0;
    PixelRect source;       // what to render, in the whole image's pixels: destination plus overlap
    PixelRect destination;  // what it contributes to the image
};

struct TilePlan {
    int width = 0, height = 0;
    int columns = 0, rows = 0;
    std::vector<Tile> tiles;  // row-major: tiles[row * columns + column]
    const Tile& at(int column, int row) const { return tiles[static_cast<std::size_t>(row) * columns + column]; }
};

// The tiles for a `width` x `height` image. Errors name the limit broken: a side beyond
// kMaxExportSide, a tile too small for its overlap.
[[nodiscard]] geo::Result<TilePlan> plan_tiles(int width, int height, const TilePlanOptions& options = {});

}  // namespace mirador
