#include "cli/FlagGroups.hpp"

#include <CLI/CLI.hpp>

#include <algorithm>
#include <climits>
#include <sstream>

#include "cli/EnumFlags.hpp"
#include "document/NumberFlags.hpp"
#include "document/EnumNames.hpp"
#include "mirador/geo/IncidentDate.hpp"
#include "document/TimePlayback.hpp"

namespace mirador {

void ensure_every_layer(doc::MapDocument& d) {
    for (const doc::Layer& l : doc::MapDocument::default_layers())
        if (!d.find(l.kind())) {
            d.layers.push_back(l);
            d.layers.back().visible = false;
        }
}

CLI::Option* add_incident_source_flags(CLI::App& cmd, doc::MapDocument& d, const std::string& help) {
    if (d.sources.incidents.empty()) d.sources.incidents.emplace_back();
    geo::IncidentSource& s = d.sources.incidents.front();
    CLI::Option* path = cmd.add_option("--incidents", s.path, help);
    cmd.add_option("--incidents-layer", s.layer, "Layer or table (schema.table) in --incidents");
    cmd.add_option("--incidents-mapping", s.mapping,
                   "Column mapping file (lines of field=column) for other layouts, e.g. assets/mappings/ucdp-ged.txt");
    cmd.add_flag("--dedupe", s.dedupe, "Keep only the first incident of each id that appears more than once");
    return path;
}

CLI::Option* add_count_source_flags(CLI::App& cmd, doc::MapDocument& d) {
    if (d.sources.counts.empty()) d.sources.counts.emplace_back();
    doc::CountSource& s = d.sources.counts.front();
    CLI::Option* path = cmd.add_option("--counts", s.path,
                                       "A count table instead of incidents: counts per municipality or state and month "
                                       "(INEGI's homicides, SESNSP's tables, a long CSV); the choropleth, ranking, time "
                                       "bar and hot spots count from it");
    add_enum_option(cmd, "--counts-layout", s.layout, "The table's layout");
    cmd.add_option("--counts-mapping", s.mapping, "For a long table: a file of field=column lines (unit, year, month, period, count, category)");
    cmd.add_option("--counts-filter", d.filters.table,
                   "Only the table's rows with COLUMN=VALUE (accents and case ignored), e.g. \"SUBTIPO=Feminicidio\"; repeatable")
        ->option_text("COLUMN=VALUE");
    return path;
}

geo::Result<bool> drop_unset_count_source(doc::MapDocument& d, bool incidents_given) {
    if (d.sources.counts.empty() || !d.sources.counts.front().path.empty()) {
        if (!d.sources.counts.empty() && incidents_given)
            return geo::make_error("--incidents and --counts: a map counts from one source, incidents or a count table");
        return true;
    }
    d.sources.counts.erase(d.sources.counts.begin());
    return true;
}

void drop_unset_incident_source(doc::MapDocument& d) {
    if (!d.sources.incidents.empty() && d.sources.incidents.front().path.empty())
        d.sources.incidents.erase(d.sources.incidents.begin());
}

void add_date_range_flags(CLI::App& cmd, DateRangeFlags& f, const std::string& what) {
    cmd.add_option("--from", f.from, what + " starts (2019, 2019-10 or 2019-10-17): incidents overlapping it count");
    cmd.add_option("--to", f.to, what + " ends, inclusive (--to 2019-10 includes all of October)");
}


void add_kernel_flags(CLI::App& cmd, doc::HeatmapStyle& h, const std::string& prefix) {
    cmd.add_option("--radius-km", h.radius_km, prefix + "kernel radius (bandwidth) in km")
        ->check(within(limits::kRadiusKm))
        ->capture_default_str();
    add_enum_option(cmd, "--kernel", h.kernel, prefix + "kernel");
    add_enum_option(cmd, "--weight", h.weight, prefix + "weight of each incident");
}

void add_heatmap_flags(CLI::App& cmd, doc::MapDocument& d, HeatmapFlags& f) {
    doc::HeatmapStyle& h = d.style_of<doc::HeatmapStyle>();
    add_kernel_flags(cmd, h, "Heatmap ");
    cmd.add_option("--normalize", f.normalize,
                   "Heatmap colour scale: fixed (highest of every window of this length), relative (this window's "
                   "highest) or domain:MIN,MAX (per km²)")
        ->default_str(doc::enum_name(h.normalize));
    add_enum_option(cmd, "--ramp", h.ramp, "Heatmap colours");
    cmd.add_option("--heatmap-opacity", d.find(doc::LayerKind::Heatmap)->opacity, "Heatmap opacity")
        ->check(within(limits::kOpacity))
        ->capture_default_str();
    cmd.add_option("--threshold", h.threshold, "Heatmap transparent at or below this share of the scale")
        ->check(within(limits::kThreshold))
        ->capture_default_str();
    add_enum_option(cmd, "--density-engine", h.engine,
                    "Heatmap computed on the cpu (FFT), the gpu, or auto: the gpu unless OpenGL runs on the CPU (llvmpipe)");
}

geo::Result<bool> apply_heatmap_flags(const HeatmapFlags& f, doc::MapDocument& d) {
    if (f.normalize.empty()) return true;
    doc::HeatmapStyle& h = d.style_of<doc::HeatmapStyle>();
    if (f.normalize.rfind("domain:", 0) == 0) {
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
        h.domain_min = *lo;
        h.domain_max = *hi;
        return true;
    }
    const auto mode = doc::parse_enum<geo::NormalizeMode>(f.normalize);
    if (!mode || *mode == geo::NormalizeMode::Domain)
        return geo::make_error("--normalize '" + f.normalize + "': expected fixed, relative or domain:MIN,MAX");
    h.normalize = *mode;
    return true;
}

void add_choropleth_flags(CLI::App& cmd, doc::FillStyle& s) {
    add_enum_option(cmd, "--choropleth", s.measure,
                    "With --incidents: fill municipalities (or states) by incidents, fatalities or rate (per 100,000); "
                    "none: each state in its own colour");
    add_enum_option(cmd, "--classify", s.method, "Choropleth classes");
    cmd.add_option("--classes", s.classes, "Number of choropleth classes")->check(within(limits::kClasses))->capture_default_str();
    cmd.add_flag("--by-state", s.by_state, "Choropleth per state instead of per municipality");
}

geo::Result<bool> apply_layer_list(const std::string& list, doc::MapDocument& d) {
    ensure_every_layer(d);
    std::vector<doc::Layer> ordered;
    std::stringstream ss(list);
    std::string name;
    while (std::getline(ss, name, ',')) {
        const auto kind = doc::parse_enum<doc::LayerKind>(name);
        if (!kind)
            return geo::make_error("--layers: unknown layer '" + name + "' (" + doc::enum_choices<doc::LayerKind>() +
                                   "; choropleth is the fill)");
        for (const doc::Layer& l : ordered)
            if (l.kind() == *kind) return geo::make_error("--layers: '" + name + "' is listed twice");
        doc::Layer l = *d.find(*kind);
        l.visible = true;
        ordered.push_back(l);
    }
    // The layers not listed stay in the document (their styles are kept), hidden, below.
    std::vector<doc::Layer> hidden;
    for (doc::Layer l : d.layers) {
        const bool listed = std::any_of(ordered.begin(), ordered.end(), [&](const doc::Layer& o) { return o.kind() == l.kind(); });
        if (listed) continue;
        l.visible = false;
        hidden.push_back(l);
    }
    hidden.insert(hidden.end(), ordered.begin(), ordered.end());
    d.layers = std::move(hidden);
    return true;
}

void add_furniture_flags(CLI::App& cmd, doc::Furniture& f) {
    // A title or subtitle on the command line means the block is wanted: no second flag to say so.
    cmd.add_option_function<std::string>("--title", [&f](const std::string& text) {
        f.title.title = text;
        f.title.visible = true;
    }, "Draw a title block with this title (its subtitle: the time window, unless --subtitle)")->option_text("TEXT");
    cmd.add_option_function<std::string>("--subtitle", [&f](const std::string& text) {
        f.title.subtitle = text;
        f.title.visible = true;
    }, "The title block's subtitle (shows the block); the time window then goes on a line of its own")->option_text("TEXT");
    cmd.add_flag("--scale-bar", f.scale_bar.visible, "Draw a scale bar (a round length, measured on the ellipsoid at the map's centre)");
    cmd.add_flag("--north-arrow", f.north_arrow.visible, "Draw a north arrow (true north, which leans away from -102 deg)");
    cmd.add_flag("--export-date", f.export_date.visible, "Write today's date on the map (\"Exported 2026-11-30\")");
    cmd.add_option_function<std::string>("--attribution", [&f](const std::string& text) {
        f.attribution.text = text;
        f.attribution.visible = true;
    }, "Add this to the credits in the bottom-right corner (INEGI and the data's files are credited already)")->option_text("TEXT");
    cmd.add_flag_callback("--no-attribution", [&f] { f.attribution.visible = false; }, "Leave out the credits");
    cmd.add_flag_callback("--no-legends", [&f] { f.legends.visible = false; }, "Leave out the legends");
}

}  // namespace mirador
