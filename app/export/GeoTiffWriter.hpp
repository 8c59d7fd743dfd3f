#pragma once
// GeoTIFF of the rendered map, georeferenced in the display CRS (EPSG:6372 or EPSG:3857), so it
// opens in QGIS over other data: RGB (or RGBA) bytes, the geotransform from the image's bounds,
// the EPSG code, the DPI in the TIFF resolution tags. Written by GDAL's GTiff driver through
// geo::AtomicFile::path(), a band of rows at a time: each band is flushed to the file as soon as
// it is complete, so memory holds one band, whatever the image's size.
#include <memory>
#include <string>

#include "export/MapBounds.hpp"
#include "export/RowSink.hpp"

namespace mirador {

struct GeoTiffOptions {
    double dpi = 0;      // > 0: TIFF XResolution/YResolution in pixels per inch
    bool alpha = false;  // keep the alpha channel as a fourth band (unassociated alpha)
};

// Whether a GeoTIFF of this size needs BigTIFF (64-bit offsets): classic TIFF stops at 4 GiB, and
// DEFLATE can leave incompressible data (noise, photographs under the map) as large as it came,
// so any image whose raw bytes come near 4 GiB is written as BigTIFF. 32768 x 32768 RGB (3.2 GB)
// stays classic TIFF, which more programs read; RGBA (4.3 GB) is BigTIFF.
bool geotiff_needs_bigtiff(long long width, long long height, int bands);

class GeoTiffRowWriter final : public RowSink {
public:
    [[nodiscard]] static geo::Result<std::unique_ptr<GeoTiffRowWriter>> open(const std::string& path, int width, int height,
                                                                           const MapBounds& bounds,
                                                                           const GeoTiffOptions& options = {});
    ~GeoTiffRowWriter() override;
    int width() const override { return width_; }
    int height() const override { return height_; }
    [[nodiscard]] geo::Result<bool> write_row(const std::uint8_t* rgba) override;
    [[nodiscard]] geo::Result<bool> finish() override;

    // Rows per TIFF strip, and per band handed to GDAL (a multiple of it, so a flush never
    // leaves a strip half written).
    static constexpr int kRowsPerStrip = 16;
    static constexpr int kRowsPerBand = 64;

private:
    struct Impl;
    GeoTiffRowWriter(std::unique_ptr<Impl> impl, int width, int height);
    geo::Result<bool> write_band();
    std::unique_ptr<Impl> impl_;
    int width_, height_;
};

}  // namespace mirador
