#pragma once
// PNG files written through geo::AtomicFile: every write is checked, the old file stays until
// the new one is complete, and a failure names the file and the reason. Rows are streamed, so
// an image larger than memory can be written as it is rendered (tiled exports).
//
// The encoder is our own around zlib, deflating bands of rows on several threads (PngWriter.cpp
// says why and what it saved); before it, libspng (one thread), and before that stb_image_write,
// which gave no way to check its writes (a full disk left a 4 KB fragment reported as written)
// and took 1.7 s for a 4K map. The tests read the files back with libspng's decoder.
#include <cstdint>
#include <functional>
#include <memory>
#include <string>

#include "export/Image.hpp"
#include "export/RowSink.hpp"
#include "mirador/geo/Result.hpp"

namespace mirador {

struct PngOptions {
    double dpi = 0;             // > 0: stored in a pHYs chunk (pixels per metre)
    int compression_level = 3;  // zlib 0-9: 3 is several times faster than 6 for a few % more bytes
};

// The whole image at once.
[[nodiscard]] geo::Result<bool> write_png(const std::string& path, const Image& image, const PngOptions& options = {});

// Row by row: `row(y, rgba)` fills row y (top first) of `width` RGBA8 pixels. Opaque images
// (`opaque`) are stored as RGB.
using PngRowSource = std::function<void(int y, std::uint8_t* rgba)>;
[[nodiscard]] geo::Result<bool> write_png_rows(const std::string& path, int width, int height, bool opaque,
                                               const PngRowSource& row, const PngOptions& options = {});

// Rows pushed one at a time (what the tile assembler feeds). Opaque images are stored as RGB.
class PngRowWriter final : public RowSink {
public:
    [[nodiscard]] static geo::Result<std::unique_ptr<PngRowWriter>> open(const std::string& path, int width, int height,
                                                                       bool opaque, const PngOptions& options = {});
    ~PngRowWriter() override;
    int width() const override { return width_; }
    int height() const override { return height_; }
    [[nodiscard]] geo::Result<bool> write_row(const std::uint8_t* rgba) override;
    [[nodiscard]] geo::Result<bool> finish() override;

    // PNG allows 2^31 - 1 pixels a side.
    static constexpr long long kMaxSide = 2147483647LL;

private:
    struct Impl;
    PngRowWriter(std::unique_ptr<Impl> impl, int width, int height);
    std::unique_ptr<Impl> impl_;
    int width_, height_;
};

}  // namespace mirador
