// The image writers read back by other code: PNG through libspng's decoder (pHYs), JPEG through
// libjpeg's decoder (JFIF density: GDAL reports only EXIF's) and GDAL (pixels), GeoTIFF through
// GDAL (TIFF resolution tags, geotransform, EPSG code), so that what QGIS, an image viewer or a
// word processor reads is what was meant.
#include <gdal_priv.h>
#include <ogr_spatialref.h>
#include <spng.h>
#include <zlib.h>

#include <cstddef>  // jpeglib.h needs size_t and FILE declared first
#include <cstdio>

#include <jpeglib.h>

#include <catch2/catch.hpp>

#include <algorithm>
#include <array>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <memory>

#include "TestData.hpp"
#include "export/GeoTiffWriter.hpp"
#include "export/ImageFile.hpp"
#include "export/JpegWriter.hpp"
#include "export/PngWriter.hpp"
#include "mirador/geo/Projector.hpp"

using namespace mirador;
namespace fs = std::filesystem;

namespace {

// A map-like test card: quiet fill, a dark diagonal line, a coloured block; every pixel differs
// from its neighbours in some channel so a shifted row would show.
Image test_card(int width, int height) {
    Image img{width, height, std::vector<std::uint8_t>(static_cast<std::size_t>(width) * height * 4)};
    for (int y = 0; y < height; ++y)
        for (int x = 0; x < width; ++x) {
            std::uint8_t* p = img.rgba.data() + (static_cast<std::size_t>(y) * width + x) * 4;
            p[0] = static_cast<std::uint8_t>(200 + (x % 40));
            p[1] = static_cast<std::uint8_t>(210 + (y % 30));
            p[2] = static_cast<std::uint8_t>(180 + ((x + y) % 50));
            p[3] = 255;
            if (std::abs(x - y) < 2) p[0] = p[1] = p[2] = 30;
        }
    return img;
}

geo::Result<bool> write_all(RowSink& sink, const Image& img) {
    for (int y = 0; y < img.height; ++y)
        if (auto ok = sink.write_row(img.at(0, y)); !ok) return ok;
    return sink.finish();
}

struct DatasetClose {
    void operator()(GDALDataset* ds) const { GDALClose(ds); }
};
using Dataset = std::unique_ptr<GDALDataset, DatasetClose>;

Dataset open_raster(const std::string& path) {
    GDALAllRegister();
    return Dataset(static_cast<GDALDataset*>(GDALOpenEx(path.c_str(), GDAL_OF_RASTER | GDAL_OF_READONLY, nullptr, nullptr, nullptr)));
}

struct JfifDensity {
    int unit = -1, x = 0, y = 0;
};

// The JFIF header's density, as a decoder reads it.
JfifDensity read_jfif_density(const std::string& path) {
    std::FILE* f = std::fopen(path.c_str(), "rb");
    REQUIRE(f);
    jpeg_decompress_struct cinfo{};
    jpeg_error_mgr err{};
    cinfo.err = jpeg_std_error(&err);
    jpeg_create_decompress(&cinfo);
    jpeg_stdio_src(&cinfo, f);
    jpeg_read_header(&cinfo, TRUE);
    JfifDensity d;
    if (cinfo.saw_JFIF_marker) d = {cinfo.density_unit, cinfo.X_density, cinfo.Y_density};
    jpeg_destroy_decompress(&cinfo);
    std::fclose(f);
    return d;
}

std::string metadata(GDALDataset& ds, const char* key) {
    const char* v = ds.GetMetadataItem(key);
    return v ? v : "";
}

}  // namespace

