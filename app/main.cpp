// mirador: the viewer (no command) and its command-line tools. Wiring only.
#include <CLI/CLI.hpp>

#include "cli/DataOptions.hpp"
#include "cli/SnapshotFlags.hpp"
#include "commands/Density.hpp"
#include "commands/Emerging.hpp"
#include "commands/Geocode.hpp"
#include "commands/Hotspots.hpp"
#include "commands/Locate.hpp"
#include "commands/Stats.hpp"
#include "commands/Snapshot.hpp"
#include "gui/ViewerApp.hpp"

int main(int argc, char** argv) {
    using namespace mirador;
    CLI::App app{"Mirador: a map viewer for studying violence in Mexico.\n"
                 "With no command, opens the viewer on Mexico's states and municipalities."};
    app.set_help_all_flag("--help-all", "Show help for every command");
    app.require_subcommand(0, 1);

    DataOptions data;
    add_data_options(app, data);
    ViewerOptions viewer;
    app.add_option("--width", viewer.width, "Window width in pixels")->capture_default_str();
    app.add_option("--height", viewer.height, "Window height in pixels")->capture_default_str();
    app.add_flag("--fullscreen", viewer.fullscreen, "Start full screen (F11 toggles)");
    app.add_option("--search", viewer.initial_search, "Start with this place searched and selected, e.g. Culiacán");
    app.add_option("--frames", viewer.max_frames, "Quit after this many frames (for scripted runs)");
    app.add_option("--screenshot", viewer.screenshot, "With --frames: save the window's last frame to this PNG");
    app.add_option("--press", viewer.press_keys, "With --frames: press these keys, one a frame (right, left, space)")
        ->delimiter(',');
    app.add_option("--incidents", viewer.incidents.path,
                   "Incidents to show: Mirador's CSV, an OGR point layer or PG:\"...\" (default: the seed catalogue)");
    app.add_option("--incidents-layer", viewer.incidents.layer, "Layer or table in --incidents");
    app.add_option("--incidents-mapping", viewer.incidents.mapping, "Column mapping file (lines of field=column)");
    app.add_flag("--no-incidents", viewer.no_incidents, "Open the boundaries only");
    app.add_flag("--heatmap", viewer.heatmap, "Start with the incidents' heatmap shown (Layers panel)");

    SnapshotOptions snap;
    std::string bbox_text;
    CLI::App* snapshot = app.add_subcommand("snapshot", "Render the map headless (no display needed) into a PNG");
    add_data_options(*snapshot, data);
    snapshot->add_option("--out", snap.out, "Output PNG")->required();
    snapshot->add_option("--width", snap.width, "Image width in pixels")->capture_default_str()->check(CLI::Range(16, 16384));
    snapshot->add_option("--height", snap.height, "Image height in pixels")->capture_default_str()->check(CLI::Range(16, 16384));
    snapshot->add_option("--bbox", bbox_text, "Area to show: minlon,minlat,maxlon,maxlat (default: all of Mexico)");
    snapshot->add_flag("!--no-labels", snap.labels, "Leave out state and municipality names");
    snapshot->add_option("--highlight", snap.highlight, "Outline the municipality with this CVEGEO, e.g. 25006");
    std::string choropleth_text = "incidents", classify_text = "quantiles";
    snapshot->add_option("--incidents", snap.incidents.path,
                         "Incidents to draw: Mirador's CSV, an OGR point layer or PG:\"...\" (default: none)");
    snapshot->add_option("--incidents-layer", snap.incidents.layer, "Layer or table in --incidents");
    snapshot->add_option("--incidents-mapping", snap.incidents.mapping,
                         "Column mapping file (lines of field=column) for other layouts, e.g. assets/mappings/ucdp-ged.txt");
    snapshot->add_flag("!--no-points", snap.points, "With --incidents: leave out the incident points");
    snapshot->add_option("--choropleth", choropleth_text, "With --incidents: fill by none, incidents, fatalities or rate")
        ->capture_default_str();
    snapshot->add_option("--classify", classify_text, "Classes: quantiles, equal-interval or natural-breaks")
        ->capture_default_str();
    snapshot->add_option("--classes", snap.choropleth.classes, "Number of classes")->capture_default_str()->check(CLI::Range(1, 9));
    snapshot->add_flag("--by-state", snap.choropleth.by_state, "Choropleth per state instead of per municipality");
    SnapshotFlagText snap_flags;
    add_snapshot_flags(*snapshot, snap_flags);

    double lon = 0, lat = 0;
    CLI::App* locate = app.add_subcommand("locate", "Print the municipality containing a point: CVEGEO, name, state");
    add_data_options(*locate, data);
    locate->add_option("lon", lon, "Longitude (degrees east, negative in Mexico)")->required();
    locate->add_option("lat", lat, "Latitude (degrees north)")->required();

    GeocodeOptions geocode_opt;
    CLI::App* geocode = app.add_subcommand(
        "geocode", "Place every row of an incident CSV: adds lon,lat,cvegeo,municipality,state_name,"
                   "geo_precision,geo_status (matched|ambiguous|unmatched|outside),geo_note");
    add_data_options(*geocode, data);
    geocode->add_option("--in", geocode_opt.in, "Input CSV (columns place, state, lon, lat by default)")->required();
    geocode->add_option("--out", geocode_opt.out, "Output CSV")->required();
    geocode->add_option("--mapping", geocode_opt.mapping, "Column mapping file: lines of field=column");

    StatsOptions stats_opt;
    CLI::App* stats = app.add_subcommand(
        "stats", "Incidents and fatalities per municipality or state as CSV: cvegeo,name,state_name,incidents,"
                 "fatalities[,rate_per_100k]");
    add_data_options(*stats, data);
    stats->add_option("--incidents", stats_opt.incidents,
                      "Incidents: Mirador's CSV, any OGR point layer (.gpkg, .geojson, .shp) or PG:\"dbname=... host=...\"")
        ->required();
    stats->add_option("--incidents-layer", stats_opt.incidents_layer, "Layer or table (schema.table) in --incidents");
    stats->add_option("--incidents-mapping", stats_opt.incidents_mapping, "Column mapping file (lines of field=column)");
    stats->add_option("--out", stats_opt.out, "Output CSV")->required();
    stats->add_option("--by", stats_opt.by, "municipality or state")->capture_default_str();
    stats->add_option("--from", stats_opt.from, "First date (2019, 2019-10 or 2019-10-17): incidents overlapping it count");
    stats->add_option("--to", stats_opt.to, "Last date, inclusive (--to 2019-10 includes all of October)");
    stats->add_option("--category", stats_opt.category, "Only this category, e.g. 'armed clash', massacre");

    DensityOptions density_opt;
    CLI::App* density = app.add_subcommand(
        "density", "Kernel density of the incidents (per km², QGIS's heatmap rule) as a Float32 GeoTIFF in EPSG:6372");
    add_data_options(*density, data);
    density->add_option("--incidents", density_opt.incidents.path,
                        "Incidents: Mirador's CSV, any OGR point layer or PG:\"...\" (rows with only a place are geocoded)")
        ->required();
    density->add_option("--incidents-layer", density_opt.incidents.layer, "Layer or table in --incidents");
    density->add_option("--incidents-mapping", density_opt.incidents.mapping, "Column mapping file (lines of field=column)");
    density->add_option("--out", density_opt.out, "Output GeoTIFF")->required();
    density->add_option("--cell-km", density_opt.cell_km, "Cell size in km")->capture_default_str();
    density->add_option("--radius-km", density_opt.radius_km, "Kernel radius (bandwidth) in km")->capture_default_str();
    density->add_option("--kernel", density_opt.kernel, "quartic, epanechnikov or gaussian")->capture_default_str();
    density->add_option("--weight", density_opt.weight, "count or fatalities")->capture_default_str();
    density->add_option("--from", density_opt.from,
                        "First date (2019, 2019-10 or 2019-10-17); incidents dated to a month or year count with the "
                        "share of their span inside [--from, --to]");
    density->add_option("--to", density_opt.to, "Last date, inclusive (--to 2019-10 includes all of October)");
    density->add_option("--extent", density_opt.extent,
                        "xmin,ymin,xmax,ymax in EPSG:6372 metres (default: every placed incident's extent plus the radius)");
    density->add_option("--threads", density_opt.threads, "FFT threads (0: all cores)")->capture_default_str();

    HotspotsOptions hotspots_opt;
    CLI::App* hotspots = app.add_subcommand(
        "hotspots", "Getis-Ord Gi* and local Moran per unit, on incidents or a count table, as CSV or GeoPackage");
    add_data_options(*hotspots, data);
    add_hotspots_flags(*hotspots, hotspots_opt);

    EmergingOptions emerging_opt;
    CLI::App* emerging = app.add_subcommand(
        "emerging", "Emerging hot spots (new, intensifying, persistent ... as ArcGIS) per unit, as CSV or GeoPackage");
    add_data_options(*emerging, data);
    add_emerging_flags(*emerging, emerging_opt);

    CLI11_PARSE(app, argc, argv);

    if (*snapshot) {
        if (!bbox_text.empty()) {
            auto b = parse_bbox(bbox_text);
            if (!b) {
                std::fprintf(stderr, "mirador snapshot: %s\n", b.error().c_str());
                return 2;
            }
            snap.bbox = *b;
        }
        static const std::pair<const char*, ChoroplethMeasure> measures[] = {
            {"none", ChoroplethMeasure::None}, {"incidents", ChoroplethMeasure::Incidents},
            {"fatalities", ChoroplethMeasure::Fatalities}, {"rate", ChoroplethMeasure::Rate}};
        bool known = false;
        for (const auto& [name, m] : measures)
            if (choropleth_text == name) snap.choropleth.measure = m, known = true;
        const auto method = geo::parse_class_method(classify_text);
        if (!known || !method) {
            std::fprintf(stderr, "mirador snapshot: --choropleth is none|incidents|fatalities|rate and --classify "
                                 "quantiles|equal-interval|natural-breaks\n");
            return 2;
        }
        snap.choropleth.method = *method;
        if (auto f = apply_snapshot_flags(snap_flags, snap); !f) {
            std::fprintf(stderr, "mirador snapshot: %s\n", f.error().c_str());
            return 2;
        }
        return run_snapshot_command(data, snap);
    }
    if (*locate) return run_locate_command(data, lon, lat);
    if (*geocode) return run_geocode_command(data, geocode_opt);
    if (*stats) return run_stats_command(data, stats_opt);
    if (*density) return run_density_command(data, density_opt);
    if (*hotspots) return run_hotspots_command(data, hotspots_opt);
    if (*emerging) return run_emerging_command(data, emerging_opt);
    return run_viewer(data, viewer);
}
