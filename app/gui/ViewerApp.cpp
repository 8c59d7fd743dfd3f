#include "gui/ViewerApp.hpp"

#include <backends/imgui_impl_glfw.h>
#include <imgui.h>

#include <chrono>
#include <cstdio>

#include "commands/GeocodingContext.hpp"
#include "commands/Snapshot.hpp"
#include "export/PngWriter.hpp"
#include "gui/WindowControls.hpp"
#include "platform/WindowGlContext.hpp"
#include "render/GlUtil.hpp"
#include "render/UiPass.hpp"
#include "scene/HotspotLayer.hpp"
#include "scene/MapScene.hpp"
#include "ui/Panels.hpp"
#include "cli/Report.hpp"

namespace mirador {

namespace {

// Scripted runs (--press): GLFW key codes for the names the option takes, -1 if unknown.
int key_from_name(const std::string& name) {
    if (name == "right") return GLFW_KEY_RIGHT;
    if (name == "left") return GLFW_KEY_LEFT;
    if (name == "space") return GLFW_KEY_SPACE;
    return -1;
}

// Space plays and pauses, left and right step: the keys of every video player.
void handle_time_keys(UiState& ui) {
    if (ImGui::GetIO().WantTextInput || ImGui::GetIO().KeyShift) return;
    if (ImGui::IsKeyPressed(GLFW_KEY_SPACE, false)) toggle_play(ui.time);
    if (ImGui::IsKeyPressed(GLFW_KEY_LEFT)) step(ui.time, -1);
    if (ImGui::IsKeyPressed(GLFW_KEY_RIGHT)) step(ui.time, +1);
}

SceneParams scene_params(const UiState& ui, float pixel_scale) {
    SceneParams p;
    p.frame.view = ui.view;
    p.frame.hovered = ui.hovered;
    p.frame.selected = ui.selected;
    p.frame.show_fill = ui.show_fill;
    p.frame.show_municipal_borders = ui.show_municipal_borders;
    p.frame.show_state_borders = ui.show_state_borders;
    p.frame.fill_opacity = ui.fill_opacity;
    p.frame.pixel_scale = pixel_scale;
    p.overlay.state_labels = ui.show_state_labels;
    p.overlay.municipality_labels = ui.show_municipality_labels;
    p.overlay.pixel_scale = pixel_scale;
    p.overlay.legend_bottom_margin = 40.0f;  // above the status bar
    p.frame.show_points = ui.show_points;
    p.frame.hovered_incident = ui.hovered_incident;
    p.frame.selected_incident = ui.selected_incident;
    p.frame.borders_opacity = ui.borders_opacity;
    p.frame.points_opacity = ui.points_opacity;
    p.frame.layer_order = ui.layer_order;
    p.heatmap = ui.heatmap;
    p.time_spec = ui.time.spec;
    if (const auto w = current_window(ui.time)) {
        p.frame.time_from_day = w->from;
        p.frame.time_to_day = w->to;
    }
    p.overlay.time_label = current_label(ui.time);
    p.overlay.time_label_left = 360.0f / pixel_scale;  // right of the search box (10 + 340 px)
    return p;
}

}  // namespace

int run_viewer(const DataOptions& data, const ViewerOptions& opt) {
    auto ctx = load_geocoding_context(data, "mirador");
    if (!ctx) {
        eprint("mirador: %s\n", ctx.error().c_str());
        return 1;
    }
    const geo::Boundaries& b = *ctx->boundaries;
    // Incidents are optional: a bad file is reported and the map still opens.
    std::unique_ptr<IncidentLayer> incidents;
    if (!opt.no_incidents) {
        IncidentSource source = opt.incidents;
        if (source.path.empty()) source.path = asset_dir() + "/incidents/seed-incidents.csv";
        std::vector<std::string> problems;
        auto layer = load_incident_layer(source, *ctx->geocoder, ctx->population.get(), problems);
        for (const auto& p : problems) eprint("mirador: %s\n", p.c_str());
        if (layer)
            incidents = std::move(layer.value());
        else
            eprint("mirador: %s (opening without incidents)\n", layer.error().c_str());
    }
    auto to_lonlat = geo::lonlat_to_display(b.municipalities.crs);
    if (!to_lonlat) {
        eprint("mirador: %s\n", to_lonlat.error().c_str());
        return 1;
    }
    const geo::PlaceSearch search(b);
    std::vector<int> scripted_keys;
    for (const auto& name : opt.press_keys) {
        scripted_keys.push_back(key_from_name(name));
        if (scripted_keys.back() < 0) {
            eprint("mirador: --press takes right, left or space, not '%s'\n", name.c_str());
            return 2;
        }
    }

    auto gl_window = WindowGlContext::create(opt.width, opt.height, "Mirador", opt.max_frames <= 0);
    if (!gl_window) {
        eprint("mirador: %s. Use 'mirador snapshot' to render without one.\n", gl_window.error().c_str());
        return 1;
    }
    GLFWwindow* window = (*gl_window)->window();

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;  // panels are laid out by code; nothing to leave behind
    float content_scale = 1.0f;
    glfwGetWindowContentScale(window, &content_scale, nullptr);
    content_scale = content_scale > 0.5f ? content_scale : 1.0f;
    const FontSet fonts = load_fonts(content_scale);
    ImGui::StyleColorsLight();
    ImGui::GetStyle().ScaleAllSizes(content_scale);
    ImGui::GetStyle().WindowRounding = 4.0f;
    ImGui_ImplGlfw_InitForOpenGL(window, true);
    auto ui_pass = UiPass::create();
    if (!ui_pass) {
        eprint("mirador: %s\n", ui_pass.error().c_str());
        ImGui_ImplGlfw_Shutdown();
        ImGui::DestroyContext();
        return 1;
    }

    int exit_code = 0;
    {
        auto scene = MapScene::create(b);
        if (!scene) {
            eprint("mirador: %s\n", scene.error().c_str());
            exit_code = 1;
        } else {
            UiState ui;
            ui.heatmap.gpu = !gl::is_software_renderer();
            // Heatmaps computed off the UI thread, the last one shown meanwhile; scripted runs
            // wait for theirs, so what they capture does not depend on the machine's speed.
            (*scene)->set_background_heatmap(opt.max_frames <= 0);
            ui.heatmap.show = opt.heatmap;
            PointerState pointer;
            HotspotLayer hotspot_layer;
            if (incidents) {
                (*scene)->set_incidents(incidents.get());
                (*scene)->set_choropleth(ui.choropleth);
                set_axis(ui.time, geo::data_extent(incidents->store), ui.time.spec);
            }
            int fbw = 0, fbh = 0;
            glfwGetFramebufferSize(window, &fbw, &fbh);
            ui.view.width = fbw;
            ui.view.height = fbh;
            ui.view.fit(b.municipalities.bbox, 0.02);
            ui.home = ui.view;
            if (opt.fullscreen) toggle_fullscreen(window, ui, pointer);
            if (!opt.initial_search.empty()) {
                const auto hits = search.find(opt.initial_search, 1);
                if (hits.empty())
                    eprint("mirador: --search '%s' matches no state or municipality\n", opt.initial_search.c_str());
                else {
                    select_search_hit(ui, b, hits.front());
                    ui.fly.seconds = opt.max_frames > 0 ? 1e-6 : ui.fly.seconds;
                }
            }

            using clock = std::chrono::steady_clock;
            auto last = clock::now();
            int frame = 0;
            while (!glfwWindowShouldClose(window)) {
                glfwPollEvents();
                const auto now = clock::now();
                // Scripted runs (--frames) step a fixed 1/60 s a frame, so what they do does not depend
                // on how loaded the machine is (playback advanced further on a busy test machine).
                const double dt = opt.max_frames > 0 ? 1.0 / 60 : std::chrono::duration<double>(now - last).count();
                last = now;

                // Scripted keys go down one at a time, every other frame (a key held over two frames
                // is one press), from the second frame on (the first lays out the panels).
                for (int key : scripted_keys) io.KeysDown[key] = false;
                if (frame % 2 == 1 && static_cast<std::size_t>(frame / 2) < scripted_keys.size())
                    io.KeysDown[scripted_keys[static_cast<std::size_t>(frame / 2)]] = true;
                glfwGetFramebufferSize(window, &fbw, &fbh);
                int ww = 1, wh = 1;
                glfwGetWindowSize(window, &ww, &wh);
                const float fb_scale = ww > 0 ? float(fbw) / float(ww) : 1.0f;
                ui.view.width = std::max(fbw, 1);
                ui.view.height = std::max(fbh, 1);

                (*ui_pass)->new_frame();
                ImGui_ImplGlfw_NewFrame();
                ImGui::NewFrame();
                ImGui::PushFont(fonts.ui);

                if (ImGui::IsKeyPressed(GLFW_KEY_F11)) toggle_fullscreen(window, ui, pointer);
                handle_map_input(window, ui, pointer, b, *to_lonlat, incidents.get(), fb_scale, dt);
                step_fly(ui, dt);
                if (incidents) {
                    handle_time_keys(ui);
                    advance_playback(ui.time, dt);
                }

                draw_search_panel(ui, b, search);
                draw_layers_panel(ui, **scene, incidents != nullptr);
                draw_details_panel(ui, b);
                if (incidents) {
                    draw_time_slider(ui, *incidents);
                    draw_incident_filters_panel(ui, *incidents, **scene, b, ctx->population.get());
                    draw_ranking_panel(ui, *incidents, b);
                    draw_incident_details(ui, *incidents, b);
                    apply_time_window(ui, *incidents, **scene, b, ctx->population.get());
                    draw_hotspots_panel(ui, hotspot_layer, **scene);
                    hotspot_layer.request(ui.hotspots, *incidents, b, ctx->population.get());
                    if (hotspot_layer.poll() && ui.hotspots.show) {
                        const HotspotOutcome* o = hotspot_layer.outcome();
                        (*scene)->set_hotspots(o->error.empty() ? &o->map : nullptr);
                    }
                    draw_hotspot_details(ui, hotspot_layer);
                }
                if (incidents && ui.hovered_incident >= 0)
                    draw_incident_tooltip(ui, *incidents, b);
                else
                    draw_hover_tooltip(ui, b);
                draw_status_bar(ui, b);
                ImGui::PopFont();

                const auto t0 = clock::now();
                (*gl_window)->bind_frame();
                SceneParams params = scene_params(ui, content_scale);
                if (incidents) params.overlay.legend_bottom_margin += time_slider_height() / content_scale;
                (*scene)->draw(params, ImGui::GetBackgroundDrawList(), fonts);
                if (const HotspotOutcome* o = hotspot_layer.outcome(); o && ui.hotspots.show && o->weights)
                    draw_hotspot_neighbours(ImGui::GetBackgroundDrawList(), ui.view, b, *o->weights, ui.selected,
                                            content_scale);
                ui.draw_stats = (*scene)->renderer().last_stats();
                ImGui::Render();
                (*ui_pass)->draw(ImGui::GetDrawData());
                ++frame;
                if (opt.max_frames > 0 && frame >= opt.max_frames) {
                    if (incidents)
                        eprint("mirador: time window at exit: %s\n",
                                     ui.time.enabled ? current_label(ui.time).c_str() : "all time");
                    if (!opt.screenshot.empty()) {
                        Image img{fbw, fbh, (*gl_window)->read_frame()};
                        auto w = write_png(opt.screenshot, img);
                        if (!w) {
                            eprint("mirador: %s\n", w.error().c_str());
                            exit_code = 1;
                        } else {
                            eprint("mirador: saved window (%dx%d) to %s\n", fbw, fbh, opt.screenshot.c_str());
                        }
                    }
                    glfwSetWindowShouldClose(window, GLFW_TRUE);
                }
                (*gl_window)->present();
                ui.frame_ms = 0.9 * ui.frame_ms + 0.1 * std::chrono::duration<double, std::milli>(clock::now() - t0).count();
            }
        }
    }
    ui_pass->reset();
    ImGui_ImplGlfw_Shutdown();
    ImGui::DestroyContext();
    return exit_code;
}

}  // namespace mirador
