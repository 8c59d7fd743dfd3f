#include "export/ImageFile.hpp"

#include "export/FileExtension.hpp"
#include "export/GeoTiffWriter.hpp"
#include "export/JpegWriter.hpp"
#include "export/PngWriter.hpp"
#include "export/TilePlan.hpp"

namespace mirador {

geo::Result<ImageFormat> image_format_for(const std::string& path) {
    const std::string ext = lower_extension(path);
    if (ext == "png") return ImageFormat::Png;
    if (ext == "jpg" || ext == "jpeg") return ImageFormat::Jpeg;
    if (ext == "tif" || ext == "tiff") return ImageFormat::GeoTiff;
    return geo::make_error(path + ": an image is exported as .png, .jpg or .tif (GeoTIFF)");
}

const char* to_string(ImageFormat format) {
    switch (format) {
        case ImageFormat::Png: return "PNG";
        case ImageFormat::Jpeg: return "JPEG";
        case ImageFormat::GeoTiff: return "GeoTIFF";
    }
    return "?";
}

// Each writer's open() checks its own format's limit; this checks the export's.
geo::Result<std::unique_ptr<RowSink>> open_image_file(const std::string& path, ImageFormat format, int width, int height,
                                                      const ImageFileOptions& options) {
    if (width > kMaxExportSide || height > kMaxExportSide)
        return geo::make_error(path + ": cannot export " + std::to_string(width) + " x " + std::to_string(height) +
                               " pixels: the largest export is " + std::to_string(kMaxExportSide) + " x " +
                               std::to_string(kMaxExportSide));
    auto wrap = [](auto opened) -> geo::Result<std::unique_ptr<RowSink>> {
        if (!opened) return geo::make_error(opened.error());
        return std::unique_ptr<RowSink>(std::move(opened.value()));
    };
    switch (format) {
        case ImageFormat::Png: {
            PngOptions png;
            png.dpi = options.dpi;
            return wrap(PngRowWriter::open(path, width, height, options.opaque, png));
        }
        case ImageFormat::Jpeg: {
            JpegOptions jpeg;
            jpeg.dpi = options.dpi;
            jpeg.quality = options.jpeg_quality;
            return wrap(JpegRowWriter::open(path, width, height, jpeg));
        }
        case ImageFormat::GeoTiff: {
            if (!options.bounds)
                return geo::make_error(path + ": a GeoTIFF needs the map's bounds to be georeferenced");
            GeoTiffOptions tiff;
            tiff.dpi = options.dpi;
            tiff.alpha = !options.opaque;
            return wrap(GeoTiffRowWriter::open(path, width, height, *options.bounds, tiff));
        }
    }
    return geo::make_error(path + ": unknown image format");
}

geo::Result<bool> write_image_file(const std::string& path, const Image& image, ImageFileOptions options) {
    if (image.rgba.size() != static_cast<std::size_t>(image.width) * static_cast<std::size_t>(image.height) * 4)
        return geo::make_error(path + ": image buffer does not match its size");
    auto format = image_format_for(path);
    if (!format) return geo::make_error(format.error());
    options.opaque = image.opaque();
    auto sink = open_image_file(path, *format, image.width, image.height, options);
    if (!sink) return geo::make_error(sink.error());
    for (int y = 0; y < image.height; ++y)
        if (auto ok = (*sink)->write_row(image.at(0, y)); !ok) return ok;
    return (*sink)->finish();
}

}  // namespace mirador