TEST_CASE("PNG stores its DPI in pHYs, read back by libspng's decoder", "[export][png]") {
    const std::string dir = test::temp_dir("png-dpi");
    const std::string path = dir + "/map.png";
    const Image img = test_card(300, 200);
    auto sink = open_image_file(path, ImageFormat::Png, img.width, img.height, ImageFileOptions{300, true, 90, {}});
    REQUIRE(sink);
    REQUIRE(write_all(**sink, img));

    std::FILE* f = std::fopen(path.c_str(), "rb");
    REQUIRE(f);
    spng_ctx* ctx = spng_ctx_new(0);
    spng_set_png_file(ctx, f);
    spng_phys phys{};
    REQUIRE(spng_get_phys(ctx, &phys) == 0);
    CHECK(phys.unit_specifier == 1);  // per metre
    CHECK(phys.ppu_x == 11811);       // 300 / 0.0254
    CHECK(phys.ppu_y == 11811);
    CHECK(phys.ppu_x * 0.0254 == Approx(300).margin(0.01));
    std::vector<std::uint8_t> decoded(img.rgba.size());
    REQUIRE(spng_decode_image(ctx, decoded.data(), decoded.size(), SPNG_FMT_RGBA8, 0) == 0);
    spng_ctx_free(ctx);
    std::fclose(f);
    CHECK(decoded == img.rgba);
}

namespace {

// Every chunk of a PNG file with its CRC checked here (zlib's crc32), and the image data's zlib
// stream inflated whole (which checks its Adler-32): what a strict reader does.
std::vector<std::string> checked_chunks(const std::string& path, std::vector<std::uint8_t>& inflated) {
    std::ifstream in(path, std::ios::binary);
    const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    REQUIRE(bytes.size() > 8);
    REQUIRE(bytes.compare(0, 8, "\x89PNG\r\n\x1a\n") == 0);
    auto u32 = [&](std::size_t at) {
        return std::uint32_t(std::uint8_t(bytes[at])) << 24 | std::uint32_t(std::uint8_t(bytes[at + 1])) << 16 |
               std::uint32_t(std::uint8_t(bytes[at + 2])) << 8 | std::uint32_t(std::uint8_t(bytes[at + 3]));
    };
    std::vector<std::string> types;
    std::string stream;
    for (std::size_t at = 8; at < bytes.size();) {
        REQUIRE(at + 12 <= bytes.size());
        const std::uint32_t n = u32(at);
        REQUIRE(at + 12 + n <= bytes.size());
        const std::string type = bytes.substr(at + 4, 4);
        const auto* body = reinterpret_cast<const Bytef*>(bytes.data() + at + 4);
        INFO("chunk " << types.size() << " " << type);
        CHECK(crc32(0L, body, n + 4) == u32(at + 8 + n));
        if (type == "IDAT") stream += bytes.substr(at + 8, n);
        types.push_back(type);
        at += 12 + n;
    }
    uLongf size = static_cast<uLongf>(inflated.size());
    CHECK(uncompress(inflated.data(), &size, reinterpret_cast<const Bytef*>(stream.data()), stream.size()) == Z_OK);
    CHECK(size == inflated.size());
    return types;
}

}  // namespace

