#include "gui/ViewerApp.hpp"

#include <backends/imgui_impl_glfw.h>
#include <imgui.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <optional>

#include "data/DataOptions.hpp"
#include "platform/Report.hpp"
#include "commands/GeocodingContext.hpp"
#include "document/History.hpp"
#include "document/ProjectFile.hpp"
#include "document/Recovery.hpp"
#include "export/PngWriter.hpp"
#include "gui/MainMenu.hpp"
#include "gui/RecentFiles.hpp"
#include "gui/WindowControls.hpp"
#include "platform/WindowGlContext.hpp"
#include "render/GlUtil.hpp"
#include "render/UiPass.hpp"
#include "scene/DocumentFrame.hpp"
#include "ui/Style.hpp"
#include "scene/HotspotLayer.hpp"
#include "scene/MapScene.hpp"
#include "ui/FileBrowser.hpp"
#include "ui/Panels.hpp"

namespace mirador {

namespace {

namespace fs = std::filesystem;

// Scripted runs (--press): GLFW key codes for the names the option takes, -1 if unknown.
int key_from_name(const std::string& name) {
    if (name == "right") return GLFW_KEY_RIGHT;
    if (name == "left") return GLFW_KEY_LEFT;
    if (name == "space") return GLFW_KEY_SPACE;
    return -1;
}

// Space plays and pauses, left and right step: the keys of every video player.
void handle_time_keys(doc::TimeSettings& t, UiState& ui) {
    if (ImGui::GetIO().WantTextInput || ImGui::GetIO().KeyShift || ImGui::GetIO().KeyCtrl) return;
    if (ImGui::IsKeyPressed(GLFW_KEY_SPACE, false)) toggle_play(t, ui.time);
    if (ImGui::IsKeyPressed(GLFW_KEY_LEFT)) step(t, ui.time, -1);
    if (ImGui::IsKeyPressed(GLFW_KEY_RIGHT)) step(t, ui.time, +1);
}

// The extent the map area shows (what the window saves as the document's view, and what a
// snapshot of the project then shows).
doc::View visible_view(const UiState& ui, geo::DisplayCrs crs) {
    // In fractional pixels, as view_fitting() fits an extent into the same area: saving what is
    // shown and showing it again gives back the same extent.
    const double w = std::max(1.0, double(ui.view.width) - ui.area.left - ui.area.right);
    const double h = std::max(1.0, double(ui.view.height) - ui.area.top - ui.area.bottom);
    geo::Vec2 centre = ui.view.screen_to_map(ui.area.left + w * 0.5, ui.area.top + h * 0.5);
    if (auto proj = geo::lonlat_to_display(crs)) centre = proj->inverse(centre);
    doc::View v;
    v.crs = crs;
    v.extent = doc::Extent{centre.x, centre.y, w * ui.view.metres_per_pixel, h * ui.view.metres_per_pixel};
    return v;
}

// The window's title: the project's name, and a mark while there are unsaved changes.
std::string window_title(const std::string& project, bool dirty) {
    const std::string name = project.empty() ? "Untitled map" : fs::path(project).filename().string();
    return (dirty ? "* " : "") + name + " - Mirador";
}

// What a session of the window holds for one set of data: changing the data (opening a project
// with other sources, locating a missing file) ends the session and starts another.
enum class SessionEnd { Quit, Reopen, Failed };

enum class Browse { OpenProject, SaveAs, Incidents };

struct Shared {
    GLFWwindow* window;
    GlContext* gl = nullptr;   // the window's frames
    UiPass* ui_pass = nullptr;
    const ViewerOptions& opt;
    std::vector<int> scripted_keys;
    FontSet fonts;
    float content_scale;
    PointerState pointer;
    UiState ui;
    RecentFiles recent;
    FileBrowser browser;
    int frame = 0;
    bool first_session = true;
    Browse pending_browse = Browse::OpenProject;
    std::optional<doc::MapDocument> offered_recovery;  // asked about in the window
    // A recovery file the analyst has not restored or discarded (--restore no, or an offer not
    // answered): a clean close leaves it where it is.
    bool keep_recovery = false;
};

// The recovery file's offer: Restore replaces the document, Discard removes the file.
void draw_recovery_offer(Shared& s, doc::MapDocument& document, const std::string& project) {
    if (!s.offered_recovery) return;
    if (!ImGui::IsPopupOpen("Unsaved changes found")) ImGui::OpenPopup("Unsaved changes found");
    if (!ImGui::BeginPopupModal("Unsaved changes found", nullptr, ImGuiWindowFlags_AlwaysAutoResize)) return;
    ImGui::Text("Mirador closed with changes to this map that were not saved.");
    ImGui::TextDisabled("%s", doc::recovery_path(project).c_str());
    if (ImGui::Button("Restore them")) {
        document = *s.offered_recovery;
        s.offered_recovery.reset();
        s.keep_recovery = false;
        ImGui::CloseCurrentPopup();
    }
    ImGui::SameLine();
    if (ImGui::Button("Discard them")) {
        doc::remove_recovery(project);
        s.offered_recovery.reset();
        s.keep_recovery = false;
        ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
}

}  // namespace

namespace {

SessionEnd run_session(Shared& s, doc::MapDocument& document, std::string& project, doc::MapDocument& saved) {
    const ViewerOptions& opt = s.opt;
    UiState& ui = s.ui;
    std::vector<std::string> notices;  // shown in the window until dismissed
    auto notice = [&](const std::string& m) {
        eprint("mirador: %s\n", m.c_str());
        notices.push_back(m);
    };

    auto ctx = load_geocoding_context(data_options(document), "mirador");
    if (!ctx) {
        eprint("mirador: %s\n", ctx.error().c_str());
        return SessionEnd::Failed;
    }
    const geo::Boundaries& b = *ctx->boundaries;
    // Incidents are optional: a bad or missing file is shown as a missing layer, and the map opens.
    std::unique_ptr<IncidentLayer> incidents;
    if (!document.sources.incidents.empty()) {
        std::vector<std::string> problems;
        auto layer = load_incident_layer(document.sources.incidents.front(), *ctx->geocoder, ctx->population.get(), problems);
        for (const auto& p : problems) eprint("mirador: %s\n", p.c_str());
        if (layer) incidents = std::move(layer.value());
        else notice(layer.error() + " (the incident layers are missing: File > Locate incidents)");
        if (problems.size()) notices.push_back(std::to_string(problems.size()) + " messages about the incidents (rows skipped, "
                                                                                "places not found): see the terminal");
    }
    auto to_lonlat = geo::lonlat_to_display(b.municipalities.crs);
    if (!to_lonlat) {
        eprint("mirador: %s\n", to_lonlat.error().c_str());
        return SessionEnd::Failed;
    }
    const geo::PlaceSearch search(b);
    auto scene = MapScene::create(b);
    if (!scene) {
        eprint("mirador: %s\n", scene.error().c_str());
        return SessionEnd::Failed;
    }
    // Heatmaps computed off the UI thread, the last one shown meanwhile; scripted runs wait for
    // theirs, so what they capture does not depend on the machine's speed.
    (*scene)->set_background_heatmap(s.opt.max_frames <= 0);
    HotspotLayer hotspots;
    DocumentApplier applier;
    if (incidents) {
        (*scene)->set_incidents(incidents.get());
        set_axis(ui.time, document.time, geo::data_extent(incidents->store));
    }
    doc::History history(document);
    ui.home_box = b.municipalities.bbox;
    const bool software_gl = gl::is_software_renderer();

    int fbw = 0, fbh = 0;
    glfwGetFramebufferSize(s.window, &fbw, &fbh);
    ui.view.width = fbw;
    ui.view.height = fbh;
    // The first frame lays the panels out; the view is fitted into the map area after it.
    bool fit_pending = true;
    if (s.first_session && !opt.initial_search.empty() && search.find(opt.initial_search, 1).empty())
        eprint("mirador: --search '%s' matches no state or municipality\n", opt.initial_search.c_str());

    using clock = std::chrono::steady_clock;
    auto last = clock::now();
    auto last_autosave = clock::now();
    SessionEnd end = SessionEnd::Quit;
    bool close_requested = false;
    while (!glfwWindowShouldClose(s.window) && !close_requested) {
        glfwPollEvents();
        const auto now = clock::now();
        // Scripted runs (--frames) step a fixed 1/60 s a frame, so what they do does not depend
        // on how loaded the machine is (playback advanced further on a busy test machine).
        const double dt = opt.max_frames > 0 ? 1.0 / 60 : std::chrono::duration<double>(now - last).count();
        last = now;

        ImGuiIO& io = ImGui::GetIO();
        // Scripted keys go down one at a time, every other frame (a key held over two frames
        // is one press), from the second frame on (the first lays out the panels).
        for (int key : s.scripted_keys) io.KeysDown[key] = false;
        if (s.frame % 2 == 1 && static_cast<std::size_t>(s.frame / 2) < s.scripted_keys.size())
            io.KeysDown[s.scripted_keys[static_cast<std::size_t>(s.frame / 2)]] = true;
        glfwGetFramebufferSize(s.window, &fbw, &fbh);
        int ww = 1, wh = 1;
        glfwGetWindowSize(s.window, &ww, &wh);
        const float fb_scale = ww > 0 ? float(fbw) / float(ww) : 1.0f;
        ui.view.width = std::max(fbw, 1);
        ui.view.height = std::max(fbh, 1);

        s.ui_pass->new_frame();
        ImGui_ImplGlfw_NewFrame();
        ImGui::NewFrame();
        ImGui::PushFont(s.fonts.ui);

        const PanelData data{b, search, incidents.get(), scene->get(), &hotspots, ctx->population.get()};
        MenuRequest menu = draw_main_menu(document, ui, history, s.recent, project, incidents != nullptr);
        menu.merge(read_shortcuts(ui));
        if (menu.toggle_fullscreen) toggle_fullscreen(s.window, ui, s.pointer);
        const doc::Layer* points = document.find(doc::LayerKind::Points);
        handle_map_input(s.window, ui, s.pointer, b, *to_lonlat, incidents.get(), points && points->visible, fb_scale, dt);
        if (fit_pending && s.frame > 0) {
            // The document's extent (or all of Mexico) inside the map area the panels leave.
            ui.view = view_fitting(ui, extent_box(document.view, b), document.view.extent ? 0.0 : 0.02);
            fit_pending = false;
            if (s.first_session && !opt.initial_search.empty()) {
                if (const auto hits = search.find(opt.initial_search, 1); !hits.empty()) {
                    select_search_hit(ui, b, hits.front());
                    ui.fly.seconds = opt.max_frames > 0 ? 1e-6 : ui.fly.seconds;
                }
            }
        }
        step_fly(ui, dt);

        draw_left_sidebar(document, ui, data);
        draw_right_sidebar(document, ui, data);
        if (incidents) {
            handle_time_keys(document.time, ui);
            draw_time_bar(document.time, ui, *incidents);
        }
        if (incidents && ui.hovered_incident >= 0) draw_incident_tooltip(ui, data);
        else draw_hover_tooltip(ui, b);
        draw_status_bar(ui, b);
        draw_notices(notices);
        if (ui.show_help) draw_keyboard_help(ui);

        // File actions: the browser, then what was chosen.
        if (menu.open_project || menu.save_as || menu.open_incidents || menu.locate_incidents) {
            const std::string folder = project.empty() ? std::string() : fs::path(project).parent_path().string();
            if (menu.open_project) s.browser.open(FileBrowser::Mode::Open, "Open a project", {".mirador"}, folder);
            if (menu.save_as)
                s.browser.open(FileBrowser::Mode::Save, "Save the project as", {".mirador"}, folder,
                               project.empty() ? "map.mirador" : fs::path(project).filename().string());
            if (menu.open_incidents || menu.locate_incidents)
                s.browser.open(FileBrowser::Mode::Open, "Incidents (CSV or any OGR point layer)",
                               {".csv", ".tsv", ".gpkg", ".geojson", ".json", ".shp"}, folder);
            s.pending_browse = menu.open_project    ? Browse::OpenProject
                               : menu.save_as       ? Browse::SaveAs
                                                    : Browse::Incidents;
        }
        if (const auto chosen = s.browser.draw()) {
            if (s.pending_browse == Browse::OpenProject) menu.open_path = *chosen;
            // (a chosen file the menu asked for a moment ago)
            else if (s.pending_browse == Browse::SaveAs) menu.save_path = *chosen;
            else menu.incidents_path = *chosen;
        }
        if (menu.save && project.empty()) {  // never saved: Save is Save as
            s.browser.open(FileBrowser::Mode::Save, "Save the project as", {".mirador"}, "", "map.mirador");
            s.pending_browse = Browse::SaveAs;
            menu.save = false;
        }
        if (opt.max_frames == 0) draw_recovery_offer(s, document, project);
        const auto save_to = [&](const std::string& path) {
            document.view = visible_view(ui, document.view.crs);
            if (auto ok = doc::save_project(document, path); !ok) {
                notice(ok.error());
                return;
            }
            history.adopt(document);
            if (path != project) doc::remove_recovery(project);
            project = path;
            saved = document;
            doc::remove_recovery(project);
            s.recent.add(path);
        };
        if (menu.save && !project.empty()) save_to(project);
        if (!menu.save_path.empty()) save_to(menu.save_path);
        if (!menu.open_path.empty()) {
            auto opened = doc::load_project(menu.open_path);
            if (!opened) {
                notice(opened.error());
            } else {
                document = std::move(opened).value();
                project = menu.open_path;
                saved = document;
                s.recent.add(project);
                end = SessionEnd::Reopen;
                close_requested = true;
            }
        }
        if (!menu.incidents_path.empty()) {
            if (document.sources.incidents.empty()) document.sources.incidents.emplace_back();
            document.sources.incidents.front().path = menu.incidents_path;
            end = SessionEnd::Reopen;
            close_requested = true;
        }
        if (menu.quit) glfwSetWindowShouldClose(s.window, GLFW_TRUE);

        // Undo and redo, then the step the panels made this frame (a held control is one step).
        if (menu.undo)
            if (auto d = history.undo()) document = *d;
        if (menu.redo)
            if (auto d = history.redo()) document = *d;
        history.record(document, ImGui::IsAnyItemActive());
        if (incidents) {
            set_axis(ui.time, document.time, ui.time.axis.extent());
            // The slider playing is not an edit: the window taken without an undo step.
            if (advance_playback(document.time, ui.time, dt)) history.adopt(document);
        }
        ImGui::PopFont();

        // The document, once a frame, to the scene.
        applier.apply(document, **scene, incidents.get(), &hotspots, b, ctx->population.get());
        const auto t0 = clock::now();
        s.gl->bind_frame();
        FrameContext c;
        c.view = ui.view;
        c.pixel_scale = s.content_scale;
        c.hovered = ui.hovered;
        c.selected = ui.selected;
        c.hovered_incident = ui.hovered_incident;
        c.selected_incident = ui.selected_incident;
        c.inset_left = ui.area.left;
        c.inset_top = ui.area.top;
        c.inset_right = ui.area.right;
        c.inset_bottom = ui.area.bottom;
        c.software_gl = software_gl;
        c.have_incidents = incidents != nullptr;
        const SceneParams params = scene_params(document, c);
        (*scene)->draw(params, ImGui::GetBackgroundDrawList(), s.fonts);
        const doc::Layer* hot = document.find(doc::LayerKind::Hotspots);
        if (const HotspotOutcome* o = hotspots.outcome(); o && hot && hot->visible && o->weights)
            draw_hotspot_neighbours(ImGui::GetBackgroundDrawList(), ui.view, b, *o->weights, ui.selected, s.content_scale);
        ui.draw_stats = (*scene)->renderer().last_stats();
        ImGui::Render();
        s.ui_pass->draw(ImGui::GetDrawData());
        ++s.frame;

        const bool dirty = !(document == saved);
        glfwSetWindowTitle(s.window, window_title(project, dirty).c_str());
        // Unsaved changes reach the recovery file every autosave period.
        if (dirty && std::chrono::duration<double>(clock::now() - last_autosave).count() >= opt.autosave_seconds) {
            doc::MapDocument copy = document;
            copy.view = visible_view(ui, document.view.crs);
            if (auto ok = doc::write_recovery(copy, project); !ok) notice(ok.error());
            last_autosave = clock::now();
        }
        if (opt.max_frames > 0 && s.frame >= opt.max_frames) {
            if (incidents)
                eprint("mirador: time window at exit: %s\n", document.time.all_time ? "all time" : current_label(document.time).c_str());
            eprint("mirador: map area at exit: %.0f %.0f %.0f %.0f (left, top, width, height in pixels)\n", ui.area.left,
                   ui.area.top, ui.view.width - ui.area.left - ui.area.right, ui.view.height - ui.area.top - ui.area.bottom);
            if (!opt.screenshot.empty()) {
                Image img{fbw, fbh, s.gl->read_frame()};
                if (auto w = write_png(opt.screenshot, img); !w) {
                    eprint("mirador: %s\n", w.error().c_str());
                    end = SessionEnd::Failed;
                } else {
                    eprint("mirador: saved window (%dx%d) to %s\n", fbw, fbh, opt.screenshot.c_str());
                }
            }
            glfwSetWindowShouldClose(s.window, GLFW_TRUE);
        }
        s.gl->present();
        ui.frame_ms = 0.9 * ui.frame_ms + 0.1 * std::chrono::duration<double, std::milli>(clock::now() - t0).count();
    }
    if (end != SessionEnd::Reopen) {
        // Closing with changes unsaved keeps them in the recovery file; with none, it goes.
        doc::MapDocument copy = document;
        copy.view = visible_view(ui, document.view.crs);
        if (!(document == saved)) {
            if (auto ok = doc::write_recovery(copy, project); ok)
                eprint("mirador: unsaved changes kept in %s (offered again when this map opens)\n",
                       doc::recovery_path(project).c_str());
        } else if (!s.keep_recovery) {
            doc::remove_recovery(project);
        }
    }
    s.first_session = false;
    return end;
}

}  // namespace

int run_viewer(doc::MapDocument document, const std::string& project_in, const ViewerOptions& opt) {
    std::string project = project_in;
    // A new map shows the seed catalogue, unless told not to.
    if (project.empty() && document.sources.incidents.empty() && !opt.no_incidents) {
        geo::IncidentSource seed;
        seed.path = asset_dir() + "/incidents/seed-incidents.csv";
        document.sources.incidents.push_back(seed);
    }
    doc::MapDocument saved = document;
    std::optional<doc::MapDocument> offered;
    bool keep_recovery = false;
    // A recovery file from a session that ended with changes unsaved.
    if (auto recovered = doc::read_recovery(project); recovered && !(*recovered == document)) {
        const std::string path = doc::recovery_path(project);
        if (opt.restore == "yes") {
            document = std::move(recovered).value();
            eprint("mirador: restored the unsaved changes from %s\n", path.c_str());
        } else if (opt.restore == "ask") {
            eprint("mirador: %s holds changes that were not saved; they are offered in the window (or: --restore yes)\n",
                   path.c_str());
            offered = std::move(recovered).value();
            keep_recovery = true;
        } else {
            eprint("mirador: %s holds changes that were not saved; not restored (--restore no), the file is left as it is\n",
                   path.c_str());
            keep_recovery = true;
        }
    }

    Shared s{nullptr, nullptr, nullptr, opt, {}, {}, 1.0f, {}, {}, RecentFiles::load(), {}, 0, true, Browse::OpenProject, std::nullopt};
    s.offered_recovery = std::move(offered);
    s.keep_recovery = keep_recovery;
    for (const auto& name : opt.press_keys) {
        s.scripted_keys.push_back(key_from_name(name));
        if (s.scripted_keys.back() < 0) {
            eprint("mirador: --press takes right, left or space, not '%s'\n", name.c_str());
            return 2;
        }
    }

    auto gl_window = WindowGlContext::create(opt.width, opt.height, window_title(project, false).c_str(),
                                             opt.max_frames <= 0);
    if (!gl_window) {
        eprint("mirador: %s. Use 'mirador snapshot' to render without one.\n", gl_window.error().c_str());
        return 1;
    }
    GLFWwindow* window = (*gl_window)->window();
    s.window = window;

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;  // panels are laid out by code; nothing to leave behind
    glfwGetWindowContentScale(window, &s.content_scale, nullptr);
    s.content_scale = s.content_scale > 0.5f ? s.content_scale : 1.0f;
    s.fonts = load_fonts(s.content_scale);
    ImGui::StyleColorsLight();
    ImGui::GetStyle().ScaleAllSizes(s.content_scale);
    ImGui::GetStyle().WindowRounding = 4.0f;
    ImGui_ImplGlfw_InitForOpenGL(window, true);
    auto ui_pass = UiPass::create();
    if (!ui_pass) {
        eprint("mirador: %s\n", ui_pass.error().c_str());
        ImGui_ImplGlfw_Shutdown();
        ImGui::DestroyContext();
        return 1;
    }
    s.gl = gl_window->get();
    s.ui_pass = ui_pass->get();
    if (opt.fullscreen) toggle_fullscreen(window, s.ui, s.pointer);

    int exit_code = 0;
    for (;;) {
        const SessionEnd end = run_session(s, document, project, saved);
        if (end == SessionEnd::Reopen) continue;
        if (end == SessionEnd::Failed) exit_code = 1;
        break;
    }
    s.recent.save();
    ui_pass->reset();
    ImGui_ImplGlfw_Shutdown();
    ImGui::DestroyContext();
    return exit_code;
}

}  // namespace mirador
