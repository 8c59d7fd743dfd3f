#pragma once
// JPEG files through libjpeg-turbo's C API, rows streamed as they come, written through
// geo::AtomicFile. The DPI goes in the JFIF header's density (dots per inch).
//
// Why libjpeg-turbo directly and not GDAL's JPEG driver: GDAL writes JPEG only by copying a
// whole dataset (CreateCopy), so a 32768-pixel export would have to exist in memory or in a
// temporary file first; libjpeg takes one scanline at a time, and reads our RGBA rows as they
// are (JCS_EXT_RGBA, alpha ignored).
#include <memory>
#include <string>

#include "export/RowSink.hpp"

namespace mirador {

struct JpegOptions {
    double dpi = 0;    // > 0: JFIF density in dots per inch (rounded; at most 65535)
    int quality = 90;  // 1-100: 90 keeps thin borders and small labels free of visible ringing
};

class JpegRowWriter final : public RowSink {
public:
    // JPEG's own limit: 65500 pixels a side.
    static constexpr int kMaxSide = 65500;

    [[nodiscard]] static geo::Result<std::unique_ptr<JpegRowWriter>> open(const std::string& path, int width, int height,
                                                                        const JpegOptions& options = {});
    ~JpegRowWriter() override;
    int width() const override { return width_; }
    int height() const override { return height_; }
    [[nodiscard]] geo::Result<bool> write_row(const std::uint8_t* rgba) override;
    [[nodiscard]] geo::Result<bool> finish() override;

private:
    struct Impl;
    JpegRowWriter(std::unique_ptr<Impl> impl, int width, int height);
    std::unique_ptr<Impl> impl_;
    int width_, height_;
};

}  // namespace mirador
