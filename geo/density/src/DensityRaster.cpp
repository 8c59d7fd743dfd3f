#include "mirador/geo/DensityRaster.hpp"

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <mutex>
#include <thread>

#include <gdal_frmts.h>
#include <ogr_spatialref.h>
#include <tiffio.h>

#include "GdalSupport.hpp"
#include "mirador/geo/RleDeflate.hpp"
#include "mirador/geo/TiffFloatPredictor.hpp"

namespace mirador::geo {

struct DensityGeoTiffWriter::Impl {
    GridSpec spec;
    std::string path;
    RasterCompression compression = RasterCompression::Deflate;
    detail::DatasetPtr ds;
};

namespace {

constexpr int kTileSize = 256;

// File row `row` of the tile `tile_x` columns in, as Float32 samples: a row of the grid (file
// row r is grid row ny - 1 - r, north first), zeros past the grid's edges.
const float* tile_row(const DensityGrid& grid, int tile_x, int row, std::vector<float>& padded) {
    const GridSpec& g = grid.spec;
    const int x0 = tile_x * kTileSize;
    const int width = std::min(kTileSize, g.nx - x0);
    const float* first = row < g.ny ? grid.values.data() + static_cast<std::size_t>(g.ny - 1 - row) * g.nx + x0 : nullptr;
    if (first && width == kTileSize) return first;
    padded.assign(kTileSize, 0.0f);
    if (first) std::copy_n(first, width, padded.begin());
    return padded.data();
}

// One tile as TIFF stores it under PREDICTOR=3: the predictor applied row by row, then one zlib
// stream (RleDeflate.hpp says why not libtiff's libdeflate).
void compress_tile(const DensityGrid& grid, int tile_x, int tile_y, RleDeflater& deflater,
                   std::vector<std::uint8_t>& predicted, std::vector<float>& padded, std::vector<std::uint8_t>& out) {
    constexpr int row_bytes = 4 * kTileSize;
    predicted.resize(static_cast<std::size_t>(row_bytes) * (kTileSize + 1));
    std::uint8_t* scratch = predicted.data() + static_cast<std::size_t>(row_bytes) * kTileSize;
    for (int r = 0; r < kTileSize; ++r)
        predict_float_row(tile_row(grid, tile_x, tile_y * kTileSize + r, padded), kTileSize, scratch,
                          predicted.data() + static_cast<std::size_t>(r) * row_bytes);
    out.clear();
    deflater.compress({predicted.data(), static_cast<std::size_t>(row_bytes) * kTileSize}, out);
}

}  // namespace

DensityGeoTiffWriter::DensityGeoTiffWriter(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
DensityGeoTiffWriter::DensityGeoTiffWriter(DensityGeoTiffWriter&&) noexcept = default;
DensityGeoTiffWriter& DensityGeoTiffWriter::operator=(DensityGeoTiffWriter&&) noexcept = default;
DensityGeoTiffWriter::~DensityGeoTiffWriter() = default;

Result<DensityGeoTiffWriter> DensityGeoTiffWriter::create(const GridSpec& g, const std::string& path,
                                                          std::string_view units, const RasterMetadata& metadata,
                                                          RasterCompression compression) {
    if (g.nx <= 0 || g.ny <= 0) return make_error(path + ": cannot write an empty density grid");
    // The GeoTIFF driver alone: registering all of GDAL's drivers costs 10-30 ms of a command
    // that may otherwise need none.
    static std::once_flag once;
    std::call_once(once, [] { GDALRegister_GTiff(); });
    detail::GdalMessageCollector messages;
    const auto fail = [&](const char* what) {
        const std::string why = messages.last();
        return make_error(path + ": " + what + (why.empty() ? std::string() : std::string(": ").append(why)));
    };
    OGRSpatialReference srs;
    if (srs.SetFromUserInput(g.crs.c_str()) != OGRERR_NONE) return make_error(path + ": unknown CRS '" + g.crs + "'");
    GDALDriver* driver = GetGDALDriverManager()->GetDriverByName("GTiff");
    if (!driver) return make_error(path + ": GDAL has no GTiff driver");
    // DEFLATE with the floating-point predictor in 256 x 256 tiles, which every GeoTIFF reader
    // reads (ZSTD would be faster but fewer programs read it). GDAL compresses only the first
    // tile; write() compresses the others itself (RleDeflate.hpp says why) and hands them to
    // libtiff whole.
    const char* deflate[] = {"COMPRESS=DEFLATE", "ZLEVEL=1", "PREDICTOR=3", "TILED=YES", "BLOCKXSIZE=256", "BLOCKYSIZE=256", nullptr};
    const char* plain[] = {nullptr};
    char** options = const_cast<char**>(compression == RasterCompression::Deflate ? deflate : plain);
    auto impl = std::make_unique<Impl>();
    impl->spec = g;
    impl->path = path;
    impl->compression = compression;
    impl->ds.reset(driver->Create(path.c_str(), g.nx, g.ny, 1, GDT_Float32, options));
    if (!impl->ds) return fail("cannot create the GeoTIFF");
    // North-up: the file's first row is the grid's last (northernmost).
    double transform[6] = {g.x0, g.cell, 0.0, g.y1(), 0.0, -g.cell};
    impl->ds->SetGeoTransform(transform);
    impl->ds->SetSpatialRef(&srs);
    for (const auto& [name, value] : metadata) impl->ds->SetMetadataItem(name.c_str(), value.c_str());
    GDALRasterBand* band = impl->ds->GetRasterBand(1);
    const std::string u(units);
    band->SetDescription(u.c_str());
    band->SetUnitType(u.c_str());
    return DensityGeoTiffWriter(std::move(impl));
}

// The compressed file, tile by tile, north first. Every core compresses tiles as their rows
// become final, while this thread hands the finished ones to libtiff in order. The first tile
// goes through GDAL, which then writes the file's header and directory (the georeferencing and
// metadata set by create()); the rest go straight to libtiff as compressed bytes, as GDAL's own
// multithreaded writer does.
bool DensityGeoTiffWriter::write_tiles(const DensityGrid& grid, const std::function<int(int)>& wait_for_rows,
                                       int ready) {
    Impl& m = *impl_;
    const GridSpec& g = m.spec;
    const int across = (g.nx + kTileSize - 1) / kTileSize, down = (g.ny + kTileSize - 1) / kTileSize;
    const int tiles = across * down;
    const auto rows_of_tile = [&](int t) { return std::min(g.ny, (t / across + 1) * kTileSize); };
    // One tile through GDAL, which compresses it with libtiff's own DEFLATE.
    std::vector<float> block(static_cast<std::size_t>(kTileSize) * kTileSize), padded;
    const auto write_through_gdal = [&](int t) {
        while (ready < rows_of_tile(t)) ready = std::min(g.ny, wait_for_rows(ready));
        for (int r = 0; r < kTileSize; ++r)
            std::copy_n(tile_row(grid, t % across, (t / across) * kTileSize + r, padded), kTileSize,
                        block.begin() + static_cast<std::ptrdiff_t>(r) * kTileSize);
        return m.ds->GetRasterBand(1)->WriteBlock(t % across, t / across, block.data()) == CE_None;
    };
    if (!write_through_gdal(0)) return false;
    // GDAL 3.6's GeoTIFF datasets hand out their libtiff handle under this name. Should a GDAL
    // not, or lay the file out otherwise, every tile goes through GDAL: slower, the same cells.
    TIFF* tiff = static_cast<TIFF*>(m.ds->GetInternalHandle("TIFF_HANDLE"));
    if (!tiff || !TIFFIsTiled(tiff) || TIFFTileSize(tiff) != static_cast<tmsize_t>(4) * kTileSize * kTileSize ||
        TIFFNumberOfTiles(tiff) != static_cast<std::uint32_t>(tiles)) {
        for (int t = 1; t < tiles; ++t)
            if (!write_through_gdal(t)) return false;
        return true;
    }

    struct Tile {
        std::vector<std::uint8_t> bytes;
        bool done = false;
    };
    std::vector<Tile> done_tiles(static_cast<std::size_t>(tiles));
    std::mutex mutex;
    std::condition_variable finished;
    // Buffers of tiles already written, for the next ones, rather than an allocation per tile.
    std::vector<std::vector<std::uint8_t>> spare;
    std::atomic<int> next{1};
    std::atomic<bool> stop{false};
    const auto compress_some = [&] {
        RleDeflater deflater;
        std::vector<std::uint8_t> predicted, bytes;
        std::vector<float> padded;
        int have = ready;
        for (int t; !stop && (t = next++) < tiles;) {
            while (have < rows_of_tile(t)) have = std::min(g.ny, wait_for_rows(have));
            compress_tile(grid, t % across, t / across, deflater, predicted, padded, bytes);
            {
                std::lock_guard lock(mutex);
                done_tiles[t].bytes.swap(bytes);
                done_tiles[t].done = true;
                if (!spare.empty()) bytes.swap(spare.back()), spare.pop_back();
            }
            finished.notify_all();
        }
    };
    const unsigned cores = std::clamp(std::thread::hardware_concurrency(), 1u, 8u);
    std::vector<std::thread> workers;
    for (unsigned w = 0; w < cores && w + 1 < static_cast<unsigned>(tiles); ++w) workers.emplace_back(compress_some);
    bool ok = true;
    for (int t = 1; t < tiles && ok; ++t) {
        std::vector<std::uint8_t> bytes;
        {
            std::unique_lock lock(mutex);
            finished.wait(lock, [&] { return done_tiles[t].done; });
            bytes.swap(done_tiles[t].bytes);
        }
        ok = TIFFWriteRawTile(tiff, static_cast<std::uint32_t>(t), bytes.data(), static_cast<tmsize_t>(bytes.size())) ==
             static_cast<tmsize_t>(bytes.size());
        std::lock_guard lock(mutex);
        spare.push_back(std::move(bytes));
    }
    stop = true;
    for (auto& w : workers) w.join();
    return ok;
}

Result<bool> DensityGeoTiffWriter::write(const DensityGrid& grid, const std::function<int(int)>& wait_for_rows) {
    Impl& m = *impl_;
    const GridSpec& g = m.spec;
    if (!m.ds) return make_error(m.path + ": the GeoTIFF is already written");
    // While the cells are computed, the grid is only set up by the time its first rows are ready.
    int ready = wait_for_rows ? std::min(g.ny, wait_for_rows(0)) : g.ny;
    if (!(grid.spec == g) || grid.values.size() != g.cells())
        return make_error(m.path + ": cannot write an inconsistent density grid");
    detail::GdalMessageCollector messages;
    const auto fail = [&](const char* what) {
        // Closed here, where GDAL's complaints about the unfinished file are collected rather
        // than printed. The first says why (a full disk, say), the later ones where it showed.
        m.ds.reset();
        std::string why;
        int kept = 0;
        for (const std::string& message : messages.take())
            if (kept < 3 && why.find(message) == std::string::npos) why.append(kept++ ? "; " : ": ").append(message);
        return make_error(m.path + ": " + what + why);
    };
    GDALRasterBand* band = m.ds->GetRasterBand(1);
    if (m.compression == RasterCompression::Deflate) {
        if (!write_tiles(grid, wait_for_rows, ready)) return fail("cannot write the cells");
        m.ds.reset();
        if (CPLGetLastErrorType() >= CE_Failure && !messages.last().empty()) return fail("cannot finish writing");
        return true;
    }
    // In bands of rows, each flushed before the next: GDAL's block cache then reuses the same
    // few MB instead of taking fresh memory for the whole file (page faults were most of the write).
    // A band is whole blocks high, so no block is written twice.
    int block_x = 0, block_y = 0;
    band->GetBlockSize(&block_x, &block_y);
    const int band_rows = std::max(1, 64 / std::max(1, block_y)) * std::max(1, block_y);
    const GSpacing row_bytes = static_cast<GSpacing>(g.nx) * sizeof(float);
    for (int top = 0; top < g.ny; top += band_rows) {
        const int rows = std::min(band_rows, g.ny - top);
        while (ready < top + rows) ready = std::min(g.ny, wait_for_rows(ready));
        // File row `top` is grid row ny - 1 - top; rows go up the grid as they go down the file.
        const float* first = grid.values.data() + static_cast<std::size_t>(g.ny - 1 - top) * g.nx;
        if (band->RasterIO(GF_Write, 0, top, g.nx, rows, const_cast<float*>(first), g.nx, rows, GDT_Float32,
                           sizeof(float), -row_bytes, nullptr) != CE_None ||
            band->FlushCache(false) != CE_None)
            return fail("cannot write the cells");
    }
    m.ds.reset();
    if (CPLGetLastErrorType() >= CE_Failure && !messages.last().empty()) return fail("cannot finish writing");
    return true;
}

Result<bool> write_density_geotiff(const DensityGrid& grid, const std::string& path, std::string_view units,
                                   const RasterMetadata& metadata, RasterCompression compression) {
    if (grid.spec.nx <= 0 || grid.spec.ny <= 0 || grid.values.size() != grid.spec.cells())
        return make_error(path + ": cannot write an empty or inconsistent density grid");
    auto writer = DensityGeoTiffWriter::create(grid.spec, path, units, metadata, compression);
    if (!writer) return make_error(writer.error());
    return writer->write(grid);
}

}  // namespace mirador::geo
