#include "export/GeoTiffWriter.hpp"

#include <cpl_error.h>
#include <gdal_frmts.h>
#include <gdal_priv.h>
#include <ogr_spatialref.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <mutex>
#include <vector>

#include "mirador/geo/AtomicFile.hpp"

namespace mirador {

bool geotiff_needs_bigtiff(long long width, long long height, int bands) {
    // 4 GiB less 1/16 for the strip offsets, the tags and DEFLATE's worst case (a few bytes a block).
    constexpr long long kClassicLimit = (1LL << 32) - (1LL << 28);
    return width * height * bands >= kClassicLimit;
}

namespace {

struct DatasetClose {
    void operator()(GDALDataset* ds) const { GDALClose(ds); }
};

// GDAL's message for the last failure, or `fallback`.
std::string gdal_reason(const char* fallback) {
    const char* msg = CPLGetLastErrorMsg();
    return msg && *msg ? msg : fallback;
}

// GDAL prints its errors to stderr unless told otherwise; ours are returned to the caller, so
// they are kept quiet (CPLGetLastErrorMsg still has them) while GDAL works on this file.
struct QuietGdal {
    QuietGdal() {
        CPLPushErrorHandler(CPLQuietErrorHandler);
        CPLErrorReset();
    }
    ~QuietGdal() { CPLPopErrorHandler(); }
    QuietGdal(const QuietGdal&) = delete;
    QuietGdal& operator=(const QuietGdal&) = delete;
};

}  // namespace

struct GeoTiffRowWriter::Impl {
    geo::AtomicFile file;
    std::unique_ptr<GDALDataset, DatasetClose> ds;
    int bands = 3;
    std::vector<std::uint8_t> band;  // kRowsPerBand rows of RGBA, filled by write_row
    int rows_in_band = 0;
    int rows_written = 0;  // handed to GDAL
    bool broken = false;

    explicit Impl(geo::AtomicFile f) : file(std::move(f)) {}

