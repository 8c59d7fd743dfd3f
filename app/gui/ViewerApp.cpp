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
#include "document/Slides.hpp"
#include "export/PngWriter.hpp"
#include "export/TilePlan.hpp"
#include "gui/DroppedFiles.hpp"
#include "gui/ExitReport.hpp"
#include "gui/FileKinds.hpp"
#include "gui/LayoutFile.hpp"
#include "gui/MainMenu.hpp"
#include "gui/Presentation.hpp"
#include "gui/RecentFiles.hpp"
#include "gui/ScriptedInput.hpp"
#include "gui/SlideThumbnails.hpp"
#include "gui/WindowExport.hpp"
#include "gui/WindowSeriesExport.hpp"
#include "gui/WindowControls.hpp"
#include "platform/WindowGlContext.hpp"
#include "render/GlUtil.hpp"
#include "render/UiPass.hpp"
#include "scene/DocumentFrame.hpp"
#include "ui/Style.hpp"
#include "scene/HotspotLayer.hpp"
#include "scene/IncidentLoad.hpp"
#include "scene/MapScene.hpp"
#include "ui/AnimationDialog.hpp"
#include "ui/ExportDialog.hpp"
#include "ui/SlidesExportDialog.hpp"
#include "ui/FileBrowser.hpp"
#include "ui/Panels.hpp"
#include "ui/RankingOrder.hpp"

namespace mirador {

namespace {

namespace fs = std::filesystem;

// Space plays and pauses, left and right step: the keys of every video player.
void handle_time_keys(doc::TimeSettings& t, UiState& ui) {
    if (ImGui::GetIO().WantTextInput || ImGui::GetIO().KeyShift || ImGui::GetIO().KeyCtrl) return;
    if (ImGui::IsKeyPressed(GLFW_KEY_SPACE, false)) toggle_play(t, ui.time);
    if (ImGui::IsKeyPressed(GLFW_KEY_LEFT)) step(t, ui.time, -1);
    if (ImGui::IsKeyPressed(GLFW_KEY_RIGHT)) step(t, ui.time, +1);
}

// The files a window's export must not write over: the project and every file it reads.
std::vector<std::string> input_paths(const doc::MapDocument& d, const std::string& project) {
    std::vector<std::string> in{project, d.sources.boundaries.path.empty() ? default_boundaries_path() : d.sources.boundaries.path,
                                d.sources.boundaries.states_path};
    for (const geo::IncidentSource& i : d.sources.incidents) in.insert(in.end(), {i.path, i.mapping});
    for (const doc::CountSource& c : d.sources.counts) in.push_back(c.path);
    return in;
}

// The window's title: the project's name, and a mark while there are unsaved changes.
std::string window_title(const std::string& project, bool dirty) {
    const std::string name = project.empty() ? "Untitled map" : fs::path(project).filename().string();
    return (dirty ? "* " : "") + name + " - Mirador";
}

// What a session of the window holds for one set of data: changing the data (opening a project
// with other sources, locating a missing file) ends the session and starts another.
enum class SessionEnd { Quit, Reopen, Failed };

enum class Browse { OpenProject, SaveAs, Incidents, CountTable };

struct Shared {
    GLFWwindow* window;
    GlContext* gl = nullptr;   // the window's frames
    UiPass* ui_pass = nullptr;
    const ViewerOptions& opt;
    ScriptedInput scripted;
    std::vector<std::string> dropped;  // files dropped on the window since the last frame (GLFW's callback)
    FontSet fonts;
    float content_scale;
    PointerState pointer;
    UiState ui;
    RecentFiles recent;
    FileBrowser browser;
    ExportDialog export_dialog;
    std::string last_export;  // proposed again by the next export
    AnimationDialog animation_dialog;
    SlidesExportDialog slides_dialog;
    std::string last_animation, last_slides_folder;  // likewise
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
    auto to_lonlat = geo::lonlat_to_display(b.municipalities.crs);
    if (!to_lonlat) {
        eprint("mirador: %s\n", to_lonlat.error().c_str());
        return SessionEnd::Failed;
    }
    const geo::PlaceSearch search(b);
    const std::vector<std::string> name_keys = ranking_name_keys(b);
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
    doc::History history(document);
    ui.home_box = b.municipalities.bbox;
    const LandTest is_land = land_of(b);
    const bool software_gl = gl::is_software_renderer();

