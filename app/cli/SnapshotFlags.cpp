#include "cli/SnapshotFlags.hpp"

#include <CLI/CLI.hpp>

#include <cstdio>
#include <sstream>

#include "mirador/geo/IncidentDate.hpp"

namespace mirador {

void add_snapshot_flags(CLI::App& cmd, SnapshotFlagText& t) {
    cmd.add_option("--from", t.from, "Time window start (2019, 2019-10 or 2019-10-17): incidents overlapping it show");
    cmd.add_option("--to", t.to, "Time window end, inclusive (--to 2019-10 includes all of October)");
    cmd.add_option("--layers", t.layers,
                   "Layers to draw, e.g. heatmap,points,boundaries (also choropleth); default: boundaries, "
                   "choropleth fill and points");
    cmd.add_option("--radius-km", t.radius_km, "Heatmap kernel radius (bandwidth) in km")
        ->capture_default_str()
        ->check(CLI::Range(0.1, 2000.0));
    cmd.add_option("--kernel", t.kernel, "Heatmap kernel: quartic, epanechnikov or gaussian")->capture_default_str();
    cmd.add_option("--normalize", t.normalize,
                   "Heatmap colour scale: fixed (highest of every window of this length), relative (this window's "
                   "highest) or domain:MIN,MAX (per km²)")
        ->capture_default_str();
    cmd.add_option("--weight", t.weight, "Heatmap weight: count or fatalities")->capture_default_str();
    cmd.add_option("--ramp", t.ramp, "Heatmap colours: viridis, inferno, magma, cividis or ylorrd")->capture_default_str();
    cmd.add_option("--heatmap-opacity", t.opacity, "Heatmap opacity 0-1")->capture_default_str()->check(CLI::Range(0.0, 1.0));
    cmd.add_option("--threshold", t.threshold, "Heatmap transparent below this share of the scale (0-1)")
        ->capture_default_str()
        ->check(CLI::Range(0.0, 1.0));
    cmd.add_option("--density-engine", t.engine,
                   "Heatmap computed on the cpu (FFT), the gpu, or auto: the gpu unless OpenGL runs on the CPU (llvmpipe)")
        ->capture_default_str();
}

geo::Result<bool> apply_snapshot_flags(const SnapshotFlagText& t, SnapshotOptions& o) {
    if (!t.from.empty() || !t.to.empty()) {
        geo::DayRange w{INT32_MIN / 2, INT32_MAX / 2};
        if (!t.from.empty()) {
            auto d = geo::parse_incident_date(t.from);
            if (!d) return geo::make_error("--from: " + d.error());
            w.from = d->day_start;
        }
        if (!t.to.empty()) {
            auto d = geo::parse_incident_date(t.to);
            if (!d) return geo::make_error("--to: " + d.error());
            w.to = d->day_end;
        }
        if (w.empty()) return geo::make_error("--from " + t.from + " is after --to " + t.to);
        o.window = w;
    }
    bool heat = false;
    if (!t.layers.empty()) {
        std::stringstream ss(t.layers);
        std::string name;
        bool choropleth = false;
        while (std::getline(ss, name, ',')) {
            if (name == "heatmap") o.layers.push_back(MapLayer::Heatmap), heat = true;
            else if (name == "points") o.layers.push_back(MapLayer::Points);
            else if (name == "boundaries") o.layers.push_back(MapLayer::Borders);
            else if (name == "choropleth") o.layers.push_back(MapLayer::Fill), choropleth = true;
            else return geo::make_error("--layers: unknown layer '" + name + "' (heatmap, points, boundaries, choropleth)");
        }
        if (choropleth && o.choropleth.measure == ChoroplethMeasure::None) o.choropleth.measure = ChoroplethMeasure::Incidents;
        if (!choropleth) o.choropleth.measure = ChoroplethMeasure::None;
    }
    HeatmapSettings& h = o.heatmap;
    h.show = heat;
    auto k = geo::parse_kernel_shape(t.kernel);
    if (!k) return geo::make_error("--kernel '" + t.kernel + "': use quartic, epanechnikov or gaussian");
    h.kernel = {*k, t.radius_km * 1000.0};
    if (t.weight == "count") h.weight = geo::DensityWeight::Count;
    else if (t.weight == "fatalities") h.weight = geo::DensityWeight::Fatalities;
    else return geo::make_error("--weight '" + t.weight + "': use count or fatalities");
    auto r = parse_ramp(t.ramp);
    if (!r) return geo::make_error("--ramp '" + t.ramp + "': use viridis, inferno, magma, cividis or ylorrd");
    h.ramp = *r;
    if (t.normalize == "fixed") h.normalize = geo::NormalizeMode::Fixed;
    else if (t.normalize == "relative") h.normalize = geo::NormalizeMode::Relative;
    else if (t.normalize.rfind("domain:", 0) == 0) {
        double lo = 0, hi = 0;
        char extra = 0;
        if (std::sscanf(t.normalize.c_str() + 7, "%lf,%lf%c", &lo, &hi, &extra) != 2 || !(hi > lo) || lo < 0)
            return geo::make_error("--normalize '" + t.normalize + "': domain:MIN,MAX with 0 <= MIN < MAX (per km²)");
        h.normalize = geo::NormalizeMode::Domain;
        h.domain_lo = lo, h.domain_hi = hi;
    } else {
        return geo::make_error("--normalize '" + t.normalize + "': use fixed, relative or domain:MIN,MAX");
    }
    h.opacity = t.opacity;
    h.threshold = t.threshold;
    o.density_engine_auto = t.engine == "auto";
    h.gpu = t.engine == "gpu";
    if (t.engine != "gpu" && t.engine != "cpu" && t.engine != "auto")
        return geo::make_error("--density-engine '" + t.engine + "': use auto, cpu or gpu");
    return true;
}

}  // namespace mirador
