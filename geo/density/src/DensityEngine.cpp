#include "mirador/geo/DensityEngine.hpp"
#include "mirador/geo/HugePages.hpp"

#include <fftw3.h>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <complex>
#include <cstring>
#include <initializer_list>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

#include "DensityBinning.hpp"

namespace mirador::geo {

namespace {

// FFTW's planner is not thread-safe (execution is); engines are made on several threads.
std::mutex& planner_mutex() {
    static std::mutex m;
    return m;
}

bool smooth(int m, std::initializer_list<int> primes) {
    for (int p : primes)
        while (m % p == 0) m /= p;
    return m == 1;
}

// FFT length for n cells. FFTW is fastest on lengths with many factors of two: measured here
// with FFTW_ESTIMATE, 2304 x 3456 transforms in a third of the time of 2240 x 3375
// (2^6·5·7 x 3^3·5^3) and a tenth of that of 2220 x 3376. Large grids get a multiple of 32
// whose rest has factors 2, 3 and 5 only (at most 3 % more cells than 2, 3, 5, 7-smooth).
int fft_size(int n) {
    if (n < 256) {
        for (int m = std::max(n, 1);; ++m)
            if (smooth(m, {2, 3, 5, 7})) return m;
    }
    for (int m = (n + 31) / 32 * 32;; m += 32)
        if (smooth(m / 32, {2, 3, 5})) return m;
}

}  // namespace

// The surface is the binned grid convolved with the kernel sampled at whole-cell offsets, by
// FFT. A direct convolution costs cells x πR² (>= 200 taps at the heatmap's radius/8 cells) and
// never beats the FFT on grids big enough for the time to matter, so there is no direct path.
//
// Overlap-save in tiles. The kernel reaches R cells, so an output block of u cells needs the
// binned cells of that block grown by R on each side, and a circular convolution of t = u + 2R
// cells gets it exactly: the wrap-around only reaches the outer R cells, which are dropped. A
// grid much larger than the kernel is cut into tiles of t = 512 (at least 8R, a power of two) in
// each direction where it needs more than one; a grid that fits goes in one piece of an FFT
// length of its own (fft_size). Measured on 3331 x 2153 cells, R = 25, two cores: one
// 3456 x 2304 transform took 58 ms forward and 48 ms back, and its planning 22 ms, where the 40
// tiles of 512² took 55-75 ms in all on two threads, loading and copying out included (a tile's
// pair of transforms, 2.6 ms, stays in the cache); the kernel's transform is one tile instead of
// a third whole-grid transform, and a tile with nothing binned in its reach is left at exactly
// zero instead of float noise.
//
// Accuracy. Linear binning is exact for the first moment but spreads each point's weight with
// a variance of w(1-w)·cell² along each axis (w: its offset between two centres), so a cell
// sees K + ½cell²·(wx(1-wx)·Kxx + wy(1-wy)·Kyy). Over points at random offsets, w(1-w)
// averages 1/6: a bias of (cell²/12)·∇²K, about 1e-3 of the peak for the quartic at
// cell = radius/25 and 2.4e-3 for the Gaussian. The sampled kernel is K - (cell²/12)·∇²K,
// which removes that bias; what is left changes sign with each point's offset and averages
// out over the many points of any peak.
namespace {

// The FFT length and output cells per tile along one axis of n output cells.
struct TileAxis {
    int length = 0;  // FFT length
    int useful = 0;  // output cells per tile
    int count = 0;   // tiles
};

TileAxis tile_axis(int n, int r) {
    int tile = 512;
    while (tile < 8 * r) tile *= 2;
    TileAxis a;
    const int whole = fft_size(n + 2 * r);
    a.length = whole <= tile ? whole : tile;
    a.useful = a.length - 2 * r;
    a.count = (n + a.useful - 1) / a.useful;
    return a;
}

}  // namespace

struct DensityEngine::Impl {
    GridSpec grid, binned;
    KernelSpec kernel;
    int radius_cells = 0;
    TileAxis rows, cols;  // y, x
    int stride = 0;       // floats per tile row (in place r2c)
    // One tile buffer per thread.
    std::vector<float*> bufs;
    // The kernel's transform, scaled to per km² and FFTW's 1/(rows·cols). The kernel is real and
    // even (k(-d) = k(d), wrapped around the origin), so its transform is real: the real parts
    // alone, half the memory and half the multiply of a complex spectrum.
    float* spectrum = nullptr;
    fftwf_plan forward = nullptr, inverse = nullptr;
    double peak = 0;
    int threads = 1;
    std::vector<float> binned_values;  // compute()'s binning, kept between calls

