#pragma once
// Kernel density surfaces of incidents in a time window.
//
// density_reference() is the definition: for every point and every cell centre closer than
// the radius, add weight·fraction·K(distance), exactly as QGIS's heatmap does (cost: points x
// kernel cells). DensityEngine gets the same surface at a cost independent of the kernel's
// size: it bins the points to the grid (linear binning: each point's weight is shared among
// the four nearest cell centres, which keeps the error second order in cell/radius) and
// convolves the binned grid with the kernel sampled at cell offsets, by FFT (FFTW, float).
// SlidingDensity keeps the binned grid of the current window and, when the window moves, adds
// and removes only the incidents whose share changed, so a step costs the incidents that
// entered or left plus one convolution, whatever the size of the window.
//
// Time: an incident counts with weight x span_fraction_in(its span, window) (TimeWindow.hpp).
#include <cstdint>
#include <functional>
#include <memory>
#include <vector>

#include "mirador/geo/DensityGrid.hpp"
#include "mirador/geo/DensityKernel.hpp"
#include "mirador/geo/DensityPoints.hpp"
#include "mirador/geo/TimeWindow.hpp"

namespace mirador::geo {

DensityGrid density_reference(const DensityPoints& pts, DayRange window, const GridSpec& grid, const KernelSpec& k);

class DensityEngine {
public:
    DensityEngine(const GridSpec& grid, const KernelSpec& k, int threads = 0);  // 0: hardware
    ~DensityEngine();
    DensityEngine(const DensityEngine&) = delete;
    DensityEngine& operator=(const DensityEngine&) = delete;

    const GridSpec& grid() const;
    const KernelSpec& kernel() const;
    // The grid `bin` fills: grid() grown by the kernel radius (in whole cells) on every side,
    // so that points just outside grid() still add to its edge cells, as in the reference.
    const GridSpec& binned_grid() const;
    // The largest value one unit of weight adds to a cell, per km² (the sampled kernel's peak).
    double kernel_peak() const;
    // Linear binning of the points overlapping `window` into `binned` (binned_grid().cells(),
    // weight per cell before the kernel).
    void bin(const DensityPoints& pts, DayRange window, std::vector<double>& binned) const;
    // binned -> per km² density.
    void convolve(const std::vector<double>& binned, DensityGrid& out);
    // The same from a grid in fixed point: each cell's weight is fixed[i] * unit.
    void convolve(const std::vector<std::int64_t>& fixed, double unit, DensityGrid& out);
    void compute(const DensityPoints& pts, DayRange window, DensityGrid& out);
    // The same, telling `rows_ready(n)` each time more of the grid's northern rows are final: the
    // top n (rows ny - n to ny - 1) of out.values may then be read, from any thread, while the
    // rest is computed (a GeoTIFF is written north first). Called on the engine's threads, one
    // call at a time, n growing to ny.
    void compute(const DensityPoints& pts, DayRange window, DensityGrid& out, const std::function<void(int)>& rows_ready);

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

class SlidingDensity {
public:
    SlidingDensity(const DensityPoints& pts, const GridSpec& grid, const KernelSpec& k, int threads = 0);
    ~SlidingDensity();
    // Makes `window` current and returns its surface (valid until the next call).
    const DensityGrid& move_to(DayRange window);
    DayRange window() const;
    std::size_t last_points_touched() const;  // incidents re-binned by the last move_to
    const DensityEngine& engine() const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

// The colour scale's top. Fixed: the largest cell value over every window of the axis (for
// moving windows: every window of the current length; cumulative: the last). Computed
// exactly but pruned: a window whose upper bound (its heaviest neighbourhood of radius-sized
// blocks times the kernel's peak) cannot beat the best so far is skipped.
enum class NormalizeMode { Fixed, Domain, Relative };
const char* to_string(NormalizeMode m);

struct FixedScaleResult {
    double max = 0;               // per km²
    std::size_t windows = 0;      // on the axis
    std::size_t evaluated = 0;    // convolved (the rest were pruned)
    DayRange argmax;              // the window that holds the maximum
};
FixedScaleResult fixed_scale_max(const DensityPoints& pts, const TimeAxis& axis, DensityEngine& engine);

}  // namespace mirador::geo
