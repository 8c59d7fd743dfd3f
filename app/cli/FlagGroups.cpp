#include "cli/FlagGroups.hpp"

#include <CLI/CLI.hpp>

#include <climits>
#include <cstdio>
#include <functional>
#include <vector>

#include "cli/NumberFlags.hpp"
#include "mirador/geo/IncidentDate.hpp"

namespace mirador {

namespace {

// An option bound to an enum, given by name ("quartic"), any case. The message for a wrong name
// lists the right ones; the help shows the default by name.
template <typename E>
CLI::Option* add_choice(CLI::App& cmd, const std::string& flag, E& value, std::vector<E> all,
                        std::function<std::string(E)> name, const std::string& help) {
    std::string names;
    for (E e : all) names += (names.empty() ? "" : "|") + name(e);
    auto transform = [all, name, names](std::string& text) -> std::string {
        for (E e : all)
            if (CLI::detail::to_lower(text) == name(e)) {
                text = std::to_string(static_cast<long long>(e));
                return {};
            }
        return "expected " + names + ", got '" + text + "'";
    };
    return cmd.add_option(flag, value, help)->transform(CLI::Validator(transform, names))->default_str(name(value));
}

}  // namespace

CLI::Option* add_incident_source_flags(CLI::App& cmd, IncidentSource& s, const std::string& help) {
    CLI::Option* path = cmd.add_option("--incidents", s.path, help);
    cmd.add_option("--incidents-layer", s.layer, "Layer or table (schema.table) in --incidents");
    cmd.add_option("--incidents-mapping", s.mapping,
                   "Column mapping file (lines of field=column) for other layouts, e.g. assets/mappings/ucdp-ged.txt");
    cmd.add_flag("--dedupe", s.dedupe, "Keep only the first incident of each id that appears more than once");
    return path;
}

void add_date_range_flags(CLI::App& cmd, DateRangeFlags& f, const std::string& what) {
    cmd.add_option("--from", f.from, what + " starts (2019, 2019-10 or 2019-10-17): incidents overlapping it count");
    cmd.add_option("--to", f.to, what + " ends, inclusive (--to 2019-10 includes all of October)");
}

geo::Result<std::optional<geo::DayRange>> parse_date_range(const DateRangeFlags& f) {
    if (f.from.empty() && f.to.empty()) return std::optional<geo::DayRange>();
    // Open sides: far enough that a span length never overflows.
    geo::DayRange w{INT32_MIN / 2, INT32_MAX / 2};
    if (!f.from.empty()) {
        auto d = geo::parse_incident_date(f.from);
        if (!d) return geo::make_error("--from: " + d.error());
        w.from = d->day_start;
    }
    if (!f.to.empty()) {
        auto d = geo::parse_incident_date(f.to);
        if (!d) return geo::make_error("--to: " + d.error());
        w.to = d->day_end;
    }
    if (w.empty()) return geo::make_error("--from " + f.from + " is after --to " + f.to + ": the window would be empty");
    return std::optional<geo::DayRange>(w);
}

void add_kernel_flags(CLI::App& cmd, KernelFlags& f, const std::string& prefix) {
    cmd.add_option("--radius-km", f.radius_km, prefix + "kernel radius (bandwidth) in km")
        ->check(within(limits::kRadiusKm))
        ->capture_default_str();
    add_choice<geo::KernelShape>(cmd, "--kernel", f.shape,
                                 {geo::KernelShape::Quartic, geo::KernelShape::Epanechnikov, geo::KernelShape::Gaussian},
                                 [](geo::KernelShape k) { return std::string(geo::to_string(k)); }, prefix + "kernel");
    add_choice<geo::DensityWeight>(cmd, "--weight", f.weight, {geo::DensityWeight::Count, geo::DensityWeight::Fatalities},
                                   [](geo::DensityWeight w) { return std::string(geo::to_string(w)); },
                                   prefix + "weight of each incident");
}

void add_heatmap_flags(CLI::App& cmd, HeatmapFlags& f) {
    add_kernel_flags(cmd, f.kernel, "Heatmap ");
    cmd.add_option("--normalize", f.normalize,
                   "Heatmap colour scale: fixed (highest of every window of this length), relative (this window's "
                   "highest) or domain:MIN,MAX (per km²)")
        ->capture_default_str();
    add_choice<RampId>(cmd, "--ramp", f.ramp,
                       {RampId::Viridis, RampId::Inferno, RampId::Magma, RampId::Cividis, RampId::YlOrRd},
                       [](RampId r) { return std::string(to_string(r)); }, "Heatmap colours");
    cmd.add_option("--heatmap-opacity", f.opacity, "Heatmap opacity")->check(within(limits::kOpacity))->capture_default_str();
    cmd.add_option("--threshold", f.threshold, "Heatmap transparent at or below this share of the scale")
        ->check(within(limits::kThreshold))
        ->capture_default_str();
    cmd.add_option("--density-engine", f.engine,
                   "Heatmap computed on the cpu (FFT), the gpu, or auto: the gpu unless OpenGL runs on the CPU (llvmpipe)")
        ->check(CLI::IsMember({"auto", "cpu", "gpu"}))
        ->capture_default_str();
}

geo::Result<HeatmapSettings> heatmap_settings(const HeatmapFlags& f, bool& gpu_auto) {
    HeatmapSettings h;
    h.kernel = f.kernel.kernel();
    h.weight = f.kernel.weight;
    h.ramp = f.ramp;
    h.opacity = f.opacity;
    h.threshold = f.threshold;
    gpu_auto = f.engine == "auto";
    h.gpu = f.engine == "gpu";
    if (f.normalize == "fixed") {
        h.normalize = geo::NormalizeMode::Fixed;
    } else if (f.normalize == "relative") {
        h.normalize = geo::NormalizeMode::Relative;
    } else if (f.normalize.rfind("domain:", 0) == 0) {
        const std::string bounds = f.normalize.substr(7);
        const auto comma = bounds.find(',');
        const std::string usage = "--normalize '" + f.normalize + "': domain:MIN,MAX with MIN < MAX, each ";
        if (comma == std::string::npos) return geo::make_error(usage + describe(limits::kDensityPerKm2));
        auto lo = parse_number_in(bounds.substr(0, comma), limits::kDensityPerKm2);
        auto hi = parse_number_in(bounds.substr(comma + 1), limits::kDensityPerKm2);
        if (!lo) return geo::make_error(usage + describe(limits::kDensityPerKm2) + ": MIN " + lo.error());
        if (!hi) return geo::make_error(usage + describe(limits::kDensityPerKm2) + ": MAX " + hi.error());
        if (!(*hi > *lo)) return geo::make_error(usage + describe(limits::kDensityPerKm2) + ": MIN is not below MAX");
        h.normalize = geo::NormalizeMode::Domain;
        h.domain_lo = *lo;
        h.domain_hi = *hi;
    } else {
        return geo::make_error("--normalize '" + f.normalize + "': expected fixed, relative or domain:MIN,MAX");
    }
    return h;
}

void add_choropleth_flags(CLI::App& cmd, ChoroplethStyle& s) {
    add_choice<ChoroplethMeasure>(
        cmd, "--choropleth", s.measure,
        {ChoroplethMeasure::None, ChoroplethMeasure::Incidents, ChoroplethMeasure::Fatalities, ChoroplethMeasure::Rate},
        [](ChoroplethMeasure m) { return m == ChoroplethMeasure::Rate ? std::string("rate") : std::string(measure_name(m)); },
        "With --incidents: fill municipalities (or states) by none, incidents, fatalities or rate (per 100,000)");
    add_choice<geo::ClassMethod>(
        cmd, "--classify", s.method,
        {geo::ClassMethod::Quantiles, geo::ClassMethod::EqualInterval, geo::ClassMethod::NaturalBreaks},
        [](geo::ClassMethod m) { return std::string(geo::class_method_name(m)); }, "Choropleth classes");
    cmd.add_option("--classes", s.classes, "Number of choropleth classes")->check(within(limits::kClasses))->capture_default_str();
    cmd.add_flag("--by-state", s.by_state, "Choropleth per state instead of per municipality");
}

}  // namespace mirador