    // Incidents are optional: a bad or missing file is a notice in the window, and the map opens
    // (or keeps the incidents it has). They load off the UI thread (File > Open, Recent, a drop);
    // the finished layer is handed over here, on the UI thread. Declared after the geocoding
    // context: the load reads its geocoder, and waits for its thread when the session ends.
    std::unique_ptr<IncidentLayer> incidents;
    // Or a count table: a map counts from one source (doc::Sources), so loading one ends the other.
    std::unique_ptr<CountLayer> table;
    IncidentLoad load;
    int load_started = 0;  // the frame it began
    // `opened`: by the analyst (not the project's at the start), so it joins the recent files.
    const auto take_loaded = [&](LoadedIncidents got, bool opened) {
        for (const auto& p : got.problems) eprint("mirador: %s\n", p.c_str());
        if (!got.layer) {
            if (!opened) notice(got.layer.error() + " (the incident layers are missing: File > Locate incidents)");
            else notice(got.layer.error() + (incidents ? " (the map keeps the incidents it had)" : ""));
            return;
        }
        if (!got.problems.empty())
            notices.push_back(std::to_string(got.problems.size()) +
                              " messages about the incidents (rows skipped, places not found): see the terminal");
        // The new layer goes to the scene while the old one still exists, then the old one goes:
        // nothing is left pointing at freed incidents (or at a new layer at the old address).
        std::unique_ptr<IncidentLayer> old = std::move(incidents);
        incidents = std::move(got.layer).value();
        (*scene)->set_incidents(incidents.get());
        applier.reset();
        old.reset();
        table.reset();
        document.sources.counts.clear();
        ui.hovered_incident = ui.selected_incident = -1;
        if (document.sources.incidents.empty()) document.sources.incidents.emplace_back();
        document.sources.incidents.front() = got.source;
        set_axis(ui.time, document.time, geo::data_extent(incidents->store));
        if (opened) {
            s.recent.add(got.source.path);
            eprint("mirador: %s: %zu incidents loaded; the window drew %d frames meanwhile\n", got.source.path.c_str(),
                   incidents->store.size(), s.frame - load_started);
        }
        // Other incidents are a new start for undo: a step back would name a file no longer loaded.
        history = doc::History(document);
    };
    // A count table in place of incidents (File > Open a count table, Recent, a drop, a project).
    const auto take_table = [&](LoadedIncidents got, bool opened) {
        for (const auto& p : got.problems) eprint("mirador: %s\n", p.c_str());
        if (!got.table) {
            notice(got.table_error + (incidents || table ? " (the map keeps what it had)" : ""));
            return;
        }
        std::unique_ptr<CountLayer> old = std::move(table);
        table = std::move(got.table);
        (*scene)->set_table(table.get());
        applier.reset();
        old.reset();
        incidents.reset();
        ui.hovered_incident = ui.selected_incident = -1;
        document.sources.incidents.clear();
        document.sources.counts = {*got.table_source};
        if (!count_window_allowed(document.time.window, table->table.monthly)) {
            document.time.window.unit = table->table.monthly ? geo::WindowUnit::Month : geo::WindowUnit::Year;
            notice(table->source + " counts whole " + (table->table.monthly ? "months" : "years") +
                   ": the time window steps by " + (table->table.monthly ? "month" : "year") +
                   " (days and weeks would have to be guessed)");
        }
        set_axis(ui.time, document.time, table->extent);
        if (!table->never_in_table.empty())
            notices.push_back(std::to_string(table->never_in_table.size()) + (table->by_state_only() ? " states" : " municipalities") +
                              " never appear in " + table->source + ": 0 by its convention (listed under Count table)");
        if (!table->unknown.empty())
            notices.push_back(std::to_string(table->unknown.size()) + " codes of " + table->source +
                              " are not in the boundary layer: another vintage? (Count table lists them)");
        if (opened) {
            s.recent.add(table->source);
            eprint("mirador: %s: %zu rows loaded (%s per %s)\n", table->source.c_str(), table->table.rows.size(),
                   table->table.monthly ? "months" : "years", table->by_state_only() ? "state" : "municipality");
        }
        history = doc::History(document);
    };
    if (!document.sources.counts.empty()) {
        // At the start the window waits: the first frame shows the map as it will be.
        load.start_table(document.sources.counts.front(), b, ctx->population.get());
        load.wait();
        if (auto got = load.take()) take_table(std::move(*got), false);
    } else if (!document.sources.incidents.empty()) {
        // At the start the window waits for them: the first frame shows the map as it will be.
        load.start(document.sources.incidents.front(), *ctx->geocoder, ctx->population.get());
        load.wait();
        if (auto got = load.take()) take_loaded(std::move(*got), false);
    }
    // File > Export, a step per frame. Declared after what it draws (boundaries, incidents, table):
    // a session that ends mid-export drops the export first.
    WindowExport exporter;
    WindowSeriesExport series;  // File > Export animation, Export all slides
    const auto exporting = [&] { return exporter.busy() || series.busy(); };
    const auto take = [&](LoadedIncidents got, bool opened) {
        if (got.table_source) take_table(std::move(got), opened);
        else take_loaded(std::move(got), opened);
    };

