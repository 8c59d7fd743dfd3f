#pragma once
// One density surface on one grid, as `mirador density` writes it: equal to the exact per-point
// sum (density_reference) within 1e-3 relative L1 at every cell/radius ratio, by whichever of
// two methods costs less there:
//
//   exact  every point adds w·K(distance) to each cell centre within the radius, as
//          density_reference defines (and QGIS does). Its cost is points x kernel cells, so it
//          is the choice while the kernel covers few cells, or the points are few.
//   fft    DensityEngine: linear binning and one FFT convolution, a cost set by the grid's
//          size, not the kernel's. Binning's error falls as (cell/radius)², so when the kernel
//          covers fewer cells than that bound needs, the FFT runs on cells `oversampling` times
//          smaller (odd, so the fine centres include every cell's centre) and is sampled there.
//
// plan_density() estimates both costs and picks the cheaper that meets the bound; the GeoTIFF's
// metadata records which was used (describe()).
#include <cstddef>
#include <functional>
#include <string>

#include "mirador/geo/DensityEngine.hpp"

namespace mirador::geo {

enum class DensityMethod { Exact, Fft };
const char* to_string(DensityMethod m);  // "exact", "fft"

struct DensityPlan {
    DensityMethod method = DensityMethod::Fft;
    int oversampling = 1;                  // fft: the FFT's cells are grid.cell / oversampling
    double exact_seconds = 0;              // the planner's estimates on one core
    double fft_seconds = 0;                // (infinite where the FFT grid would be too large)
};

// Kernel radius, in the FFT's cells, from which binning + FFT stays within 1e-3 relative L1 of
// the exact sum even for isolated points (the worst case: clustered points average the binning
// error away). See DensitySurface.cpp for the measurements.
double fft_min_radius_cells(KernelShape shape);

// Incidents of `pts` with a non-zero share of `window` (what the cost depends on).
std::size_t count_in_window(const DensityPoints& pts, DayRange window);

DensityPlan plan_density(const GridSpec& grid, const KernelSpec& k, std::size_t points_in_window);
// The FFT plan with the least oversampling that meets the bound (for callers that force it).
DensityPlan fft_plan(const GridSpec& grid, const KernelSpec& k);

// The exact sum (density_reference's definition), rows shared among `threads` (0: all cores).
void density_exact(const DensityPoints& pts, DayRange window, const GridSpec& grid, const KernelSpec& k,
                   DensityGrid& out, int threads = 0);

// The surface by `plan`; out.spec == grid. `rows_ready`, when given, hears as the grid's
// northern rows become final (DensityEngine::compute), at the latest all of them at the end.
void compute_density(const DensityPoints& pts, DayRange window, const GridSpec& grid, const KernelSpec& k,
                     const DensityPlan& plan, DensityGrid& out, int threads = 0,
                     const std::function<void(int)>& rows_ready = {});

// One line for the GeoTIFF's metadata, e.g. "fft: linear binning + FFT convolution on cells of
// 1000 m (kernel radius 25 cells)" or "exact: per-point sum over the 81 cells within the radius".
std::string describe(const DensityPlan& plan, const GridSpec& grid, const KernelSpec& k);

}  // namespace mirador::geo