TEST_CASE("a PNG of many bands of rows has right CRCs and one zlib stream and decodes to its pixels", "[export][png]") {
    // 1500 x 2000 is several of the writer's deflate bands: joined wrong, a CRC, the Adler-32 or
    // the rows at a band's edge would be off.
    const std::string dir = test::temp_dir("png-bands");
    for (const bool opaque : {true, false}) {
        Image img = test_card(1500, 2000);
        if (!opaque)
            for (std::size_t i = 3; i < img.rgba.size(); i += 4) img.rgba[i] = static_cast<std::uint8_t>(i / 4 % 251);
        const std::string path = dir + (opaque ? "/rgb.png" : "/rgba.png");
        auto sink = open_image_file(path, ImageFormat::Png, img.width, img.height, ImageFileOptions{0, opaque, 90, {}});
        REQUIRE(sink);
        REQUIRE(write_all(**sink, img));

        const std::size_t channels = opaque ? 3 : 4;
        std::vector<std::uint8_t> inflated((img.width * channels + 1) * static_cast<std::size_t>(img.height));
        const auto types = checked_chunks(path, inflated);
        REQUIRE(types.size() >= 5);
        CHECK(types.front() == "IHDR");
        CHECK(types.back() == "IEND");
        CHECK(std::count(types.begin(), types.end(), "IDAT") >= 4);
        std::vector<std::uint8_t> rows;  // each row: filter type none, then its pixels
        for (int y = 0; y < img.height; ++y) {
            rows.push_back(0);
            for (int x = 0; x < img.width; ++x) rows.insert(rows.end(), img.at(x, y), img.at(x, y) + channels);
        }
        CHECK(inflated == rows);

        std::FILE* f = std::fopen(path.c_str(), "rb");
        REQUIRE(f);
        spng_ctx* ctx = spng_ctx_new(0);
        spng_set_png_file(ctx, f);
        std::vector<std::uint8_t> decoded(img.rgba.size());
        CHECK(spng_decode_image(ctx, decoded.data(), decoded.size(), SPNG_FMT_RGBA8, 0) == 0);
        spng_ctx_free(ctx);
        std::fclose(f);
        CHECK(decoded == img.rgba);
    }
}

TEST_CASE("JPEG stores its DPI in the JFIF header, read back by a decoder", "[export][jpeg]") {
    const std::string dir = test::temp_dir("jpeg-dpi");
    const std::string path = dir + "/map.jpg";
    const Image img = test_card(320, 240);
    auto sink = open_image_file(path, ImageFormat::Jpeg, img.width, img.height, ImageFileOptions{150, true, 95, {}});
    REQUIRE(sink);
    REQUIRE(write_all(**sink, img));
    const JfifDensity density = read_jfif_density(path);
    CHECK(density.unit == 1);  // dots per inch
    CHECK(density.x == 150);
    CHECK(density.y == 150);

    Dataset ds = open_raster(path);
    REQUIRE(ds);
    CHECK(std::string(ds->GetDriver()->GetDescription()) == "JPEG");
    CHECK(ds->GetRasterXSize() == 320);
    CHECK(ds->GetRasterYSize() == 240);
    // The pixels survive within JPEG's loss at quality 95 (and the rows are in their places).
    std::vector<std::uint8_t> rgb(static_cast<std::size_t>(img.width) * img.height * 3);
    REQUIRE(ds->RasterIO(GF_Read, 0, 0, img.width, img.height, rgb.data(), img.width, img.height, GDT_Byte, 3, nullptr, 3,
                         static_cast<GSpacing>(img.width) * 3, 1, nullptr) == CE_None);
    double total_error = 0;
    for (std::size_t i = 0, n = static_cast<std::size_t>(img.width) * img.height; i < n; ++i)
        for (int c = 0; c < 3; ++c) total_error += std::abs(int(rgb[i * 3 + c]) - int(img.rgba[i * 4 + c]));
    CHECK(total_error / (img.width * img.height * 3.0) < 3.0);
}