    int fbw = 0, fbh = 0;
    glfwGetFramebufferSize(s.window, &fbw, &fbh);
    ui.view.width = fbw;
    ui.view.height = fbh;
    // The first frame lays the panels out; the view is fitted into the map area after it.
    bool fit_pending = true;
    bool fit_held = false;  // the view is still the one that fit made (`fitted`): nobody has moved it since
    MapView fitted;
    geo::BBox fitted_legends, fitted_title;  // the boxes it was made for, grown since
    int refits_left = 0;
    if (s.first_session && !opt.initial_search.empty() && search.find(opt.initial_search, 1).empty())
        eprint("mirador: --search '%s' matches no state or municipality\n", opt.initial_search.c_str());

    // Presentation mode (F5): the document shows the slides meanwhile; `presenting.base` is the
    // map as the analyst made it, which saving, the recovery file and the window's title use.
    Presentation presenting;
    SlideThumbnails thumbnails;
    const auto edited = [&]() -> const doc::MapDocument& { return presenting.active ? presenting.base : document; };
    const auto start_presenting = [&](int first) {
        history.record(document, false);
        begin_presentation(presenting, document, ui, b, first);
        history.adopt(document);
        if (!ui.fullscreen) toggle_fullscreen(s.window, ui, s.pointer);
        glfwSetInputMode(s.window, GLFW_CURSOR, GLFW_CURSOR_HIDDEN);
    };
    const auto stop_presenting = [&]() {
        const bool stay_fullscreen = presenting.fullscreen_before;
        end_presentation(presenting, document, ui);
        history.adopt(document);
        if (!stay_fullscreen && ui.fullscreen) toggle_fullscreen(s.window, ui, s.pointer);
        glfwSetInputMode(s.window, GLFW_CURSOR, GLFW_CURSOR_NORMAL);
    };

