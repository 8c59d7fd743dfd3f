#include "commands/Snapshot.hpp"

#include <imgui.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <future>
#include <sstream>

#include "document/NumberFlags.hpp"
#include "commands/GeocodingContext.hpp"
#include "export/ImageFile.hpp"
#include "platform/GlContext.hpp"
#include "render/GlUtil.hpp"
#include "platform/Report.hpp"
#include "render/UiPass.hpp"
#include "mirador/geo/IncidentDate.hpp"
#include "document/TimePlayback.hpp"
#include "scene/CountLayer.hpp"
#include "scene/DocumentFrame.hpp"

namespace mirador {

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

geo::Result<std::unique_ptr<HeadlessGlContext>> make_snapshot_context(const SnapshotOptions& o) {
    auto ctx = HeadlessGlContext::create();
    if (!ctx) return geo::make_error(ctx.error());
    if (auto sized = (*ctx)->set_frame_size(o.width, o.height); !sized) return geo::make_error(sized.error());
    return ctx;
}

geo::Result<SnapshotResult> render_snapshot(const geo::Boundaries& b, const doc::MapDocument& document,
                                            const SnapshotOptions& o, IncidentLayer* incidents,
                                            const geo::PopulationTable* population, CountLayer* table,
                                            std::unique_ptr<HeadlessGlContext> context) {
    const MapView view = view_for_document(document.view, b, o.width, o.height);
    auto ctx = context ? geo::Result<std::unique_ptr<HeadlessGlContext>>(std::move(context)) : make_snapshot_context(o);
    if (!ctx) return geo::make_error(ctx.error());
    auto scene = MapScene::create(b);
    if (!scene) return geo::make_error(scene.error());
    if (incidents) (*scene)->set_incidents(incidents);
    // The document's filters, time window, fill and hot spots, as the window applies them.
    HotspotLayer hotspots;
    DocumentApplier applier;
    if (table) {
        (*scene)->set_table(table);
        applier.apply_table(document, **scene, *table, &hotspots, b, population, /*wait=*/true);
        if (!table->filter_error.empty()) return geo::make_error(table->filter_error);
    } else {
        applier.apply(document, **scene, incidents, &hotspots, b, population, /*wait=*/true);
    }
    if (o.hotspot_map) (*scene)->set_hotspots(&*o.hotspot_map);

    SnapshotResult result;
    result.view = view;
    result.context_kind = (*ctx)->kind();
    result.gl_description = gl::context_description();

    FrameContext c;
    c.view = view;
    // Text and lines scale with the image, so a 4K snapshot looks like the window on a
    // high-DPI screen rather than a tiny map with hairlines.
    c.pixel_scale = std::max(1.0f, std::min(o.width / 1920.0f, o.height / 1080.0f));
    if (!o.highlight.empty()) c.selected = b.municipalities.find_code(o.highlight);
    c.software_gl = gl::is_software_renderer();
    c.have_incidents = incidents != nullptr;
    c.have_table = table != nullptr;
    SceneParams params = scene_params(document, c);
    if (o.hotspot_map) params.frame.show_fill = true;

    IMGUI_CHECKVERSION();
    ImGuiContext* imgui = ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.DisplaySize = ImVec2(float(o.width), float(o.height));
    io.DeltaTime = 1.0f / 60.0f;
    const FontSet fonts = load_fonts(c.pixel_scale);
    auto ui_pass = UiPass::create();
    if (!ui_pass) {
        ImGui::DestroyContext(imgui);
        return geo::make_error(ui_pass.error());
    }
    (*ui_pass)->new_frame();
    ImGui::NewFrame();

    (*ctx)->bind_frame();
    result.labels = (*scene)->draw(params, ImGui::GetBackgroundDrawList(), fonts);
    result.furniture = (*scene)->furniture();
    ImGui::Render();
    (*ui_pass)->draw(ImGui::GetDrawData());
    (*ctx)->present();
    result.image.width = o.width;
    result.image.height = o.height;
    result.image.rgba = (*ctx)->read_frame();

    ui_pass->reset();
    ImGui::DestroyContext(imgui);
    return result;
}

int run_snapshot_command(const doc::MapDocument& document, const SnapshotOptions& o) {
    using clock = std::chrono::steady_clock;
    const auto t0 = clock::now();
    const DataOptions data = data_options(document);
    // The boundaries load on a thread of their own while this one starts OpenGL (EGL, llvmpipe,
    // the image's memory): on two cores that hides most of the context's cost. One view at one
    // scale: only the detail level drawn at it is made.
    auto loading = std::async(std::launch::async, [&] {
        return load_boundaries_verbose(data, false, [&](const geo::PolygonLayer& municipalities) {
            return view_for_document(document.view, municipalities, o.width, o.height).metres_per_pixel;
        });
    });
    auto gl = make_snapshot_context(o);
    auto b = loading.get();
    if (!b) {
        eprint("mirador snapshot: %s\n", b.error().c_str());
        return 1;
    }
    // Flags only the boundaries can judge, checked before anything slow: a map of the sea or an
    // outline of nothing would look like a successful snapshot.
    if (document.view.extent && !view_for_document(document.view, **b, o.width, o.height).visible().intersects((*b)->municipalities.bbox)) {
        const doc::Extent& e = *document.view.extent;
        eprint("mirador snapshot: the view (centre %.4f, %.4f, %.0f x %.0f m; --bbox) does not overlap the boundaries "
               "(Mexico): nothing would be drawn\n",
               e.center_lon, e.center_lat, e.width_m, e.height_m);
        return 2;
    }
    if (!o.highlight.empty() && (*b)->municipalities.find_code(o.highlight) < 0) {
        eprint("mirador snapshot: --highlight %s: no municipality has this CVEGEO in %s (codes are 5 digits, "
               "state + municipality, e.g. 25006 for Culiacán)\n",
               o.highlight.c_str(), (*b)->municipalities.source.c_str());
        return 2;
    }
    std::unique_ptr<IncidentLayer> incidents;
    std::unique_ptr<GeocodingContext> geo_ctx;
    if (!document.sources.incidents.empty() || !document.sources.counts.empty()) {
        // The boundaries loaded above serve the geocoder too; only the gazetteer is added.
        auto ctx = load_geocoding_context(data, "mirador snapshot", std::move(*b));
        if (!ctx) {
            eprint("mirador snapshot: %s\n", ctx.error().c_str());
            return 1;
        }
        geo_ctx = std::make_unique<GeocodingContext>(std::move(ctx.value()));
    }
    std::unique_ptr<CountLayer> table;
    if (!document.sources.counts.empty()) {
        auto loaded = load_count_layer(document.sources.counts.front(), *geo_ctx->boundaries, geo_ctx->population.get());
        if (!loaded) {
            eprint("mirador snapshot: %s\n", loaded.error().c_str());
            return 1;
        }
        table = std::move(loaded).value();
        for (const auto& w : table->table.warnings) eprint("mirador snapshot: %s\n", w.c_str());
        // A table counts whole months: a window of days would have to be guessed.
        if (const auto w = current_window(document.time)) {
            const auto iso = [](std::int32_t day) {
                const geo::CivilDate c = geo::civil_from_days(day);
                char text[16];
                std::snprintf(text, sizeof text, "%04d-%02d-%02d", c.year, c.month, c.day);
                return std::string(text);
            };
            const std::string from = iso(w->from), to = iso(w->to);
            if (auto ok = geo::count_window(from, to, table->table); !ok) {
                eprint("mirador snapshot: %s\n", ok.error().c_str());
                return 2;
            }
        }
        if (!table->never_in_table.empty())
            eprint("mirador snapshot: %s: %zu units never appear in the table; they count as 0 by its convention\n",
                   table->source.c_str(), table->never_in_table.size());
    } else if (!document.sources.incidents.empty()) {
        std::vector<std::string> problems;
        auto layer = load_incident_layer(document.sources.incidents.front(), *geo_ctx->geocoder,
                                         geo_ctx->population.get(), problems);
        for (const auto& p : problems) eprint("mirador snapshot: %s\n", p.c_str());
        if (!layer) {
            eprint("mirador snapshot: %s\n", layer.error().c_str());
            return 1;
        }
        incidents = std::move(layer.value());
    }
    const geo::Boundaries& boundaries = geo_ctx ? *geo_ctx->boundaries : **b;
    const auto t1 = clock::now();
    if (!gl) {
        eprint("mirador snapshot: %s\n", gl.error().c_str());
        return 1;
    }
    auto r = render_snapshot(boundaries, document, o, incidents.get(), geo_ctx ? geo_ctx->population.get() : nullptr,
                             table.get(), std::move(gl).value());
    if (!r) {
        eprint("mirador snapshot: %s\n", r.error().c_str());
        return 1;
    }
    // A scale bar or north arrow asked for and not drawn is said, not left out quietly.
    if (!r->furniture.problem.empty()) eprint("mirador snapshot: %s\n", r->furniture.problem.c_str());
    // A GeoTIFF is georeferenced by what the image shows: the view's outer edges in the display CRS.
    ImageFileOptions file;
    file.dpi = o.dpi;
    const geo::BBox shown = r->view.visible();
    file.bounds = MapBounds{document.view.crs, shown.min_x, shown.min_y, shown.max_x, shown.max_y};
    auto w = write_image_file(o.out, r->image, file);
    if (!w) {
        eprint("mirador snapshot: %s\n", w.error().c_str());
        return 1;
    }
    const auto t2 = clock::now();
    auto ms = [](auto d) { return std::chrono::duration<double, std::milli>(d).count(); };
    eprint("mirador snapshot: wrote %s (%dx%d, %zu municipalities; load %.0f ms, render+write %.0f ms; %s, %s)\n",
           o.out.c_str(), o.width, o.height, boundaries.municipalities.feature_count(), ms(t1 - t0), ms(t2 - t1),
           r->context_kind.c_str(), r->gl_description.c_str());
    return 0;
}

}  // namespace mirador