TEST_CASE("a GeoTIFF puts a known place at the right pixel, with its EPSG code and DPI", "[export][geotiff]") {
    const std::string dir = test::temp_dir("geotiff-georef");
    // Culiacán and Cancún, far apart, both inside the map.
    const geo::Vec2 culiacan{-107.3940, 24.8091}, cancun{-86.8515, 21.1619};
    for (geo::DisplayCrs crs : {geo::DisplayCrs::Mexico6372, geo::DisplayCrs::WebMercator3857}) {
        INFO("EPSG:" << geo::epsg_code(crs));
        auto projector = geo::lonlat_to_display(crs);
        REQUIRE(projector);
        // A view of Mexico: the bounds of the two cities, widened, at a pixel size that is not round.
        const geo::Vec2 a = projector->forward(culiacan), b = projector->forward(cancun);
        const MapBounds bounds{crs, std::min(a.x, b.x) - 300'000, std::min(a.y, b.y) - 400'000,
                               std::max(a.x, b.x) + 250'000, std::max(a.y, b.y) + 350'000};
        const int width = 733, height = 419;
        Image img = test_card(width, height);
        // Mark each city's pixel (from our own projection and the bounds) in pure red and blue.
        auto mark = [&](geo::Vec2 p, std::uint8_t r, std::uint8_t g, std::uint8_t bl) {
            const int px = static_cast<int>(std::floor((p.x - bounds.min_x) / (bounds.max_x - bounds.min_x) * width));
            const int py = static_cast<int>(std::floor((bounds.max_y - p.y) / (bounds.max_y - bounds.min_y) * height));
            std::uint8_t* q = img.rgba.data() + (static_cast<std::size_t>(py) * width + px) * 4;
            q[0] = r, q[1] = g, q[2] = bl;
        };
        mark(a, 255, 0, 0);
        mark(b, 0, 0, 255);
        const std::string path = dir + "/map-" + std::to_string(geo::epsg_code(crs)) + ".tif";
        auto sink = open_image_file(path, ImageFormat::GeoTiff, width, height, ImageFileOptions{300, true, 90, bounds});
        REQUIRE(sink);
        REQUIRE(write_all(**sink, img));

        Dataset ds = open_raster(path);
        REQUIRE(ds);
        CHECK(ds->GetRasterCount() == 3);
        const OGRSpatialReference* srs = ds->GetSpatialRef();
        REQUIRE(srs);
        CHECK(std::string(srs->GetAuthorityCode(nullptr)) == std::to_string(geo::epsg_code(crs)));
        CHECK(std::stod(metadata(*ds, "TIFFTAG_XRESOLUTION")) == 300);
        CHECK(metadata(*ds, "TIFFTAG_RESOLUTIONUNIT").rfind("2", 0) == 0);
        double gt[6];
        REQUIRE(ds->GetGeoTransform(gt) == CE_None);
        // GDAL's own transformation from lon/lat to the file's CRS, and its geotransform.
        OGRSpatialReference wgs84;
        wgs84.SetWellKnownGeogCS("WGS84");
        wgs84.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
        std::unique_ptr<OGRCoordinateTransformation> to_file(OGRCreateCoordinateTransformation(&wgs84, srs));
        REQUIRE(to_file);
        auto pixel_of = [&](geo::Vec2 lonlat) {
            double x = lonlat.x, y = lonlat.y;
            REQUIRE(to_file->Transform(1, &x, &y));
            const int px = static_cast<int>(std::floor((x - gt[0]) / gt[1]));
            const int py = static_cast<int>(std::floor((y - gt[3]) / gt[5]));
            std::uint8_t rgb[3] = {};
            REQUIRE(ds->RasterIO(GF_Read, px, py, 1, 1, rgb, 1, 1, GDT_Byte, 3, nullptr, 3, 3, 1, nullptr) == CE_None);
            return std::array<int, 3>{rgb[0], rgb[1], rgb[2]};
        };
        CHECK(pixel_of(culiacan) == std::array<int, 3>{255, 0, 0});
        CHECK(pixel_of(cancun) == std::array<int, 3>{0, 0, 255});
        // Lossless: every pixel as written.
        std::vector<std::uint8_t> rgb(static_cast<std::size_t>(width) * height * 3);
        REQUIRE(ds->RasterIO(GF_Read, 0, 0, width, height, rgb.data(), width, height, GDT_Byte, 3, nullptr, 3,
                             static_cast<GSpacing>(width) * 3, 1, nullptr) == CE_None);
        bool same = true;
        for (std::size_t i = 0, n = static_cast<std::size_t>(width) * height; i < n && same; ++i)
            for (int c = 0; c < 3; ++c) same = same && rgb[i * 3 + c] == img.rgba[i * 4 + c];
        CHECK(same);
    }
}