    using clock = std::chrono::steady_clock;
    auto last = clock::now();
    auto last_autosave = clock::now();
    SessionEnd end = SessionEnd::Quit;
    bool close_requested = false;
    char shown[128] = "";        // the time bar's count line
    std::string title_project;   // what the window's title was last set for
    int title_dirty = -1;
    while (!glfwWindowShouldClose(s.window) && !close_requested) {
        glfwPollEvents();
        const auto now = clock::now();
        // Scripted runs (--frames) step a fixed 1/60 s a frame, so what they do does not depend
        // on how loaded the machine is (playback advanced further on a busy test machine).
        const double dt = opt.max_frames > 0 ? 1.0 / 60 : std::chrono::duration<double>(now - last).count();
        last = now;

        // --drop: the files reach the same handler as a drop from the desktop, on the third frame.
        if (s.frame == 2 && !opt.drop_paths.empty()) {
            std::vector<const char*> paths;
            for (const std::string& p : opt.drop_paths) paths.push_back(p.c_str());
            on_files_dropped(s.window, static_cast<int>(paths.size()), paths.data());
        }
        // A load that finishes during an export waits for it: the export draws the incidents it started with.
        if (!exporting())
            if (auto got = load.take()) take(std::move(*got), true);
        glfwGetFramebufferSize(s.window, &fbw, &fbh);
        int ww = 1, wh = 1;
        glfwGetWindowSize(s.window, &ww, &wh);
        const float fb_scale = ww > 0 ? float(fbw) / float(ww) : 1.0f;
        ui.view.width = std::max(fbw, 1);
        ui.view.height = std::max(fbh, 1);

        s.ui_pass->new_frame();
        ImGui_ImplGlfw_NewFrame();
        s.scripted.apply(s.frame, ImGui::GetIO());
        s.pointer.scripted = s.scripted.cursor();
        ImGui::NewFrame();
        ImGui::PushFont(s.fonts.ui);

        const UnitTotals* totals = incidents ? static_cast<const UnitTotals*>(incidents.get()) : table.get();
        const PanelData data{b,         search,      incidents.get(), table.get(), totals, scene->get(), &hotspots,
                             ctx->population.get(), &name_keys, &thumbnails.texture_ids()};
        MenuRequest menu;
        if (presenting.active) {
            // Only the presenter's keys: no menu, no panels, no pointer on the map (files dropped
            // meanwhile wait until presenting ends).
            const PresentKey key = read_presentation_key();
            if (key == PresentKey::Leave) stop_presenting();
            else handle_presentation_key(presenting, key, document, ui, b);
        } else {
            menu = draw_main_menu(document, ui, history, s.recent, project, incidents != nullptr, table != nullptr);
            menu.merge(read_shortcuts(ui));
            menu.merge(dropped_files(s.dropped, notice));
            if (menu.toggle_fullscreen) toggle_fullscreen(s.window, ui, s.pointer);
            const doc::Layer* points = document.find(doc::LayerKind::Points);
            handle_map_input(s.window, ui, s.pointer, b, *to_lonlat, incidents.get(), points && points->visible, fb_scale, dt);
        }
        // Until the view is moved, the fit follows legends and a title block that grow as what
        // they describe arrives (the heatmap's legend comes with its surface, made on a worker
        // thread): the first fit used the boxes of the frame before. Only growth counts, and a
        // few times at most, so that a legend whose text follows the view cannot set the fit
        // and the legend chasing each other.
        const auto grows = [](geo::BBox& held, const geo::BBox& now) {
            if (now.empty() || (!held.empty() && now.min_x >= held.min_x && now.min_y >= held.min_y &&
                                now.max_x <= held.max_x && now.max_y <= held.max_y))
                return false;
            held.add(now);
            return true;
        };
        if (fit_held && !presenting.active && !fit_pending) {
            const bool untouched = ui.view.center.x == fitted.center.x && ui.view.center.y == fitted.center.y &&
                                   ui.view.metres_per_pixel == fitted.metres_per_pixel &&
                                   ui.view.width == fitted.width && ui.view.height == fitted.height && !ui.fly.active;
            if (!untouched || refits_left == 0) fit_held = false;
            else {
                const bool legends_grew = grows(fitted_legends, ui.legends_box);
                const bool title_grew = grows(fitted_title, ui.title_box);
                if (legends_grew || title_grew) fit_pending = true, --refits_left;
            }
        }
        if (fit_pending && s.frame > 0) {
            // The document's extent (or all of Mexico) inside the map area the panels leave.
            ui.view = view_of_extent(ui, extent_box(document.view, b), time_label_room(), is_land);
            if (!fit_held) {
                fitted_legends = ui.legends_box;
                fitted_title = ui.title_box;
                refits_left = 4;
            }
            fitted = ui.view;
            fit_held = true;
            fit_pending = false;
            if (s.first_session && !opt.initial_search.empty()) {
                if (const auto hits = search.find(opt.initial_search, 1); !hits.empty()) {
                    select_search_hit(ui, b, hits.front());
                    ui.fly.seconds = opt.max_frames > 0 ? 1e-6 : ui.fly.seconds;
                }
            }
        }
        if (!presenting.active && (menu.present || ui.present_request >= 0 || (opt.present && s.first_session && s.frame == 1)))
            start_presenting(menu.present ? 0 : std::max(ui.present_request, 0));
        ui.present_request = -1;
        if (presenting.active) step_presentation(presenting, ui, dt);
        else step_fly(ui, dt);

        if (!presenting.active) {
            draw_left_sidebar(document, ui, data);
            draw_right_sidebar(document, ui, data);
            if (totals) {
                handle_time_keys(document.time, ui);
                // What the bar's right end says: written into a buffer, as the frame allocates nothing.
                if (incidents)
                    std::snprintf(shown, sizeof shown, "%zu of %zu incidents on the map", incidents->visible_count,
                                  incidents->store.size());
                else
                    std::snprintf(shown, sizeof shown, "%.0f counted in the table%s", table->total,
                                  table->time_window ? " for the window" : "");
                draw_time_bar(document.time, ui, *totals, shown);
            }
            if (incidents && ui.hovered_incident >= 0) draw_incident_tooltip(ui, data);
            else draw_hover_tooltip(ui, b);
            draw_status_bar(ui, b);
            draw_map_menu(ui, data);
            if (load.busy()) draw_load_progress(ui, load.label(), load.fraction(), load.stage_text());
            draw_notices(notices);
            if (ui.show_help) draw_keyboard_help(ui);
        }

        // File > Export: the dialog, then the export, a step each frame after this one is shown.
        // File > Export animation and Export all slides likewise, a tile of a frame or a slide a step.
        const auto shown_map = [&] {
            doc::MapDocument d = document;
            d.view = visible_view(ui, document.view.crs);
            return d;
        };
        const auto sources = [&] {
            return ExportSources{&b, incidents.get(), ctx->population.get(), table.get(), input_paths(document, project)};
        };
        const int map_w = int(ui.view.width - ui.area.left - ui.area.right), map_h = int(ui.view.height - ui.area.top - ui.area.bottom);
        if (menu.export_image && !exporting() && !s.export_dialog.is_open())
            s.export_dialog.open(proposed_export_path(s.last_export, project), map_w, map_h);
        if (auto request = s.export_dialog.draw(kMaxExportSide)) {
            s.last_export = request->path;
            ui.status_note = "Exporting " + request->path + "...";
            ui.status_note_is_error = false;
            exporter.start(*request, shown_map(), sources());
        }
        if (menu.export_animation && incidents && !exporting() && !s.animation_dialog.is_open())
            s.animation_dialog.open(proposed_animation_path(s.last_animation, project), ui.time.axis.extent(), map_w, map_h);
        if (menu.export_slides && !document.slides.empty() && !exporting() && !s.slides_dialog.is_open())
            s.slides_dialog.open(proposed_slides_folder(s.last_slides_folder, project), document.slides, map_w, map_h);
        if ((menu.export_animation && !incidents) || (menu.export_slides && document.slides.empty())) {
            // The menu greys these out; the shortcut says why nothing opens.
            ui.status_note = menu.export_animation ? "An animation steps through incidents' dates: open incidents first"
                                                   : "The project has no slides to export (Slides panel: add the view as a slide)";
            ui.status_note_is_error = true;
        }
        if (auto request = s.animation_dialog.draw(kMaxExportSide)) {
            s.last_animation = request->options.out;
            request->options.h264_encoder = h264_encoder_from_environment();
            series.start_animation(*request, shown_map(), sources());
        }
        if (auto request = s.slides_dialog.draw(kMaxExportSide)) {
            s.last_slides_folder = request->out_dir;
            series.start_slides(*request, document, sources());
        }
        // The progress shows for an export that takes over a second; Esc cancels before that too.
        const bool image = exporter.busy();
        const bool cancel_export =
            draw_export_progress(exporting() && (image ? exporter.seconds() : series.seconds()) > 1.0,
                                 image ? exporter.path() : series.path(), image ? exporter.fraction() : series.fraction(),
                                 image ? exporter.stage_text() : series.stage_text()) ||
            (exporting() && ImGui::IsKeyPressed(GLFW_KEY_ESCAPE, false));
        if (cancel_export) {
            const WindowExportResult o = image ? exporter.cancel() : series.cancel();
            eprint("mirador: %s\n", o.message.c_str());
            ui.status_note = o.message;
            ui.status_note_is_error = false;
        }

        // File actions: the browser, then what was chosen.
        if (menu.open_project || menu.save_as || menu.open_incidents || menu.locate_incidents || menu.open_table) {
            const std::string folder = project.empty() ? std::string() : fs::path(project).parent_path().string();
            if (menu.open_project) s.browser.open(FileBrowser::Mode::Open, "Open a project", {".mirador"}, folder);
            if (menu.save_as)
                s.browser.open(FileBrowser::Mode::Save, "Save the project as", {".mirador"}, folder,
                               project.empty() ? "map.mirador" : fs::path(project).filename().string());
            if (menu.open_incidents || menu.locate_incidents)
                s.browser.open(FileBrowser::Mode::Open, "Incidents (CSV or any OGR point layer)", incident_extensions(),
                               folder);
            if (menu.open_table)
                s.browser.open(FileBrowser::Mode::Open, "A count table (INEGI, SESNSP or a long CSV)", {".csv", ".tsv"}, folder);
            s.pending_browse = menu.open_project    ? Browse::OpenProject
                               : menu.save_as       ? Browse::SaveAs
                               : menu.open_table    ? Browse::CountTable
                                                    : Browse::Incidents;
        }
        if (const auto chosen = presenting.active ? std::nullopt : s.browser.draw()) {
            if (s.pending_browse == Browse::OpenProject) menu.open_path = *chosen;
            // (a chosen file the menu asked for a moment ago)
            else if (s.pending_browse == Browse::SaveAs) menu.save_path = *chosen;
            else if (s.pending_browse == Browse::CountTable) menu.table_path = *chosen;
            else menu.incidents_path = *chosen;
        }
        if (menu.save && project.empty()) {  // never saved: Save is Save as
            s.browser.open(FileBrowser::Mode::Save, "Save the project as", {".mirador"}, "", "map.mirador");
            s.pending_browse = Browse::SaveAs;
            menu.save = false;
        }
        if (opt.max_frames == 0 && !presenting.active) draw_recovery_offer(s, document, project);
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
            // The source as it was (its layer, mapping, dedupe) with the new file.
            IncidentSource source = document.sources.incidents.empty() ? IncidentSource{} : document.sources.incidents.front();
            source.path = menu.incidents_path;
            if (load.start(source, *ctx->geocoder, ctx->population.get()))
                load_started = s.frame;
            else
                notice("Still loading " + load.label() + ": " + menu.incidents_path + " can be opened once it is on the map");
        }
        if (!menu.table_path.empty()) {
            // The table's layout and mapping as the document had them, with the new file.
            doc::CountSource source = document.sources.counts.empty() ? doc::CountSource{} : document.sources.counts.front();
            source.path = menu.table_path;
            if (load.start_table(source, b, ctx->population.get()))
                load_started = s.frame;
            else
                notice("Still loading " + load.label() + ": " + menu.table_path + " can be opened once it is on the map");
        }
        if (menu.quit) glfwSetWindowShouldClose(s.window, GLFW_TRUE);
        if (menu.reset_view) fly_home(ui, time_label_room(), is_land);

