#pragma once
// Where an exported image's rows go, top row first, one at a time: the PNG, JPEG and GeoTIFF
// writers all take rows, so an image is never whole in memory (tiled exports of 32768 x 32768
// are 4 GiB of RGBA) and the tile assembler can hand each finished band of rows straight on.
#include <cstdint>

#include "mirador/geo/Result.hpp"

namespace mirador {

class RowSink {
public:
    virtual ~RowSink() = default;
    virtual int width() const = 0;
    virtual int height() const = 0;
    // The next row: width() RGBA8 pixels. An error stops the file (nothing is left behind).
    [[nodiscard]] virtual geo::Result<bool> write_row(const std::uint8_t* rgba) = 0;
    // After the last row: completes the file and puts it in place (geo::AtomicFile::commit).
    // Refuses a file with rows missing.
    [[nodiscard]] virtual geo::Result<bool> finish() = 0;
};

}  // namespace mirador