    geo::Error fail(const std::string& reason) {
        broken = true;
        {
            QuietGdal quiet;
            ds.reset();  // GDAL closes the file it opened through path(); the AtomicFile drops it
        }
        if (!file.failed()) file.fail(reason);
        auto r = file.commit();  // refuses, and removes the temporary file
        return geo::make_error(r ? file.target() + ": " + reason : r.error());
    }
};

GeoTiffRowWriter::GeoTiffRowWriter(std::unique_ptr<Impl> impl, int width, int height)
    : impl_(std::move(impl)), width_(width), height_(height) {}
GeoTiffRowWriter::~GeoTiffRowWriter() {
    QuietGdal quiet;
    impl_->ds.reset();
}

geo::Result<std::unique_ptr<GeoTiffRowWriter>> GeoTiffRowWriter::open(const std::string& path, int width, int height,
                                                                     const MapBounds& bounds, const GeoTiffOptions& options) {
    if (width <= 0 || height <= 0) return geo::make_error(path + ": cannot write an empty image");
    if (!(bounds.max_x > bounds.min_x) || !(bounds.max_y > bounds.min_y) ||
        !std::isfinite(bounds.min_x + bounds.max_x + bounds.min_y + bounds.max_y))
        return geo::make_error(path + ": the map's bounds are empty or not finite; cannot georeference the GeoTIFF");
    // The GeoTIFF driver alone: registering all of GDAL's drivers costs 10-30 ms.
    static std::once_flag once;
    std::call_once(once, [] { GDALRegister_GTiff(); });
    GDALDriver* driver = GetGDALDriverManager()->GetDriverByName("GTiff");
    if (!driver) return geo::make_error(path + ": GDAL has no GTiff driver");

    auto file = geo::AtomicFile::create(path);
    if (!file) return geo::make_error(file.error());
    auto impl = std::unique_ptr<Impl>(new Impl(std::move(file.value())));
    Impl& m = *impl;
    m.bands = options.alpha ? 4 : 3;
    QuietGdal quiet;
    // Strips, not tiles: rows arrive top to bottom, and a band of strips is complete (and
    // flushed) as soon as its rows are in. DEFLATE at its fastest level with the horizontal
    // predictor: maps are flat colour, which it packs tightly either way.
    const std::string strip = "BLOCKYSIZE=" + std::to_string(kRowsPerStrip);
    const char* bigtiff = geotiff_needs_bigtiff(width, height, m.bands) ? "BIGTIFF=YES" : "BIGTIFF=NO";
    const char* create_options[] = {"COMPRESS=DEFLATE", "ZLEVEL=1",      "PREDICTOR=2",
                                    "INTERLEAVE=PIXEL", "PHOTOMETRIC=RGB", strip.c_str(),
                                    bigtiff,            options.alpha ? "ALPHA=UNASSOCIATED" : nullptr, nullptr};
    m.ds.reset(driver->Create(m.file.path().c_str(), width, height, m.bands, GDT_Byte, const_cast<char**>(create_options)));
    if (!m.ds) return m.fail("cannot create the GeoTIFF: " + gdal_reason("GDAL gave no reason"));

    // North up: x grows east from the left edge, y falls south from the top edge.
    double transform[6] = {bounds.min_x, (bounds.max_x - bounds.min_x) / width, 0,
                           bounds.max_y, 0, -(bounds.max_y - bounds.min_y) / height};
    OGRSpatialReference srs;
    const int epsg = geo::epsg_code(bounds.crs);
    if (srs.importFromEPSG(epsg) != OGRERR_NONE)
        return m.fail("GDAL does not know EPSG:" + std::to_string(epsg) + ": " + gdal_reason("no reason given"));
    if (m.ds->SetGeoTransform(transform) != CE_None || m.ds->SetSpatialRef(&srs) != CE_None)
        return m.fail("cannot georeference the GeoTIFF: " + gdal_reason("GDAL gave no reason"));
    m.ds->SetMetadataItem("TIFFTAG_SOFTWARE", "Mirador");
    if (options.dpi > 0) {
        const std::string dpi = std::to_string(options.dpi);
        m.ds->SetMetadataItem("TIFFTAG_XRESOLUTION", dpi.c_str());
        m.ds->SetMetadataItem("TIFFTAG_YRESOLUTION", dpi.c_str());
        m.ds->SetMetadataItem("TIFFTAG_RESOLUTIONUNIT", "2");  // inch
    }
    m.band.resize(static_cast<std::size_t>(width) * 4 * kRowsPerBand);
    return std::unique_ptr<GeoTiffRowWriter>(new GeoTiffRowWriter(std::move(impl), width, height));
}

geo::Result<bool> GeoTiffRowWriter::write_band() {
    Impl& m = *impl_;
    if (m.rows_in_band == 0) return true;
    QuietGdal quiet;
    int band_map[4] = {1, 2, 3, 4};
    // The RGBA rows as they are: 4 bytes from one pixel to the next, the first `bands` of them used.
    if (m.ds->RasterIO(GF_Write, 0, m.rows_written, width_, m.rows_in_band, m.band.data(), width_, m.rows_in_band, GDT_Byte,
                       m.bands, band_map, 4, static_cast<GSpacing>(width_) * 4, 1, nullptr) != CE_None)
        return m.fail("cannot write rows " + std::to_string(m.rows_written) + "-" +
                      std::to_string(m.rows_written + m.rows_in_band - 1) + ": " + gdal_reason("GDAL gave no reason"));
    // Flushing each band's blocks (not the dataset, which would rewrite the TIFF directory each
    // time) writes the finished strips now, so GDAL's block cache never holds more than a band.
    // The first band's flush writes every band of a pixel-interleaved strip.
    for (int b = 1; b <= m.bands; ++b)
        if (m.ds->GetRasterBand(b)->FlushCache(false) != CE_None)
            return m.fail("cannot write rows " + std::to_string(m.rows_written) + "-" +
                          std::to_string(m.rows_written + m.rows_in_band - 1) + ": " + gdal_reason("GDAL gave no reason"));
    m.rows_written += m.rows_in_band;
    m.rows_in_band = 0;
    return true;
}

geo::Result<bool> GeoTiffRowWriter::write_row(const std::uint8_t* rgba) {
    Impl& m = *impl_;
    if (m.broken) return geo::make_error(m.file.target() + ": the GeoTIFF has already failed");
    if (m.rows_written + m.rows_in_band >= height_)
        return geo::make_error(m.file.target() + ": more rows than the image's height");
    const std::size_t stride = static_cast<std::size_t>(width_) * 4;
    std::memcpy(m.band.data() + stride * m.rows_in_band, rgba, stride);
    if (++m.rows_in_band == kRowsPerBand) return write_band();
    return true;
}

geo::Result<bool> GeoTiffRowWriter::finish() {
    Impl& m = *impl_;
    if (m.broken) return geo::make_error(m.file.target() + ": the GeoTIFF has already failed");
    if (auto ok = write_band(); !ok) return ok;
    if (m.rows_written != height_)
        return m.fail("only " + std::to_string(m.rows_written) + " of " + std::to_string(height_) + " rows were written");
    {
        QuietGdal quiet;
        GDALDataset* ds = m.ds.release();
        // GDALClose writes the last strips and the directory; its failure is the last error.
        CPLErrorReset();
        GDALClose(ds);
        if (CPLGetLastErrorType() >= CE_Failure) return m.fail("cannot finish the GeoTIFF: " + gdal_reason("GDAL gave no reason"));
    }
    m.broken = true;  // one commit only
    return m.file.commit();
}

}  // namespace mirador
