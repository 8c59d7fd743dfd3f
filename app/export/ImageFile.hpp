#pragma once
// One entry point for an exported image file of any format the window and the command line
// offer: the format from the extension, the size checked against the largest export and the
// format's own limit, and the writer that takes the rows.
#include <memory>
#include <optional>
#include <string>

#include "export/Image.hpp"
#include "export/MapBounds.hpp"
#include "export/RowSink.hpp"

namespace mirador {

enum class ImageFormat { Png, Jpeg, GeoTiff };

// From the extension: .png, .jpg/.jpeg, .tif/.tiff (any case).
[[nodiscard]] geo::Result<ImageFormat> image_format_for(const std::string& path);
const char* to_string(ImageFormat format);  // "PNG", "JPEG", "GeoTIFF"

struct ImageFileOptions {
    double dpi = 0;          // stored in the file (PNG pHYs, JFIF density, TIFF resolution)
    bool opaque = true;      // PNG: RGB rather than RGBA; GeoTIFF: no alpha band (JPEG has none)
    int jpeg_quality = 90;
    std::optional<MapBounds> bounds;  // what the image shows: required for GeoTIFF
};

// Errors name the file and the limit: a side beyond kMaxExportSide (32768), beyond the format's
// own limit (JPEG: 65500), a GeoTIFF without bounds.
[[nodiscard]] geo::Result<std::unique_ptr<RowSink>> open_image_file(const std::string& path, ImageFormat format, int width,
                                                                    int height, const ImageFileOptions& options);

// A whole image (a snapshot) in the format of `path`'s extension; `options.opaque` is ignored: the
// alpha channel is kept only where a pixel is not opaque.
[[nodiscard]] geo::Result<bool> write_image_file(const std::string& path, const Image& image, ImageFileOptions options);

}  // namespace mirador
