#pragma once
// Flag groups that several commands share, each declared once so that a flag means the same
// thing, with the same range and default, wherever it appears: the incident source, the date
// range, the density kernel, the heatmap's style and the choropleth. Defaults come from the
// structs the flags fill; ranges from document/Limits.hpp.
#include <optional>
#include <string>

#include "mirador/geo/DensityKernel.hpp"
#include "mirador/geo/DensityPoints.hpp"
#include "mirador/geo/TimeWindow.hpp"
#include "scene/HeatmapLayer.hpp"
#include "scene/IncidentLayer.hpp"
#include "style/Choropleth.hpp"

namespace CLI {
class App;
class Option;
}  // namespace CLI

namespace mirador {

// --incidents, --incidents-layer, --incidents-mapping, --dedupe.
CLI::Option* add_incident_source_flags(CLI::App& cmd, IncidentSource& source, const std::string& help);

// --from, --to: dates as 2019, 2019-10 or 2019-10-17; --to's whole span is included.
struct DateRangeFlags {
    std::string from, to;
};
void add_date_range_flags(CLI::App& cmd, DateRangeFlags& flags, const std::string& what);
// None when neither flag is given; an open side reaches far enough that no span overflows. An
// error for a bad date or --from after --to.
geo::Result<std::optional<geo::DayRange>> parse_date_range(const DateRangeFlags& flags);

// --radius-km, --kernel, --weight: a density kernel, as `mirador density` and the heatmap use it.
struct KernelFlags {
    double radius_km = HeatmapSettings{}.kernel.radius_m / 1000.0;
    geo::KernelShape shape = HeatmapSettings{}.kernel.shape;
    geo::DensityWeight weight = HeatmapSettings{}.weight;
    geo::KernelSpec kernel() const { return {shape, radius_km * 1000.0}; }
};
void add_kernel_flags(CLI::App& cmd, KernelFlags& flags, const std::string& prefix);

// The heatmap's style in a snapshot: the kernel flags plus --normalize, --ramp,
// --heatmap-opacity, --threshold, --density-engine.
struct HeatmapFlags {
    KernelFlags kernel;
    std::string normalize = geo::to_string(HeatmapSettings{}.normalize);
    RampId ramp = HeatmapSettings{}.ramp;
    float opacity = HeatmapSettings{}.opacity;
    float threshold = HeatmapSettings{}.threshold;
    std::string engine = "auto";
};
void add_heatmap_flags(CLI::App& cmd, HeatmapFlags& flags);
// `gpu_auto` is set when the engine is to be chosen from the OpenGL renderer.
geo::Result<HeatmapSettings> heatmap_settings(const HeatmapFlags& flags, bool& gpu_auto);

// --choropleth, --classify, --classes, --by-state.
void add_choropleth_flags(CLI::App& cmd, ChoroplethStyle& style);

}  // namespace mirador