    ~Impl() {
        std::lock_guard lock(planner_mutex());
        if (forward) fftwf_destroy_plan(forward);
        if (inverse) fftwf_destroy_plan(inverse);
        for (float* b : bufs) fftwf_free(b);
        fftwf_free(spectrum);
    }

    int tiles() const { return rows.count * cols.count; }
    std::size_t spectrum_size() const { return static_cast<std::size_t>(rows.length) * (cols.length / 2 + 1); }
    std::size_t buffer_size() const { return static_cast<std::size_t>(rows.length) * stride; }

    // Tile `index` of `src` (the binned grid, binned.nx floats, doubles or integers a row, each
    // times `unit`) convolved into out.values, through `buf`.
    template <typename T>
    void convolve_tile(const T* src, double unit, int index, float* buf, DensityGrid& out) const {
        const int ty = index / cols.count, tx = index % cols.count;
        const int y0 = ty * rows.useful, x0 = tx * cols.useful;  // first output cell = first binned cell
        const int out_rows = std::min(rows.useful, grid.ny - y0), out_cols = std::min(cols.useful, grid.nx - x0);
        const int in_rows = std::min(rows.length, binned.ny - y0), in_cols = std::min(cols.length, binned.nx - x0);
        bool any = false;
        for (int j = 0; j < rows.length; ++j) {
            float* dst = buf + static_cast<std::size_t>(j) * stride;
            int i = 0;
            if (j < in_rows) {
                const T* row = src + static_cast<std::size_t>(y0 + j) * binned.nx + x0;
                for (; i < in_cols; ++i) {
                    const float v = static_cast<float>(static_cast<double>(row[i]) * unit);
                    any = any || v != 0.0f;
                    dst[i] = v;
                }
            }
            std::fill(dst + i, dst + stride, 0.0f);
        }
        float* out0 = out.values.data() + static_cast<std::size_t>(y0) * grid.nx + x0;
        if (!any) {
            for (int j = 0; j < out_rows; ++j) std::fill_n(out0 + static_cast<std::size_t>(j) * grid.nx, out_cols, 0.0f);
            return;
        }
        auto* c = reinterpret_cast<fftwf_complex*>(buf);
        fftwf_execute_dft_r2c(forward, buf, c);
        auto* a = reinterpret_cast<std::complex<float>*>(buf);
        const std::size_t n = spectrum_size();
        for (std::size_t k = 0; k < n; ++k) a[k] *= spectrum[k];
        fftwf_execute_dft_c2r(inverse, c, buf);
        const int r = radius_cells;
        for (int j = 0; j < out_rows; ++j) {
            const float* from = buf + static_cast<std::size_t>(j + r) * stride + r;
            float* to = out0 + static_cast<std::size_t>(j) * grid.nx;
            // The corrected kernel dips below zero near its rim and float FFTs leave noise
            // around 1e-7 of the peak: a density is never negative.
            for (int i = 0; i < out_cols; ++i) to[i] = std::max(from[i], 0.0f);
        }
    }

