#include "cli/CommandLine.hpp"

#include <CLI/CLI.hpp>

#include <csignal>
#include <cstdlib>
#include <cstdio>
#include <sstream>

#include "cli/DataFlags.hpp"
#include "cli/FlagGroups.hpp"
#include "document/NumberFlags.hpp"
#include "commands/AnimationRun.hpp"
#include "commands/Locate.hpp"
#include "document/ProjectFile.hpp"
#include "document/ExportLimits.hpp"
#include "document/SlideDocument.hpp"
#include "export/ImageFile.hpp"
#include "mirador/geo/AtomicFile.hpp"
#include "mirador/geo/IncidentCategory.hpp"
#include "platform/Report.hpp"

namespace mirador {

namespace {

// The flags that need more than one flag, or the whole command line, to become document fields.
struct PendingText {
    std::string bbox, layers, extent;
    DateRangeFlags dates;
    HeatmapFlags heatmap;
    std::string stats_by = "municipality", category;
    bool no_labels = false, no_points = false, heatmap_on = false;
};

struct Subcommands {
    CLI::App *snapshot, *export_slides, *animate, *locate, *geocode, *stats, *density, *hotspots, *emerging;
};

void add_project_flag(CLI::App& cmd, CommandLine& cl) {
    cmd.add_option("--project", cl.project,
                   "Open this project (.mirador); flags given with it change what it says")
        ->option_text("FILE");
}

void add_viewer_flags(CLI::App& app, CommandLine& cl) {
    ViewerOptions& v = cl.viewer;
    app.add_option("--width", v.width, "Window width in pixels")->check(within(limits::kWindowSide))->capture_default_str();
    app.add_option("--height", v.height, "Window height in pixels")->check(within(limits::kWindowSide))->capture_default_str();
    app.add_flag("--fullscreen", v.fullscreen, "Start full screen (F11 toggles)");
    app.add_flag("--present", v.present, "Start presenting the project's slides (as F5 does; Esc leaves)");
    app.add_option("--search", v.initial_search, "Start with this place searched and selected, e.g. Culiacán");
    app.add_option("--frames", v.max_frames,
                   "Quit after this many frames (scripted runs); 0, the default, runs until the window is closed")
        ->check(within(limits::kFrames));
    app.add_option("--screenshot", v.screenshot, "With --frames: save the window's last frame to this PNG");
    app.add_option("--press", v.press_keys,
                   "With --frames (scripted runs): press these keys, one every other frame: right, left, up, down, "
                   "space, enter, escape, home, tab, f1, f9, f10, f11, plus, minus, a to z, each maybe after ctrl+ "
                   "or shift+; type:TEXT types TEXT; click:X:Y, right-click:X:Y (window pixels), drag:X:Y:X2:Y2, "
                   "right-drag:X:Y:X2:Y2; wait does nothing")
        ->delimiter(',');
    app.add_option("--drop", v.drop_paths,
                   "With --frames (scripted runs): drop these files on the window on its third frame, as from a "
                   "file manager")
        ->option_text("FILE ...");
    app.add_flag("--no-incidents", v.no_incidents, "Open the boundaries only (not the seed catalogue)");
    app.add_option("--restore", v.restore,
                   "A recovery file from a session that ended without saving: ask (default), yes or no")
        ->check(CLI::IsMember({"ask", "yes", "no"}));
    app.add_option("--autosave-seconds", v.autosave_seconds, "How often unsaved changes go to the recovery file")
        ->check(within(limits::kAutosaveSeconds))
        ->capture_default_str();
}

// The image's size and resolution: snapshot, export-slides and animate.
void add_size_flags(CLI::App& cmd, SnapshotOptions& s) {
    cmd.add_option("--width", s.width, "Image width in pixels (beyond the GPU's limit the map is rendered in tiles)")
        ->check(within(limits::kExportSide))
        ->capture_default_str();
    cmd.add_option("--height", s.height, "Image height in pixels")->check(within(limits::kExportSide))->capture_default_str();
    cmd.add_option("--dpi", s.dpi,
                   "Resolution stored in the file (PNG pHYs, JPEG JFIF, TIFF tags); text, lines and furniture are "
                   "then drawn at dpi/96 times their screen size, so a 300-dpi print reads like the screen (without "
                   "--dpi they grow with the image against 1920x1080)")
        ->check(within(limits::kDpi));
    // Hidden: the largest tile rendered at once (default: the GPU's limit, at most 8192); tests
    // force small tiles to compare a tiled export with a direct one.
    cmd.add_option("--tile-size", s.tile_size, "")->check(within(limits::kTileSide))->group("");
}

// What a rendered map shows: snapshot and animate.
void add_map_flags(CLI::App& cmd, CommandLine& cl, PendingText& t) {
    doc::MapDocument& d = cl.document;
    add_data_options(cmd, d);
    add_project_flag(cmd, cl);
    cmd.add_option("--bbox", t.bbox, "Area to show: minlon,minlat,maxlon,maxlat (default: all of Mexico)");
    cmd.add_flag("--no-labels", t.no_labels, "Leave out state and municipality names (the labels layer)");
    cmd.add_option("--highlight", cl.snapshot.highlight, "Outline the municipality with this CVEGEO, e.g. 25006");
    add_incident_source_flags(cmd, d,
                              "Incidents to draw: Mirador's CSV, an OGR point layer or PG:\"...\" (default: none)");
    cmd.add_flag("--no-points", t.no_points, "With --incidents: leave out the incident points (the points layer)");
    add_count_source_flags(cmd, d);
    add_choropleth_flags(cmd, d.style_of<doc::FillStyle>());
    cmd.add_option("--layers", t.layers,
                   "The layers to draw, bottom to top, the rest hidden: fill (or choropleth), hotspots, heatmap, "
                   "boundaries, points, labels; e.g. fill,heatmap,boundaries,points,labels (default: the project's, "
                   "or fill, boundaries, points and labels)");
    add_heatmap_flags(cmd, d, t.heatmap);
    add_furniture_flags(cmd, d.furniture);
}

CLI::App* add_snapshot(CLI::App& app, CommandLine& cl, PendingText& t) {
    SnapshotOptions& s = cl.snapshot;
    CLI::App* cmd = app.add_subcommand("snapshot", "Render the map headless (no display needed) into a PNG, JPEG or GeoTIFF");
    cmd->add_option("--save-project", cl.save_project, "Also write the map these flags describe as a project")
        ->option_text("FILE");
    cmd->add_option("--out", s.out,
                    "Output image, its format by the extension: .png, .jpg/.jpeg, or .tif/.tiff (a GeoTIFF "
                    "georeferenced in the display CRS)")
        ->required();
    add_size_flags(*cmd, s);
    cmd->add_option("--slide", s.slide,
                    "With --project: render its slide N (1-based): the slide's view, layers, filters, time window and "
                    "title replace the project's")
        ->check(CLI::PositiveNumber);
    add_map_flags(*cmd, cl, t);
    add_date_range_flags(*cmd, t.dates, "Time window");
    return cmd;
}

CLI::App* add_export_slides(CLI::App& app, CommandLine& cl) {
    ExportSlidesOptions& e = cl.export_slides;
    CLI::App* cmd = app.add_subcommand(
        "export-slides", "Render every slide of a project into its own image (01-name.png ...) in a folder");
    add_data_options(*cmd, cl.document);
    add_project_flag(*cmd, cl);
    cmd->get_option("--project")->required();
    cmd->add_option("--out-dir", e.out_dir, "The folder (made if missing)")->required();
    cmd->add_option("--format", e.format, "png, jpg or tif (a GeoTIFF georeferenced in the display CRS)")
        ->check(CLI::IsMember({"png", "jpg", "tif"}))
        ->capture_default_str();
    add_size_flags(*cmd, e.frame);
    return cmd;
}

CLI::App* add_animate(CLI::App& app, CommandLine& cl, PendingText& t) {
    AnimateOptions& a = cl.animate;
    CLI::App* cmd = app.add_subcommand(
        "animate", "Render the time slider's windows into an MP4 (H.264), a GIF or a folder of numbered PNGs, one "
                   "colour scale across the frames");
    cmd->add_option("--out", a.out, "clip.mp4, clip.gif, or a folder for a PNG sequence (frame-00001.png ...)")
        ->required();
    cmd->add_option("--step", a.step, "The window of each frame: day, week, month, quarter or year")
        ->check(CLI::IsMember({"day", "week", "month", "quarter", "year"}))
        ->capture_default_str();
    cmd->add_option("--fps", a.fps, "Frames (windows) per second")->check(within(limits::kFps))->capture_default_str();
    cmd->add_flag("--skip-empty", a.skip_empty, "Leave out windows in which no incident is shown");
    cmd->add_option("--hold-last", a.hold_last, "Repeat the last frame this many more times (a pause at the end)")
        ->check(within(limits::kHoldFrames));
    add_size_flags(*cmd, a.frame);
    add_map_flags(*cmd, cl, t);
    add_date_range_flags(*cmd, t.dates, "The range animated (default: the incidents' dates)");
    return cmd;
}

CLI::App* add_locate(CLI::App& app, CommandLine& cl) {
    CLI::App* cmd = app.add_subcommand("locate", "Print the municipality containing a point: CVEGEO, name, state");
    add_data_options(*cmd, cl.document);
    cmd->add_option("lon", cl.lon, "Longitude (degrees east, negative in Mexico)")->required()->check(within(limits::kLongitude));
    cmd->add_option("lat", cl.lat, "Latitude (degrees north)")->required()->check(within(limits::kLatitude));
    return cmd;
}

CLI::App* add_geocode(CLI::App& app, CommandLine& cl) {
    GeocodeOptions& g = cl.geocode;
    CLI::App* cmd = app.add_subcommand(
        "geocode", "Place every row of an incident CSV: adds lon,lat,cvegeo,municipality,state_name,"
                   "geo_precision,geo_status (matched|ambiguous|unmatched|outside),geo_note");
    add_data_options(*cmd, cl.document);
    cmd->add_option("--in", g.in, "Input CSV (columns place, state, lon, lat by default)")->required();
    cmd->add_option("--out", g.out, "Output CSV")->required();
    cmd->add_option("--mapping", g.mapping, "Column mapping file: lines of field=column");
    return cmd;
}

CLI::App* add_stats(CLI::App& app, CommandLine& cl, PendingText& t) {
    StatsOptions& s = cl.stats;
    CLI::App* cmd = app.add_subcommand(
        "stats", "Incidents and fatalities per municipality or state as CSV: cvegeo,name,state_name,incidents,"
                 "fatalities[,rate_per_100k]");
    add_data_options(*cmd, cl.document);
    add_project_flag(*cmd, cl);
    add_incident_source_flags(*cmd, cl.document,
                              "Incidents: Mirador's CSV, any OGR point layer (.gpkg, .geojson, .shp) or PG:\"dbname=... host=...\" "
                              "(or the --project's)");
    cmd->add_option("--out", s.out, "Output CSV")->required();
    cmd->add_option("--by", t.stats_by, "municipality or state")
        ->check(CLI::IsMember({"municipality", "state"}))
        ->capture_default_str();
    add_date_range_flags(*cmd, t.dates, "Count window");
    cmd->add_option("--category", t.category, "Only this category, e.g. 'armed clash', massacre");
    return cmd;
}

CLI::App* add_density(CLI::App& app, CommandLine& cl, PendingText& t) {
    DensityOptions& d = cl.density;
    CLI::App* cmd = app.add_subcommand(
        "density", "Kernel density of the incidents (per km², QGIS's heatmap rule) as a Float32 GeoTIFF in EPSG:6372");
    add_data_options(*cmd, cl.document);
    add_project_flag(*cmd, cl);
    add_incident_source_flags(*cmd, cl.document,
                              "Incidents: Mirador's CSV, any OGR point layer or PG:\"...\" (rows with only a place are "
                              "geocoded; or the --project's)");
    cmd->add_option("--out", d.out, "Output GeoTIFF")->required();
    cmd->add_option("--cell-km", d.cell_km, "Cell size in km")->check(within(limits::kCellKm))->capture_default_str();
    add_kernel_flags(*cmd, cl.document.style_of<doc::HeatmapStyle>(), "");
    add_date_range_flags(*cmd, t.dates,
                         "Window (incidents dated to a month or year count with the share of their span inside it)");
    cmd->add_option("--extent", t.extent,
                    "xmin,ymin,xmax,ymax in EPSG:6372 metres (default: every placed incident's extent plus the radius)");
    cmd->add_option("--threads", d.threads, "FFT threads (0: all cores)")->check(within(limits::kThreads))->capture_default_str();
    cmd->add_option("--compress", d.compress,
                    "deflate: lossless, about 60 % of the size; none: plain, as QGIS writes it, faster to write")
        ->check(CLI::IsMember({"deflate", "none"}))
        ->capture_default_str();
    return cmd;
}

geo::Result<std::pair<geo::Vec2, geo::Vec2>> parse_extent(const std::string& text) {
    double v[4];
    std::size_t at = 0;
    for (int k = 0; k < 4; ++k) {
        const std::size_t comma = k < 3 ? text.find(',', at) : text.size();
        if (comma == std::string::npos) return geo::make_error("--extent '" + text + "' is not xmin,ymin,xmax,ymax");
        auto n = parse_number_in(text.substr(at, comma - at), limits::kProjectedMetres);
        if (!n) return geo::make_error("--extent '" + text + "': " + n.error());
        v[k] = *n;
        at = comma + 1;
    }
    if (!(v[0] < v[2] && v[1] < v[3]))
        return geo::make_error("--extent '" + text + "': xmin must be below xmax and ymin below ymax");
    return std::pair{geo::Vec2{v[0], v[1]}, geo::Vec2{v[2], v[3]}};
}

// The files a command reads, for the check that its output is none of them.
std::vector<std::string> inputs_of(const CommandLine& cl) {
    const doc::BoundarySource& b = cl.document.sources.boundaries;
    std::vector<std::string> in{b.path, b.states_path, b.gazetteer, b.population, cl.project};
    in.push_back(b.path.empty() ? default_boundaries_path() : b.path);
    for (const char* f : {"gazetteer/localidades_mx.csv", "mx/population_2020.csv"}) in.push_back(find_data_file(f));
    for (const geo::IncidentSource& s : cl.document.sources.incidents) in.insert(in.end(), {s.path, s.mapping});
    return in;
}

geo::Result<bool> needs_incidents(const CommandLine& cl) {
    if (cl.document.sources.incidents.empty()) return geo::make_error("--incidents is required (or a --project that has them)");
    return true;
}

// snapshot's and animate's map flags that need the whole line: --bbox, --layers, --no-labels,
// --no-points, --normalize.
geo::Result<bool> apply_map_flags(CommandLine& cl, const PendingText& t) {
    doc::MapDocument& d = cl.document;
    ensure_every_layer(d);
    if (!t.bbox.empty()) {
        auto b = parse_bbox(t.bbox);
        if (!b) return geo::make_error(b.error());
        auto e = extent_for_bbox(*b, d.view.crs);
        if (!e) return geo::make_error(e.error());
        d.view.extent = *e;
    }
    if (!t.layers.empty())
        if (auto ok = apply_layer_list(t.layers, d); !ok) return ok;
    if (t.no_labels) d.find(doc::LayerKind::Labels)->visible = false;
    if (t.no_points) d.find(doc::LayerKind::Points)->visible = false;
    return apply_heatmap_flags(t.heatmap, d);
}

// After CLI11: what needs the whole command line, or more than one flag, to check.
geo::Result<bool> finish(CommandLine& cl, PendingText& t) {
    doc::MapDocument& d = cl.document;
    drop_unset_incident_source(d);
    if (auto one = drop_unset_count_source(d, !d.sources.incidents.empty()); !one) return one;
    auto check_out = [&](const std::string& out, std::vector<std::string> more = {}, const char* flag = "--out") {
        auto in = inputs_of(cl);
        in.insert(in.end(), more.begin(), more.end());
        return geo::check_output_is_not_input(out, in, flag);
    };
    if (auto ok = apply_date_range(t.dates, d.time); !ok) return ok;
    switch (cl.command) {
        case Command::Viewer: {
            if (!cl.viewer.screenshot.empty() && cl.viewer.max_frames == 0)
                return geo::make_error("--screenshot needs --frames N (the frame to save)");
            if (t.heatmap_on) {
                ensure_every_layer(d);
                d.find(doc::LayerKind::Heatmap)->visible = true;
            }
            if (!cl.viewer.screenshot.empty())
                if (auto ok = check_out(cl.viewer.screenshot, cl.viewer.drop_paths, "--screenshot"); !ok) return ok;
            return true;
        }
        case Command::ExportSlides:
            if (auto ok = check_out(cl.export_slides.out_dir, {}, "--out-dir"); !ok) return ok;
            return true;
        case Command::Animate: {
            if (auto ok = apply_map_flags(cl, t); !ok) return ok;
            if (auto ok = check_out(cl.animate.out); !ok) return ok;
            cl.animate.frame.highlight = cl.snapshot.highlight;
            cl.animate.h264_encoder = h264_encoder_from_environment();
            return true;
        }
        case Command::Snapshot: {
            if (cl.snapshot.slide > 0) {
                if (cl.project.empty()) return geo::make_error("--slide needs --project (the slides are the project's)");
                auto index = doc::slide_index(d, cl.snapshot.slide);
                if (!index) return geo::make_error(index.error());
                d = doc::document_for_slide(d, *index);
            }
            if (auto ok = apply_map_flags(cl, t); !ok) return ok;
            // A snapshot of one window, its heatmap scale not chosen (no --normalize, no project
            // that says one): relative, the window's own highest value, so the map shows that
            // window rather than a scale made for the worst of all windows. The legend says which.
            if (t.heatmap.normalize.empty() && cl.project.empty() && !d.time.all_time)
                d.style_of<doc::HeatmapStyle>().normalize = geo::NormalizeMode::Relative;
            if (!cl.save_project.empty()) {
                if (cl.save_project == cl.snapshot.out) return geo::make_error("--save-project and --out name the same file");
                if (auto ok = check_out(cl.save_project, {cl.snapshot.out}, "--save-project"); !ok) return ok;
            }
            // Overwriting an input is the graver mistake, so it is named first.
            if (auto ok = check_out(cl.snapshot.out); !ok) return ok;
            if (auto format = image_format_for(cl.snapshot.out); !format) return geo::make_error("--out " + format.error());
            return true;
        }
        case Command::Locate:
            return true;
        case Command::Geocode:
            return check_out(cl.geocode.out, {cl.geocode.in, cl.geocode.mapping});
        case Command::Stats: {
            if (auto ok = needs_incidents(cl); !ok) return ok;
            cl.stats.by = t.stats_by == "state" ? geo::AggregateBy::State : geo::AggregateBy::Municipality;
            if (!t.category.empty()) {
                d.filters.category = geo::parse_incident_category(t.category);
                if (!d.filters.category) return geo::make_error("--category: unknown category '" + t.category + "'");
            }
            return check_out(cl.stats.out);
        }
        case Command::Density: {
            if (auto ok = needs_incidents(cl); !ok) return ok;
            if (!t.extent.empty()) {
                auto e = parse_extent(t.extent);
                if (!e) return geo::make_error(e.error());
                cl.density.extent = *e;
            }
            return check_out(cl.density.out);
        }
        case Command::Hotspots:
        case Command::Emerging: {
            const HotspotSourceOptions& h = cl.command == Command::Hotspots ? cl.hotspots.source : cl.emerging.source;
            const std::string& map = cl.command == Command::Hotspots ? cl.hotspots.map : cl.emerging.map;
            const std::vector<std::string> more{h.counts, h.counts_mapping, h.incidents.path, h.incidents.mapping};
            if (auto ok = check_out(h.out, more); !ok) return ok;
            if (!map.empty()) {
                auto with_out = more;
                with_out.push_back(h.out);
                if (map == h.out) return geo::make_error("--map and --out name the same file");
                if (auto ok = check_out(map, with_out); !ok) return ok;
            }
            return true;
        }
    }
    return true;
}

// --project FILE (or --project=FILE) anywhere on the line: the document it names is loaded before
// the flags are read, so that flags given with it change it.
std::optional<std::string> project_argument(const std::vector<std::string>& args) {
    for (std::size_t i = 0; i < args.size(); ++i) {
        if (args[i] == "--project" && i + 1 < args.size()) return args[i + 1];
        if (args[i].rfind("--project=", 0) == 0) return args[i].substr(10);
    }
    return std::nullopt;
}

// hotspots and emerging: the data flags, then the command's own.
template <typename Options>
CLI::App* add_hot_spot_command(CLI::App& app, CommandLine& cl, const char* name, const char* about, Options& options,
                               void (*add_flags)(CLI::App&, Options&)) {
    CLI::App* cmd = app.add_subcommand(name, about);
    add_data_options(*cmd, cl.document);
    add_flags(*cmd, options);
    return cmd;
}

std::string one_line(std::string text) {
    for (char& c : text)
        if (c == '\n' || c == '\r') c = ' ';
    while (!text.empty() && text.back() == ' ') text.pop_back();
    return text;
}

}  // namespace

ParseOutcome parse_command_line(const std::vector<std::string>& args, CommandLine& cl) {
    CLI::App app{"Mirador: a map viewer for studying violence in Mexico.\n"
                 "With no command, opens the viewer on Mexico's states and municipalities."};
    app.set_help_all_flag("--help-all", "Show help for every command");
    app.require_subcommand(0, 1);
    app.name("mirador");
    ParseOutcome outcome;
    if (const auto project = project_argument(args)) {
        auto d = doc::load_project(*project);
        if (!d) {
            outcome.exit_code = 2;
            outcome.error = "mirador: --project: " + one_line(d.error());
            return outcome;
        }
        cl.document = std::move(d).value();
    }
    // Every layer present before any flag binds to a style: adding one later would move the list.
    ensure_every_layer(cl.document);
    PendingText t;
    add_data_options(app, cl.document);
    add_project_flag(app, cl);
    add_viewer_flags(app, cl);
    add_incident_source_flags(app, cl.document,
                              "Incidents to show: Mirador's CSV, an OGR point layer or PG:\"...\" (default: the project's, "
                              "else the seed catalogue)");
    app.add_flag("--heatmap", t.heatmap_on, "Start with the incidents' heatmap shown (Layers panel)");
    add_count_source_flags(app, cl.document);
    const Subcommands sub{add_snapshot(app, cl, t), add_export_slides(app, cl), add_animate(app, cl, t), add_locate(app, cl), add_geocode(app, cl), add_stats(app, cl, t),
                          add_density(app, cl, t), add_hot_spot_command(app, cl, "hotspots",
                               "Getis-Ord Gi* and local Moran per unit, on incidents or a count table, as CSV or GeoPackage",
                               cl.hotspots, add_hotspots_flags),
                          add_hot_spot_command(app, cl, "emerging",
                               "Emerging hot spots (new, intensifying, persistent ... as ArcGIS) per unit, as CSV or GeoPackage",
                               cl.emerging, add_emerging_flags)};

    std::string who = "mirador";
    auto active = [&]() -> std::string {
        for (CLI::App* s : {sub.snapshot, sub.export_slides, sub.animate, sub.locate, sub.geocode, sub.stats, sub.density, sub.hotspots, sub.emerging})
            if (s->parsed()) return "mirador " + s->get_name();
        return "mirador";
    };
    try {
        std::vector<std::string> reversed(args.rbegin(), args.rend());  // CLI11 takes them last first
        app.parse(reversed);
    } catch (const CLI::CallForHelp& e) {
        std::ostringstream out, err;
        outcome.exit_code = app.exit(e, out, err);
        outcome.output = out.str();
        return outcome;
    } catch (const CLI::CallForAllHelp& e) {
        std::ostringstream out, err;
        outcome.exit_code = app.exit(e, out, err);
        outcome.output = out.str();
        return outcome;
    } catch (const CLI::ParseError& e) {
        who = active();
        outcome.exit_code = 2;
        outcome.error = who + ": " + one_line(e.what()) + " (see " + who + " --help)";
        return outcome;
    }
    who = active();
    if (sub.snapshot->parsed()) cl.command = Command::Snapshot;
    else if (sub.export_slides->parsed()) cl.command = Command::ExportSlides;
    else if (sub.animate->parsed()) cl.command = Command::Animate;
    else if (sub.locate->parsed()) cl.command = Command::Locate;
    else if (sub.geocode->parsed()) cl.command = Command::Geocode;
    else if (sub.stats->parsed()) cl.command = Command::Stats;
    else if (sub.density->parsed()) cl.command = Command::Density;
    else if (sub.hotspots->parsed()) cl.command = Command::Hotspots;
    else if (sub.emerging->parsed()) cl.command = Command::Emerging;
    else cl.command = Command::Viewer;
    if (auto ok = finish(cl, t); !ok) {
        outcome.exit_code = 2;
        outcome.error = who + ": " + one_line(ok.error());
    }
    return outcome;
}

int run_command(const CommandLine& cl) {
    switch (cl.command) {
        case Command::Snapshot:
            if (!cl.save_project.empty()) {
                if (auto ok = doc::save_project(cl.document, cl.save_project); !ok) {
                    eprint("mirador snapshot: %s\n", ok.error().c_str());
                    return 1;
                }
                eprint("mirador snapshot: wrote the project %s\n", cl.save_project.c_str());
            }
            return run_snapshot_command(cl.document, cl.snapshot);
        case Command::ExportSlides: return run_export_slides_command(cl.document, cl.export_slides);
        case Command::Animate: return run_animate_command(cl.document, cl.animate);
        case Command::Locate: return run_locate_command(data_options(cl.document), cl.lon, cl.lat);
        case Command::Geocode: return run_geocode_command(data_options(cl.document), cl.geocode);
        case Command::Stats: return run_stats_command(cl.document, cl.stats);
        case Command::Density: return run_density_command(cl.document, cl.density);
        case Command::Hotspots: return run_hotspots_command(data_options(cl.document), cl.hotspots);
        case Command::Emerging: return run_emerging_command(data_options(cl.document), cl.emerging);
        case Command::Viewer: break;
    }
    return run_viewer(cl.document, cl.project, cl.viewer);
}

int run_mirador(int argc, char** argv) {
    // A file size limit (ulimit -f) then fails the write with EFBIG, which the writer reports and
    // recovers from, instead of killing the process midway through a file.
    std::signal(SIGXFSZ, SIG_IGN);
    std::vector<std::string> args(argv + 1, argv + argc);
    CommandLine cl;
    const ParseOutcome p = parse_command_line(args, cl);
    if (!p.output.empty()) std::fputs(p.output.c_str(), stdout);
    if (!p.error.empty()) eprint("%s\n", p.error.c_str());
    if (p.exit_code) return *p.exit_code;
    const int rc = run_command(cl);
// GCC says __SANITIZE_ADDRESS__; clang 14 (the sanitizer build's compiler) only __has_feature.
#if defined(__has_feature)
#if __has_feature(address_sanitizer)
#define MIRADOR_ADDRESS_SANITIZER 1
#endif
#endif
#if defined(__SANITIZE_ADDRESS__)
#define MIRADOR_ADDRESS_SANITIZER 1
#endif
#if !defined(MIRADOR_ADDRESS_SANITIZER)
    // A command without a window ends the process here, skipping the teardown of the hundred-odd
    // libraries GDAL brings (static destructors, PROJ's and SQLite's caches): 10-20 ms of a
    // `mirador hotspots`, for memory the kernel frees anyway. Its files are committed by now.
    // Sanitizer builds return normally, for the leak check.
    if (cl.command != Command::Viewer && cl.command != Command::Snapshot) {
        std::fflush(nullptr);
        std::_Exit(rc);
    }
#endif
    return rc;
}

}  // namespace mirador
