#include "commands/Snapshot.hpp"

#include <imgui.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <sstream>

#include "cli/NumberFlags.hpp"
#include "commands/GeocodingContext.hpp"
#include "export/PngWriter.hpp"
#include "platform/GlContext.hpp"
#include "render/GlUtil.hpp"
#include "render/UiPass.hpp"
#include "cli/Report.hpp"

namespace mirador {

geo::WindowSpec window_spec_for(geo::DayRange w) {
    // The fixed heatmap scale compares windows like this one: calendar units when the window
    // is one, else windows of its length.
    const geo::CivilDate a = geo::civil_from_days(w.from), b = geo::civil_from_days(w.to);
    const geo::CivilDate next = geo::civil_from_days(w.to + 1);
    geo::WindowSpec spec;
    spec.mode = geo::WindowMode::Moving;
    const bool month_start = a.day == 1, month_end = next.day == 1;
    if (w.days() == 1) spec.unit = geo::WindowUnit::Day;
    else if (month_start && month_end && a.year == b.year && a.month == b.month) spec.unit = geo::WindowUnit::Month;
    else if (month_start && month_end && a.year == b.year && a.month % 3 == 1 && b.month == a.month + 2)
        spec.unit = geo::WindowUnit::Quarter;
    else if (month_start && month_end && a.month == 1 && b.month == 12 && a.year == b.year) spec.unit = geo::WindowUnit::Year;
    else if (w.days() == 7 && (w.from + 3) % 7 == 0) spec.unit = geo::WindowUnit::Week;  // 1970-01-05 was a Monday
    else spec.unit = geo::WindowUnit::Custom, spec.custom_days = w.days();
    return spec;
}

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

geo::Result<MapView> view_for_bbox(const geo::Boundaries& b, const std::optional<LonLatBox>& bbox, int width,
                                   int height) {
    MapView v;
    v.width = width;
    v.height = height;
    if (!bbox) {
        v.fit(b.municipalities.bbox, 0.02);
        return v;
    }
    auto proj = geo::lonlat_to_display(b.municipalities.crs);
    if (!proj) return geo::make_error(proj.error());
    // Sample the edges: a lon/lat box is curved in a conic projection.
    std::vector<geo::Vec2> pts;
    for (int i = 0; i <= 16; ++i) {
        const double t = i / 16.0;
        const double lon = bbox->min_lon + t * (bbox->max_lon - bbox->min_lon);
        const double lat = bbox->min_lat + t * (bbox->max_lat - bbox->min_lat);
        pts.push_back({lon, bbox->min_lat});
        pts.push_back({lon, bbox->max_lat});
        pts.push_back({bbox->min_lon, lat});
        pts.push_back({bbox->max_lon, lat});
    }
    proj->forward(pts);
    geo::BBox box;
    for (const auto& p : pts)
        if (std::isfinite(p.x) && std::isfinite(p.y)) box.add(p);
    if (box.empty()) return geo::make_error("--bbox cannot be projected to the display CRS");
    if (!box.intersects(b.municipalities.bbox)) {
        char buf[160];
        std::snprintf(buf, sizeof buf, "--bbox %g,%g,%g,%g does not overlap the boundaries (Mexico): nothing would be drawn",
                      bbox->min_lon, bbox->min_lat, bbox->max_lon, bbox->max_lat);
        return geo::make_error(buf);
    }
    v.fit(box, 0.0);
    return v;
}

geo::Result<SnapshotResult> render_snapshot(const geo::Boundaries& b, const SnapshotOptions& o,
                                            const IncidentLayer* incidents) {
    auto view = view_for_bbox(b, o.bbox, o.width, o.height);
    if (!view) return geo::make_error(view.error());
    auto ctx = HeadlessGlContext::create();
    if (!ctx) return geo::make_error(ctx.error());
    if (auto sized = (*ctx)->set_frame_size(o.width, o.height); !sized) return geo::make_error(sized.error());
    auto scene = MapScene::create(b);
    if (!scene) return geo::make_error(scene.error());
    if (incidents) {
        (*scene)->set_incidents(incidents);
        (*scene)->set_choropleth(o.choropleth);
    }
    if (o.hotspots) (*scene)->set_hotspots(&*o.hotspots);

    SnapshotResult result;
    result.view = *view;
    result.context_kind = (*ctx)->kind();
    result.gl_description = gl::context_description();

    SceneParams params;
    params.frame.view = *view;
    // Text and lines scale with the image, so a 4K snapshot looks like the window on a
    // high-DPI screen rather than a tiny map with hairlines.
    const float scale = std::max(1.0f, std::min(o.width / 1920.0f, o.height / 1080.0f));
    params.frame.pixel_scale = scale;
    params.overlay.pixel_scale = scale;
    params.overlay.state_labels = o.labels;
    params.overlay.municipality_labels = o.labels;
    if (!o.highlight.empty()) params.frame.selected = b.municipalities.find_code(o.highlight);
    params.frame.show_points = o.points;
    if (!o.layers.empty()) {
        auto has = [&](MapLayer l) { return std::find(o.layers.begin(), o.layers.end(), l) != o.layers.end(); };
        params.frame.show_fill = has(MapLayer::Fill) || has(MapLayer::Borders);
        params.frame.show_municipal_borders = params.frame.show_state_borders = has(MapLayer::Borders);
        params.frame.show_points = o.points && has(MapLayer::Points);
    }
    params.heatmap = o.heatmap;
    if (o.density_engine_auto) params.heatmap.gpu = !gl::is_software_renderer();
    if (!o.layers.empty() && std::find(o.layers.begin(), o.layers.end(), MapLayer::Heatmap) == o.layers.end())
        params.heatmap.show = false;
    if (o.window) {
        params.frame.time_from_day = o.window->from;
        params.frame.time_to_day = o.window->to;
        params.time_spec = window_spec_for(*o.window);
        params.overlay.time_label = geo::describe_days(*o.window);
    }

    IMGUI_CHECKVERSION();
    ImGuiContext* imgui = ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.DisplaySize = ImVec2(float(o.width), float(o.height));
    io.DeltaTime = 1.0f / 60.0f;
    const FontSet fonts = load_fonts(scale);
    auto ui_pass = UiPass::create();
    if (!ui_pass) {
        ImGui::DestroyContext(imgui);
        return geo::make_error(ui_pass.error());
    }
    (*ui_pass)->new_frame();
    ImGui::NewFrame();

    (*ctx)->bind_frame();
    result.labels = (*scene)->draw(params, ImGui::GetBackgroundDrawList(), fonts);
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

int run_snapshot_command(const DataOptions& data, const SnapshotOptions& o) {
    using clock = std::chrono::steady_clock;
    const auto t0 = clock::now();
    auto b = load_boundaries_verbose(data);
    if (!b) {
        eprint("mirador snapshot: %s\n", b.error().c_str());
        return 1;
    }
    // Flags only the boundaries can judge, checked before anything slow: a map of the sea or an
    // outline of nothing would look like a successful snapshot.
    if (auto v = view_for_bbox(**b, o.bbox, o.width, o.height); !v) {
        eprint("mirador snapshot: %s\n", v.error().c_str());
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
    if (!o.incidents.path.empty()) {
        // The boundaries loaded above serve the geocoder too; only the gazetteer is added.
        auto ctx = load_geocoding_context(data, "mirador snapshot", std::move(*b));
        if (!ctx) {
            eprint("mirador snapshot: %s\n", ctx.error().c_str());
            return 1;
        }
        geo_ctx = std::make_unique<GeocodingContext>(std::move(ctx.value()));
        std::vector<std::string> problems;
        auto layer = load_incident_layer(o.incidents, *geo_ctx->geocoder, geo_ctx->population.get(), problems);
        for (const auto& p : problems) eprint("mirador snapshot: %s\n", p.c_str());
        if (!layer) {
            eprint("mirador snapshot: %s\n", layer.error().c_str());
            return 1;
        }
        incidents = std::move(layer.value());
        // Counts and choropleth follow the time window like the points and the heatmap.
        if (o.window) incidents->set_time_window(o.window, geo_ctx->geocoder->boundaries(), geo_ctx->population.get());
    }
    const geo::Boundaries& boundaries = geo_ctx ? *geo_ctx->boundaries : **b;
    const auto t1 = clock::now();
    auto r = render_snapshot(boundaries, o, incidents.get());
    if (!r) {
        eprint("mirador snapshot: %s\n", r.error().c_str());
        return 1;
    }
    auto w = write_png(o.out, r->image);
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