        // Undo and redo, then the step the panels made this frame (a held control is one step).
        if (menu.undo)
            if (auto d = history.undo()) document = *d;
        if (menu.redo)
            if (auto d = history.redo()) document = *d;
        // Presenting shows slides, it does not edit: no undo steps (see gui/Presentation.hpp).
        if (presenting.active) history.adopt(document);
        else history.record(document, ImGui::IsAnyItemActive());
        if (table && !count_window_allowed(document.time.window, table->table.monthly))
            document.time.window.unit = table->table.monthly ? geo::WindowUnit::Month : geo::WindowUnit::Year;  // (undo)
        if (totals) {
            set_axis(ui.time, document.time, ui.time.axis.extent());
            // The slider playing is not an edit: the window taken without an undo step.
            if (presenting.active ? advance_presentation_playback(presenting, document, ui, dt)
                                  : advance_playback(document.time, ui.time, dt))
                history.adopt(document);
        }
        ImGui::PopFont();

        // One slide's thumbnail a frame while the Slides section shows them, drawn through the
        // frame code below with the slide applied; the document is applied back right after.
        const auto stale = ui.sections.slides && ui.left_sidebar && !presenting.active ? thumbnails.stale(document)
                                                                                       : std::nullopt;
        if (stale) {
            const doc::MapDocument shown = doc::apply_slide(document, document.slides[*stale]);
            const int tw = static_cast<int>(SlideThumbnails::kWidth * s.content_scale);
            const int th = static_cast<int>(SlideThumbnails::kHeight * s.content_scale);
            thumbnails.refresh(document, *stale, tw, th, [&] {
                // The heatmap made at once for the picture rather than on the worker thread,
                // whose result the window would take for its own view.
                (*scene)->set_background_heatmap(false);
                if (table) applier.apply_table(shown, **scene, *table, &hotspots, b, ctx->population.get());
                else applier.apply(shown, **scene, incidents.get(), &hotspots, b, ctx->population.get());
                FrameContext tc;
                tc.view = view_for_document(shown.view, b, tw, th);
                tc.pixel_scale = s.content_scale;
                tc.software_gl = software_gl;
                tc.have_incidents = incidents != nullptr;
                tc.have_table = table != nullptr;
                (*scene)->draw(scene_params(shown, tc), nullptr, FontSet{});
                (*scene)->set_background_heatmap(opt.max_frames <= 0);
            });
        }