TEST_CASE("a GeoTIFF is classic TIFF until its raw size nears 4 GiB, then BigTIFF", "[export][geotiff]") {
    CHECK_FALSE(geotiff_needs_bigtiff(3840, 2160, 3));
    CHECK_FALSE(geotiff_needs_bigtiff(32768, 32768, 3));  // 3.2 GB
    CHECK(geotiff_needs_bigtiff(32768, 32768, 4));        // 4.3 GB
    CHECK(geotiff_needs_bigtiff(40000, 40000, 3));
    // A small file's header says classic TIFF ("II*\0"; BigTIFF is "II+\0").
    const std::string path = test::temp_dir("geotiff-classic") + "/small.tif";
    auto sink = GeoTiffRowWriter::open(path, 64, 64, MapBounds{geo::DisplayCrs::Mexico6372, 0, 0, 6400, 6400});
    REQUIRE(sink);
    REQUIRE(write_all(**sink, test_card(64, 64)));
    std::ifstream in(path, std::ios::binary);
    char head[4] = {};
    in.read(head, 4);
    CHECK(std::string(head, 4) == std::string("II*\0", 4));
}

TEST_CASE("an impossible export size is refused with the reason, and no file is left", "[export][limits]") {
    const std::string dir = test::temp_dir("export-limits");
    auto too_big = open_image_file(dir + "/huge.png", ImageFormat::Png, 40000, 1000, {});
    REQUIRE_FALSE(too_big);
    CHECK(too_big.error().find("32768 x 32768") != std::string::npos);
    CHECK(too_big.error().find("huge.png") != std::string::npos);
    // JPEG's own limit, below ours for no size but its own: 65500 a side.
    auto jpeg = JpegRowWriter::open(dir + "/wide.jpg", 70000, 10);
    REQUIRE_FALSE(jpeg);
    CHECK(jpeg.error().find("65500") != std::string::npos);
    auto no_bounds = open_image_file(dir + "/map.tif", ImageFormat::GeoTiff, 100, 100, {});
    REQUIRE_FALSE(no_bounds);
    CHECK(no_bounds.error().find("bounds") != std::string::npos);
    auto wrong_extension = image_format_for(dir + "/map.bmp");
    REQUIRE_FALSE(wrong_extension);
    CHECK(wrong_extension.error().find(".png") != std::string::npos);
    CHECK(image_format_for("A.JPEG").value() == ImageFormat::Jpeg);
    CHECK(image_format_for("a.tiff").value() == ImageFormat::GeoTiff);
    CHECK(fs::is_empty(dir));
}

TEST_CASE("a file short of rows is refused and the old file is kept", "[export][limits]") {
    const std::string dir = test::temp_dir("export-short");
    const Image img = test_card(50, 40);
    for (ImageFormat format : {ImageFormat::Png, ImageFormat::Jpeg, ImageFormat::GeoTiff}) {
        INFO(to_string(format));
        const std::string path = dir + "/map." + (format == ImageFormat::Png ? "png" : format == ImageFormat::Jpeg ? "jpg" : "tif");
        {
            std::ofstream old(path);
            old << "the old file";
        }
        ImageFileOptions options;
        options.bounds = MapBounds{geo::DisplayCrs::Mexico6372, 0, 0, 5000, 4000};
        auto sink = open_image_file(path, format, img.width, img.height, options);
        REQUIRE(sink);
        for (int y = 0; y < img.height - 1; ++y) REQUIRE((*sink)->write_row(img.at(0, y)));
        auto done = (*sink)->finish();
        REQUIRE_FALSE(done);
        CHECK(done.error().find("39 of 40 rows") != std::string::npos);
        sink->reset();
        std::ifstream in(path);
        std::string text;
        std::getline(in, text);
        CHECK(text == "the old file");
    }
    CHECK(std::distance(fs::directory_iterator(dir), fs::directory_iterator()) == 3);  // no temporary files
}
