#include "commands/Snapshot.hpp"

#include <imgui.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <functional>
#include <future>
#include <sstream>

#include "document/NumberFlags.hpp"
#include "commands/GeocodingContext.hpp"
#include "export/ImageFile.hpp"
#include "export/ImageRowSink.hpp"
#include "scene/ExportJob.hpp"
#include "platform/GlContext.hpp"
#include "render/GlUtil.hpp"
#include "platform/Report.hpp"
#include "render/UiPass.hpp"
#include "mirador/geo/IncidentDate.hpp"
#include "document/TimePlayback.hpp"
#include "scene/CountLayer.hpp"
#include "scene/DocumentFrame.hpp"

namespace mirador {

namespace {

ExportTiling export_tiling(const SnapshotOptions& o) {
    ExportTiling tiling;
    tiling.max_tile_size = o.tile_size;
    return tiling;
}

}  // namespace

geo::Result<LonLatBox> parse_bbox(const std::string& text) {
    double v[4];
    std::size_t at = 0;
    for (int k = 0; k < 4; ++k) {
        const std::size_t comma = k < 3 ? text.find(',', at) : text.size();
        if (comma == std::string::npos) return geo::make_error("--bbox '" + text + "' is not minlon,minlat,maxlon,maxlat");
        auto n = parse_number_in(text.substr(at, comma - at), k % 2 == 0 ? limits::kLongitude : limits::kLatitude);
        if (!n) return geo::make_error("--bbox '" + text + "': " + (k % 2 == 0 ? "longitude " : "latitude ") + n.error());
        v[k] = *n;
        at = comma + 1;
    }
    const LonLatBox b{v[0], v[1], v[2], v[3]};
    if (!(b.min_lon < b.max_lon && b.min_lat < b.max_lat))
        return geo::make_error("--bbox '" + text + "' is empty: minlon must be below maxlon and minlat below maxlat");
    return b;
}

geo::Result<doc::Extent> extent_for_bbox(const LonLatBox& bbox, geo::DisplayCrs crs) {
    auto proj = geo::lonlat_to_display(crs);
    if (!proj) return geo::make_error(proj.error());
    // Sample the edges: a lon/lat box is curved in a conic projection.
    std::vector<geo::Vec2> pts;
    for (int i = 0; i <= 16; ++i) {
        const double t = i / 16.0;
        const double lon = bbox.min_lon + t * (bbox.max_lon - bbox.min_lon);
        const double lat = bbox.min_lat + t * (bbox.max_lat - bbox.min_lat);
        pts.push_back({lon, bbox.min_lat});
        pts.push_back({lon, bbox.max_lat});
        pts.push_back({bbox.min_lon, lat});
        pts.push_back({bbox.max_lon, lat});
    }
    proj->forward(pts);
    geo::BBox box;
    for (const auto& p : pts)
        if (std::isfinite(p.x) && std::isfinite(p.y)) box.add(p);
    if (box.empty()) return geo::make_error("--bbox cannot be projected to the display CRS");
    const geo::Vec2 centre = proj->inverse(box.center());
    return doc::Extent{centre.x, centre.y, box.width(), box.height()};
}

SnapshotData::SnapshotData() = default;
SnapshotData::SnapshotData(SnapshotData&&) noexcept = default;
SnapshotData::~SnapshotData() = default;
const geo::Boundaries& SnapshotData::boundaries() const {
    return geocoding ? *geocoding->boundaries : *own_boundaries;
}
const geo::PopulationTable* SnapshotData::population() const {
    return geocoding ? geocoding->population.get() : nullptr;
}

HeadlessMap::~HeadlessMap() {
    // The scene's GL objects go while their context is still there.
    scene_.reset();
}

geo::Result<std::unique_ptr<HeadlessMap>> HeadlessMap::create(const geo::Boundaries& b, IncidentLayer* incidents,
                                                              const geo::PopulationTable* population,
                                                              CountLayer* table,
                                                              std::unique_ptr<HeadlessGlContext> context) {
    if (!context) {
        auto ctx = make_headless_context();  // made current
        if (!ctx) return geo::make_error(ctx.error());
        context = std::move(ctx).value();
    }
    auto m = in_current_context(b, incidents, population, table);
    if (!m) return geo::make_error(m.error());
    (*m)->ctx_ = std::move(context);
    return m;
}

geo::Result<std::unique_ptr<HeadlessMap>> HeadlessMap::in_current_context(const geo::Boundaries& b, IncidentLayer* incidents,
                                                                          const geo::PopulationTable* population,
                                                                          CountLayer* table) {
    std::unique_ptr<HeadlessMap> m(new HeadlessMap());
    m->boundaries_ = &b;
    m->incidents_ = incidents;
    m->population_ = population;
    m->table_ = table;
    if (auto made = m->make_scene(); !made) return geo::make_error(made.error());
    return m;
}

geo::Result<bool> HeadlessMap::make_scene() {
    auto scene = MapScene::create(*boundaries_);
    if (!scene) return geo::make_error(scene.error());
    scene_ = std::move(scene).value();
    if (incidents_) scene_->set_incidents(incidents_);
    if (table_) scene_->set_table(table_);
    return true;
}

geo::Result<bool> HeadlessMap::apply(const doc::MapDocument& document) {
    // The document's filters, time window, fill and hot spots, as the window applies them.
    if (table_) {
        applier_.apply_table(document, *scene_, *table_, &hotspots_, *boundaries_, population_, /*wait=*/true);
        if (!table_->filter_error.empty()) return geo::make_error(table_->filter_error);
    } else {
        applier_.apply(document, *scene_, incidents_, &hotspots_, *boundaries_, population_, /*wait=*/true);
    }
    return true;
}

geo::Result<std::unique_ptr<ExportJob>> HeadlessMap::start(const doc::MapDocument& document, const SnapshotOptions& o,
                                                           std::unique_ptr<RowSink> sink,
                                                           std::unique_ptr<ExportCanvas> canvas) {
    if (auto applied = apply(document); !applied) return geo::make_error(applied.error());
    if (o.hotspot_map) scene_->set_hotspots(&*o.hotspot_map);

    FrameContext c;
    if (!o.highlight.empty()) c.selected = boundaries_->municipalities.find_code(o.highlight);
    c.software_gl = gl::is_software_renderer();
    c.have_incidents = incidents_ != nullptr;
    c.have_table = table_ != nullptr;
    SceneParams params = export_scene_params(document, c, *boundaries_, o.width, o.height, o.dpi);
    if (o.hotspot_map) params.frame.show_fill = true;

    return ExportJob::start(*scene_, params, std::move(sink), export_tiling(o), std::move(canvas));
}

ExportOutcome HeadlessMap::outcome(const ExportJob& job) const {
    ExportOutcome out;
    out.view = job.view();
    out.labels = job.labels();
    out.furniture = job.furniture();
    out.context_kind = ctx_ ? ctx_->kind() : "the caller's context";
    out.gl_description = gl::context_description();
    return out;
}

geo::Result<ExportOutcome> HeadlessMap::render(const doc::MapDocument& document, const SnapshotOptions& o,
                                               std::unique_ptr<RowSink> sink, std::unique_ptr<ExportCanvas> canvas) {
    auto job = start(document, o, std::move(sink), std::move(canvas));
    if (!job) return geo::make_error(job.error());
    while (!(*job)->done())
        if (auto r = (*job)->step(); !r) return geo::make_error(r.error());
    return outcome(**job);
}

geo::Result<std::unique_ptr<HeadlessGlContext>> make_headless_context() {
    auto ctx = HeadlessGlContext::create();
    if (!ctx) return geo::make_error(ctx.error());
    return std::move(ctx).value();
}

geo::Result<SnapshotResult> render_snapshot(const geo::Boundaries& b, const doc::MapDocument& document,
                                            const SnapshotOptions& o, IncidentLayer* incidents,
                                            const geo::PopulationTable* population, CountLayer* table) {
    auto map = HeadlessMap::create(b, incidents, population, table);
    if (!map) return geo::make_error(map.error());
    SnapshotResult result;
    auto drawn = (*map)->render(document, o, std::make_unique<ImageRowSink>(result.image, o.width, o.height));
    if (!drawn) return geo::make_error(drawn.error());
    static_cast<ExportOutcome&>(result) = std::move(drawn).value();
    return result;
}

int load_snapshot_data(const doc::MapDocument& document, const SnapshotOptions& o, const char* command,
                       SnapshotData& out, bool single_view) {
    const DataOptions data = data_options(document);
    std::function<double(const geo::PolygonLayer&)> scale;
    if (single_view)
        scale = [&](const geo::PolygonLayer& municipalities) {
            return view_for_document(document.view, municipalities, o.width, o.height).metres_per_pixel;
        };
    auto b = load_boundaries_verbose(data, false, std::move(scale));
    if (!b) {
        eprint("%s: %s\n", command, b.error().c_str());
        return 1;
    }
    // Flags only the boundaries can judge, checked before anything slow: a map of the sea or an
    // outline of nothing would look like a successful snapshot.
    if (document.view.extent && !view_for_document(document.view, **b, o.width, o.height).visible().intersects((*b)->municipalities.bbox)) {
        const doc::Extent& e = *document.view.extent;
        eprint("%s: the view (centre %.4f, %.4f, %.0f x %.0f m; --bbox) does not overlap the boundaries "
               "(Mexico): nothing would be drawn\n",
               command, e.center_lon, e.center_lat, e.width_m, e.height_m);
        return 2;
    }
    if (!o.highlight.empty() && (*b)->municipalities.find_code(o.highlight) < 0) {
        eprint("%s: --highlight %s: no municipality has this CVEGEO in %s (codes are 5 digits, "
               "state + municipality, e.g. 25006 for Culiacán)\n",
               command, o.highlight.c_str(), (*b)->municipalities.source.c_str());
        return 2;
    }
    if (document.sources.incidents.empty() && document.sources.counts.empty()) {
        out.own_boundaries = std::move(b).value();
        return 0;
    }
    // The boundaries loaded above serve the geocoder too; only the gazetteer is added.
    auto ctx = load_geocoding_context(data, command, std::move(*b));
    if (!ctx) {
        eprint("%s: %s\n", command, ctx.error().c_str());
        return 1;
    }
    out.geocoding = std::make_unique<GeocodingContext>(std::move(ctx.value()));
    const GeocodingContext& g = *out.geocoding;
    if (!document.sources.counts.empty()) {
        auto loaded = load_count_layer(document.sources.counts.front(), *g.boundaries, g.population.get());
        if (!loaded) {
            eprint("%s: %s\n", command, loaded.error().c_str());
            return 1;
        }
        out.table = std::move(loaded).value();
        CountLayer& table = *out.table;
        for (const auto& w : table.table.warnings) eprint("%s: %s\n", command, w.c_str());
        // A table counts whole months: a window of days would have to be guessed.
        if (const auto w = current_window(document.time)) {
            const auto iso = [](std::int32_t day) {
                const geo::CivilDate c = geo::civil_from_days(day);
                char text[16];
                std::snprintf(text, sizeof text, "%04d-%02d-%02d", c.year, c.month, c.day);
                return std::string(text);
            };
            const std::string from = iso(w->from), to = iso(w->to);
            if (auto ok = geo::count_window(from, to, table.table); !ok) {
                eprint("%s: %s\n", command, ok.error().c_str());
                return 2;
            }
        }
        if (!table.never_in_table.empty())
            eprint("%s: %s: %zu units never appear in the table; they count as 0 by its convention\n", command,
                   table.source.c_str(), table.never_in_table.size());
        return 0;
    }
    std::vector<std::string> problems;
    auto layer = load_incident_layer(document.sources.incidents.front(), *g.geocoder, g.population.get(), problems);
    for (const auto& p : problems) eprint("%s: %s\n", command, p.c_str());
    if (!layer) {
        eprint("%s: %s\n", command, layer.error().c_str());
        return 1;
    }
    out.incidents = std::move(layer.value());
    return 0;
}

int run_snapshot_command(const doc::MapDocument& document, const SnapshotOptions& o) {
    using clock = std::chrono::steady_clock;
    const auto t0 = clock::now();
    SnapshotData data;
    // The data load on a thread of their own while this one starts OpenGL (EGL, llvmpipe): on
    // two cores that hides most of the context's cost. One view at one scale: only the
    // boundaries' detail level drawn at it is made.
    auto loading = std::async(std::launch::async, [&] { return load_snapshot_data(document, o, "mirador snapshot", data, true); });
    auto gl = make_headless_context();
    // What the image is drawn into, made while the data still load (ExportCanvas.hpp says why);
    // a failure here is said by the export, which then tries again itself.
    std::unique_ptr<ExportCanvas> canvas;
    if (gl)
        if (auto made = ExportCanvas::create(o.width, o.height, export_pixel_scale(o.width, o.height, o.dpi), export_tiling(o)))
            canvas = std::move(made).value();
    if (const int code = loading.get()) return code;
    if (!gl) {
        eprint("mirador snapshot: %s\n", gl.error().c_str());
        return 1;
    }
    const geo::Boundaries& boundaries = data.boundaries();
    const auto t1 = clock::now();
    auto map = HeadlessMap::create(boundaries, data.incidents.get(), data.population(), data.table.get(),
                                   std::move(gl).value());
    if (!map) {
        eprint("mirador snapshot: %s\n", map.error().c_str());
        return 1;
    }
    const MapView whole = view_for_document(document.view, boundaries, o.width, o.height);
    auto sink = open_export_file(o.out, whole, document.view.crs, o.dpi);
    if (!sink) {
        eprint("mirador snapshot: %s\n", sink.error().c_str());
        return 1;
    }
    auto r = (*map)->render(document, o, std::move(sink).value(), std::move(canvas));
    if (!r) {
        eprint("mirador snapshot: %s\n", r.error().c_str());
        return 1;
    }
    // A scale bar or north arrow asked for and not drawn is said, not left out quietly.
    if (!r->furniture.problem.empty()) eprint("mirador snapshot: %s\n", r->furniture.problem.c_str());
    const auto t2 = clock::now();
    auto ms = [](auto d) { return std::chrono::duration<double, std::milli>(d).count(); };
    eprint("mirador snapshot: wrote %s (%dx%d, %zu municipalities; load %.0f ms, render+write %.0f ms; %s, %s)\n",
           o.out.c_str(), o.width, o.height, boundaries.municipalities.feature_count(), ms(t1 - t0), ms(t2 - t1),
           r->context_kind.c_str(), r->gl_description.c_str());
    return 0;
}

}  // namespace mirador