        // The document, once a frame, to the scene.
        if (table) applier.apply_table(document, **scene, *table, &hotspots, b, ctx->population.get());
        else applier.apply(document, **scene, incidents.get(), &hotspots, b, ctx->population.get());
        const auto t0 = clock::now();
        s.gl->bind_frame();
        FrameContext c;
        c.view = ui.view;
        c.pixel_scale = s.content_scale;
        // A presentation shows the map without the window's pointing (hover, selection).
        c.hovered = presenting.active ? -1 : ui.hovered;
        c.selected = presenting.active ? -1 : ui.selected;
        c.hovered_incident = presenting.active ? -1 : ui.hovered_incident;
        c.selected_incident = presenting.active ? -1 : ui.selected_incident;
        c.inset_left = ui.area.left;
        c.inset_top = ui.area.top;
        c.inset_right = ui.area.right;
        c.inset_bottom = ui.area.bottom;
        c.software_gl = software_gl;
        c.have_incidents = incidents != nullptr;
        c.have_table = table != nullptr;
        const SceneParams params = scene_params(document, c);
        (*scene)->draw(params, ImGui::GetBackgroundDrawList(), s.fonts);
        const doc::Layer* hot = document.find(doc::LayerKind::Hotspots);
        if (const HotspotOutcome* o = hotspots.outcome(); o && hot && hot->visible && o->weights && !presenting.active)
            draw_hotspot_neighbours(ImGui::GetBackgroundDrawList(), ui.view, b, *o->weights, ui.selected, s.content_scale);
        ui.draw_stats = (*scene)->renderer().last_stats();
        ui.legends_box = (*scene)->legends_box();
        ui.title_box = geo::BBox{};
        for (const FurnitureBox& f : (*scene)->furniture().boxes)
            if (f.kind == FurnitureKind::Title) {
                ui.title_box.add(geo::Vec2{f.box.x0, f.box.y0});
                ui.title_box.add(geo::Vec2{f.box.x1, f.box.y1});
            }
        if (presenting.active && presenting.blank)
            ImGui::GetForegroundDrawList()->AddRectFilled(ImVec2(0, 0), ImGui::GetIO().DisplaySize, IM_COL32(0, 0, 0, 255));
        ImGui::Render();
        s.ui_pass->draw(ImGui::GetDrawData());
        ++s.frame;

