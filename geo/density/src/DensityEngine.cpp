#include "mirador/geo/DensityEngine.hpp"
#include "mirador/geo/HugePages.hpp"

#include <fftw3.h>

#include <algorithm>
#include <cmath>
#include <complex>
#include <cstring>
#include <initializer_list>
#include <mutex>
#include <thread>

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
// FFT over a grid that holds binned_grid() (the output grown by R cells on each side): the
// circular convolution's wrap-around then only reaches the outer R cells, which are dropped.
// A direct convolution costs cells x πR² (>= 200 taps at the heatmap's radius/8 cells) and
// never beats the FFT on grids big enough for the time to matter, so there is no direct path.
//
// Accuracy. Linear binning is exact for the first moment but spreads each point's weight with
// a variance of w(1-w)·cell² along each axis (w: its offset between two centres), so a cell
// sees K + ½cell²·(wx(1-wx)·Kxx + wy(1-wy)·Kyy). Over points at random offsets, w(1-w)
// averages 1/6: a bias of (cell²/12)·∇²K, about 1e-3 of the peak for the quartic at
// cell = radius/25 and 2.4e-3 for the Gaussian. The sampled kernel is K - (cell²/12)·∇²K,
// which removes that bias; what is left changes sign with each point's offset and averages
// out over the many points of any peak.
struct DensityEngine::Impl {
    GridSpec grid, binned;
    KernelSpec kernel;
    int radius_cells = 0;
    int n0 = 0, n1 = 0, stride = 0;  // FFT rows (y), columns (x), floats per row (in place r2c)
    float* buf = nullptr;
    // The kernel's transform, scaled to per km² and FFTW's 1/(n0·n1). The kernel is real and
    // even (k(-d) = k(d), wrapped around the origin), so its transform is real: the real parts
    // alone, half the memory and half the multiply of a complex spectrum.
    float* spectrum = nullptr;
    fftwf_plan forward = nullptr, inverse = nullptr;
    double peak = 0;
    int threads = 1;

    ~Impl() {
        std::lock_guard lock(planner_mutex());
        if (forward) fftwf_destroy_plan(forward);
        if (inverse) fftwf_destroy_plan(inverse);
        fftwf_free(buf);
        fftwf_free(spectrum);
    }

    std::size_t spectrum_size() const { return static_cast<std::size_t>(n0) * (n1 / 2 + 1); }
    std::size_t buffer_size() const { return static_cast<std::size_t>(n0) * stride; }

    void clear_buffer() const { std::memset(buf, 0, buffer_size() * sizeof(float)); }

    template <typename T>
    void load(const std::vector<T>& binned_values, double unit) const {
        clear_buffer();
        for (int j = 0; j < binned.ny; ++j) {
            const T* src = binned_values.data() + static_cast<std::size_t>(j) * binned.nx;
            float* dst = buf + static_cast<std::size_t>(j) * stride;
            for (int i = 0; i < binned.nx; ++i) dst[i] = static_cast<float>(static_cast<double>(src[i]) * unit);
        }
    }

    void convolve_loaded(DensityGrid& out) const {
        fftwf_execute(forward);
        auto* a = reinterpret_cast<std::complex<float>*>(buf);
        const float* b = spectrum;
        const std::size_t n = spectrum_size();
        const auto multiply = [&](std::size_t first, std::size_t last) {
            for (std::size_t i = first; i < last; ++i) a[i] *= b[i];
        };
        if (threads > 1) {
            std::thread t(multiply, 0, n / 2);
            multiply(n / 2, n);
            t.join();
        } else {
            multiply(0, n);
        }
        fftwf_execute(inverse);
        out.spec = grid;
        out.values.resize(grid.cells());
        for (int j = 0; j < grid.ny; ++j) {
            const float* src = buf + static_cast<std::size_t>(j + radius_cells) * stride + radius_cells;
            float* dst = out.values.data() + static_cast<std::size_t>(j) * grid.nx;
            // The corrected kernel dips below zero near its rim and float FFTs leave noise
            // around 1e-7 of the peak: a density is never negative.
            for (int i = 0; i < grid.nx; ++i) dst[i] = std::max(src[i], 0.0f);
        }
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
    m.n0 = fft_size(m.binned.ny);
    m.n1 = fft_size(m.binned.nx);
    m.stride = 2 * (m.n1 / 2 + 1);
    m.buf = fftwf_alloc_real(m.buffer_size());
    m.spectrum = fftwf_alloc_real(m.spectrum_size());
    // Fresh buffers of tens of MB: 2 MB pages save most of their first-touch cost (HugePages.hpp).
    advise_huge_pages(m.buf, m.buffer_size() * sizeof(float));
    advise_huge_pages(m.spectrum, m.spectrum_size() * sizeof(float));
    {
        std::lock_guard lock(planner_mutex());
        static const bool threads_ok = fftwf_init_threads() != 0;
        if (threads_ok) fftwf_plan_with_nthreads(m.threads);
        auto* c = reinterpret_cast<fftwf_complex*>(m.buf);
        m.forward = fftwf_plan_dft_r2c_2d(m.n0, m.n1, m.buf, c, FFTW_ESTIMATE);
        m.inverse = fftwf_plan_dft_c2r_2d(m.n0, m.n1, c, m.buf, FFTW_ESTIMATE);
    }
    // The kernel at every offset (di, dj) within the radius, wrapped to the FFT's origin.
    m.clear_buffer();
    const double inverse_norm = 1.0 / (static_cast<double>(m.n0) * m.n1);
    for (int dj = -r; dj <= r; ++dj) {
        for (int di = -r; di <= r; ++di) {
            const double d = grid.cell * std::hypot(di, dj);
            if (!(d < k.radius_m)) continue;
            const double v = kernel_density_for_binning(k, d, grid.cell) * 1e6;
            m.peak = std::max(m.peak, v);
            m.buf[static_cast<std::size_t>((dj + m.n0) % m.n0) * m.stride + (di + m.n1) % m.n1] = static_cast<float>(v * inverse_norm);
        }
    }
    fftwf_execute(m.forward);
    const auto* transformed = reinterpret_cast<const std::complex<float>*>(m.buf);
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
    impl_->load(binned, 1.0);
    impl_->convolve_loaded(out);
}

void DensityEngine::convolve(const std::vector<std::int64_t>& fixed, double unit, DensityGrid& out) {
    impl_->load(fixed, unit);
    impl_->convolve_loaded(out);
}

void DensityEngine::compute(const DensityPoints& pts, DayRange window, DensityGrid& out) {
    // Straight into the FFT's buffer: no double grid to clear and convert. Float sums of
    // shares lose about 1e-7 of a cell's weight per point, far below the kernel's error.
    Impl& m = *impl_;
    m.clear_buffer();
    const GridSpec& b = m.binned;
    const detail::BinLattice lattice{b.x0, b.y0, b.cell, b.nx, b.ny, static_cast<std::size_t>(m.stride)};
    detail::for_each_in_window(pts, window, [&](std::size_t i, double w) {
        lattice.split(pts.x[i], pts.y[i], [&](std::size_t cell, double share) { m.buf[cell] += static_cast<float>(w * share); });
    });
    m.convolve_loaded(out);
}

}  // namespace mirador::geo