    // Every tile, on up to `threads` threads (each with its own buffer; a single tile uses
    // FFTW's threads instead, set up with the plans). Tiles go north first, a row of tiles at a
    // time, and `rows_ready` (if any) hears how many northern rows are final as rows of tiles
    // are completed in order.
    template <typename T>
    void convolve_all(const T* src, double unit, DensityGrid& out,
                      const std::function<void(int)>* rows_ready = nullptr) const {
        out.spec = grid;
        out.values.resize(grid.cells());
        const int workers = std::min(static_cast<int>(bufs.size()), tiles());
        std::atomic<int> next{0};
        std::mutex done_mutex;
        std::vector<int> left(static_cast<std::size_t>(rows.count), cols.count);  // tiles not done, per row of tiles
        int northern_done = 0;  // rows of tiles done from the north, in order
        const auto work = [&](float* buf) {
            for (int n = next++; n < tiles(); n = next++) {
                // n-th from the north: the row of tiles rows.count - 1 - n / cols.count.
                const int ty = rows.count - 1 - n / cols.count;
                convolve_tile(src, unit, ty * cols.count + n % cols.count, buf, out);
                if (!rows_ready) continue;
                std::lock_guard lock(done_mutex);
                if (--left[static_cast<std::size_t>(ty)] > 0) continue;
                const int before = northern_done;
                while (northern_done < rows.count && left[static_cast<std::size_t>(rows.count - 1 - northern_done)] == 0)
                    ++northern_done;
                if (northern_done == before) continue;
                // The southern edge of the last row of tiles done from the north.
                const int south = (rows.count - northern_done) * rows.useful;
                (*rows_ready)(grid.ny - std::min(grid.ny, south));
            }
        };
        std::vector<std::thread> helpers;
        for (int w = 1; w < workers; ++w) helpers.emplace_back(work, bufs[static_cast<std::size_t>(w)]);
        work(bufs[0]);
        for (auto& h : helpers) h.join();
    }
};

DensityEngine::DensityEngine(const GridSpec& grid, const KernelSpec& k, int threads) : impl_(std::make_unique<Impl>()) {
    Impl& m = *impl_;
    m.grid = grid;
    m.kernel = k;
    m.threads = threads > 0 ? threads : std::max(1, static_cast<int>(std::thread::hardware_concurrency()));
    // Callers bound the work with check_density_size(); the clamp only keeps an unchecked call
    // from overflowing an int (a radius of 1e12 m on 1 m cells), it does not make it sensible.
    const double radius_cells = std::ceil(k.radius_m / grid.cell);
    const int r = m.radius_cells = radius_cells > 0 && radius_cells < double(1 << 20) ? static_cast<int>(radius_cells) : 1 << 20;
    m.binned = grid;
    m.binned.x0 -= r * grid.cell;
    m.binned.y0 -= r * grid.cell;
    m.binned.nx += 2 * r;
    m.binned.ny += 2 * r;
    m.rows = tile_axis(grid.ny, r);
    m.cols = tile_axis(grid.nx, r);
    m.stride = 2 * (m.cols.length / 2 + 1);
    const int buffers = m.tiles() > 1 ? std::min(m.threads, m.tiles()) : 1;
    for (int b = 0; b < buffers; ++b) {
        m.bufs.push_back(fftwf_alloc_real(m.buffer_size()));
        // Fresh buffers of tens of MB (one large tile): 2 MB pages save most of their first-touch
        // cost (HugePages.hpp).
        advise_huge_pages(m.bufs.back(), m.buffer_size() * sizeof(float));
    }
    m.spectrum = fftwf_alloc_real(m.spectrum_size());
    advise_huge_pages(m.spectrum, m.spectrum_size() * sizeof(float));
    float* buf = m.bufs[0];
    {
        std::lock_guard lock(planner_mutex());
        static const bool threads_ok = fftwf_init_threads() != 0;
        // Tiles are shared among threads; a single large one is split by FFTW.
        if (threads_ok) fftwf_plan_with_nthreads(m.tiles() > 1 ? 1 : m.threads);
        auto* c = reinterpret_cast<fftwf_complex*>(buf);
        m.forward = fftwf_plan_dft_r2c_2d(m.rows.length, m.cols.length, buf, c, FFTW_ESTIMATE);
        m.inverse = fftwf_plan_dft_c2r_2d(m.rows.length, m.cols.length, c, buf, FFTW_ESTIMATE);
    }
    // The kernel at every offset (di, dj) within the radius, wrapped to the FFT's origin.
    std::fill_n(buf, m.buffer_size(), 0.0f);
    const int n0 = m.rows.length, n1 = m.cols.length;
    const double inverse_norm = 1.0 / (static_cast<double>(n0) * n1);
    for (int dj = -r; dj <= r; ++dj) {
        for (int di = -r; di <= r; ++di) {
            const double d = grid.cell * std::hypot(di, dj);
            if (!(d < k.radius_m)) continue;
            const double v = kernel_density_for_binning(k, d, grid.cell) * 1e6;
            m.peak = std::max(m.peak, v);
            buf[static_cast<std::size_t>((dj + n0) % n0) * m.stride + (di + n1) % n1] = static_cast<float>(v * inverse_norm);
        }
    }
    fftwf_execute(m.forward);
    const auto* transformed = reinterpret_cast<const std::complex<float>*>(buf);
    for (std::size_t i = 0; i < m.spectrum_size(); ++i) m.spectrum[i] = transformed[i].real();
}

DensityEngine::~DensityEngine() = default;

const GridSpec& DensityEngine::grid() const { return impl_->grid; }
const KernelSpec& DensityEngine::kernel() const { return impl_->kernel; }
const GridSpec& DensityEngine::binned_grid() const { return impl_->binned; }
double DensityEngine::kernel_peak() const { return impl_->peak; }

void DensityEngine::bin(const DensityPoints& pts, DayRange window, std::vector<double>& binned) const {
    const GridSpec& b = impl_->binned;
    binned.assign(b.cells(), 0.0);
    const detail::BinLattice lattice{b.x0, b.y0, b.cell, b.nx, b.ny};
    detail::for_each_in_window(pts, window, [&](std::size_t i, double w) {
        lattice.split(pts.x[i], pts.y[i], [&](std::size_t cell, double share) { binned[cell] += w * share; });
    });
}

void DensityEngine::convolve(const std::vector<double>& binned, DensityGrid& out) {
    impl_->convolve_all(binned.data(), 1.0, out);
}

void DensityEngine::convolve(const std::vector<std::int64_t>& fixed, double unit, DensityGrid& out) {
    impl_->convolve_all(fixed.data(), unit, out);
}

void DensityEngine::compute(const DensityPoints& pts, DayRange window, DensityGrid& out) {
    compute(pts, window, out, {});
}

void DensityEngine::compute(const DensityPoints& pts, DayRange window, DensityGrid& out,
                            const std::function<void(int)>& rows_ready) {
    // Float sums of shares lose about 1e-7 of a cell's weight per point, far below the kernel's
    // error. Points come in any order, and adding each one's shares into a binned grid of tens
    // of MB missed the cache twice a point (0.1 s of CPU for 1M points): they are first sorted
    // into bands of rows small enough for the cache (one pass, in order), then binned band by
    // band, the two halves of the bands on two threads. A point adds to its row and the next,
    // so each half's thread also reads the band before its first and keeps only its own rows.
    Impl& m = *impl_;
    const GridSpec& b = m.binned;
    m.binned_values.assign(b.cells(), 0.0f);
    const detail::BinLattice lattice{b.x0, b.y0, b.cell, b.nx, b.ny};
    struct Share {
        float x, y, w;
    };
    const int band_rows = std::max(1, static_cast<int>((256 << 10) / (sizeof(float) * std::max(1, b.nx))));
    const int bands = (b.ny + band_rows) / band_rows + 1;  // and one for rows -1 and beyond
    // Points without a store are gathered in two halves on two threads, each into bands of its
    // own; a band's points are then its first half's and its second half's, in index order
    // either way (so one thread or two give the same sums).
    using Bands = std::vector<std::vector<Share>>;
    Bands first_half(static_cast<std::size_t>(bands)), second_half(static_cast<std::size_t>(bands));
    // Room for an even share of all the points in each band of each half (capacity never written
    // costs no memory): most bands then never grow, which copied as much again as they held.
    for (Bands* half : {&first_half, &second_half})
        for (auto& band : *half) band.reserve(pts.size() / static_cast<std::size_t>(bands) + 16);
    const auto gather_into = [&](Bands& into) {
        return [&](std::size_t i, double w) {
            const double fy = (pts.y[i] - b.y0) / b.cell - 0.5;
            // Rows below -1 and above ny add nothing (split() drops them); clamped into the end bands.
            const double row = std::clamp(std::floor(fy), -1.0, static_cast<double>(b.ny));
            const auto band = static_cast<std::size_t>((static_cast<int>(row) + 1) / band_rows);
            into[band].push_back({pts.x[i], pts.y[i], static_cast<float>(w)});
        };
    };
    const bool two = m.threads > 1 && pts.size() >= 200000;
    if (two && !pts.store) {
        const std::size_t n = pts.size();
        std::thread other([&] { detail::for_each_in_window_between(pts, window, n / 2, n, gather_into(second_half)); });
        detail::for_each_in_window_between(pts, window, 0, n / 2, gather_into(first_half));
        other.join();
    } else {
        detail::for_each_in_window(pts, window, gather_into(first_half));
    }
    // Cells [first, last) from bands [from, to).
    const auto bin_bands = [&](int from, int to, std::size_t first, std::size_t last) {
        float* v = m.binned_values.data();
        for (int k = std::max(0, from); k < to; ++k)
            for (const Bands* half : {&first_half, &second_half})
                for (const Share& p : (*half)[static_cast<std::size_t>(k)])
                    lattice.split(p.x, p.y, [&](std::size_t cell, double share) {
                        if (cell >= first && cell < last) v[cell] += static_cast<float>(p.w * share);
                    });
    };
    const int half = bands / 2;
    // Band `half` starts at row half·band_rows - 1 (the bands count from row -1).
    const std::size_t split_at = static_cast<std::size_t>(std::max(0, half * band_rows - 1)) * b.nx;
    if (two) {
        std::thread other(bin_bands, half - 1, bands, split_at, b.cells());
        bin_bands(0, half, 0, split_at);
        other.join();
    } else {
        bin_bands(0, bands, 0, b.cells());
    }
    m.convolve_all(m.binned_values.data(), 1.0, out, rows_ready ? &rows_ready : nullptr);
}

}  // namespace mirador::geo