        const bool dirty = !(edited() == saved);
        // Set only when it changes: an X call (and a string) per frame is waste on an idle frame.
        if (int(dirty) != title_dirty || project != title_project) {
            glfwSetWindowTitle(s.window, window_title(project, dirty).c_str());
            title_project = project;
            title_dirty = dirty;
        }
        // Unsaved changes reach the recovery file every autosave period.
        if (dirty && !presenting.active &&
            std::chrono::duration<double>(clock::now() - last_autosave).count() >= opt.autosave_seconds) {
            doc::MapDocument copy = document;
            copy.view = visible_view(ui, document.view.crs);
            if (auto ok = doc::write_recovery(copy, project); !ok) notice(ok.error());
            last_autosave = clock::now();
        }
        // A scripted run ends after its frames and any load it started: what it prints and
        // captures does not depend on how fast the machine read the file.
        if (opt.max_frames > 0 && s.frame >= opt.max_frames && !load.busy() && !exporting()) {
            print_exit_report(ui, document, incidents.get(), table.get(), b, *to_lonlat);
            eprint("mirador: presentation at exit: %s\n", presentation_state(presenting).c_str());
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
        // The export's next step, once the frame is on the screen.
        if (auto done = exporter.busy() ? exporter.step() : series.step()) {
            // The export applied its document to the shared incident layer: the window's next
            // frame applies the window's again, whatever changed meanwhile.
            applier.reset();
            if (done->ok) eprint("mirador: %s\n", done->message.c_str());
            else notice(done->message);
            ui.status_note = done->message;
            ui.status_note_is_error = !done->ok;
        }
    }
    if (presenting.active) stop_presenting();
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
    if (project.empty() && document.sources.incidents.empty() && document.sources.counts.empty() && !opt.no_incidents) {
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

    Shared s{nullptr, nullptr, nullptr, opt, {}, {}, {}, 1.0f, {}, {}, RecentFiles::load(), {}, {}, {}, {}, {}, {}, {}, 0, true, Browse::OpenProject, std::nullopt};
    s.offered_recovery = std::move(offered);
    s.keep_recovery = keep_recovery;
    auto scripted = ScriptedInput::parse(opt.press_keys);
    if (!scripted) {
        eprint("mirador: %s\n", scripted.error().c_str());
        return 2;
    }
    s.scripted = std::move(scripted).value();
    // The panels as the analyst left them; a file that is not a layout is passed over.
    const std::string layout = layout_path();
    if (auto read = read_layout(layout, s.ui); !read)
        eprint("mirador: the window's layout is not read (%s); the default layout is used\n", read.error().c_str());

    auto gl_window = WindowGlContext::create(opt.width, opt.height, window_title(project, false).c_str(),
                                             opt.max_frames <= 0);
    if (!gl_window) {
        eprint("mirador: %s. Use 'mirador snapshot' to render without one.\n", gl_window.error().c_str());
        return 1;
    }
    GLFWwindow* window = (*gl_window)->window();
    s.window = window;
    glfwSetWindowUserPointer(window, &s.dropped);
    glfwSetDropCallback(window, on_files_dropped);

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;  // panels are laid out by code; nothing to leave behind
    glfwGetWindowContentScale(window, &s.content_scale, nullptr);
    s.content_scale = s.content_scale > 0.5f ? s.content_scale : 1.0f;
    s.fonts = load_fonts(s.content_scale);
    ImGui::StyleColorsLight();
    // The light style's frames are white, as are its popups: without a border an unticked box,
    // an unchosen radio button or an empty field in a dialog cannot be seen at all.
    ImGui::GetStyle().FrameBorderSize = 1.0f;
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
    if (auto ok = write_layout(layout, s.ui); !ok) eprint("mirador: the window's layout is not kept: %s\n", ok.error().c_str());
    ui_pass->reset();
    ImGui_ImplGlfw_Shutdown();
    ImGui::DestroyContext();
    return exit_code;
}

}  // namespace mirador
