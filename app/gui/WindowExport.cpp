#include "gui/WindowExport.hpp"

#include <imgui.h>

#include <cstdio>
#include <filesystem>

#include "commands/Snapshot.hpp"
#include "export/ImageFile.hpp"
#include "mirador/geo/AtomicFile.hpp"
#include "platform/WindowGlContext.hpp"

namespace mirador {

namespace fs = std::filesystem;

void WindowExport::start(const ExportRequest& request, doc::MapDocument document, ExportSources sources) {
    request_ = request;
    document_ = std::move(document);
    sources_ = std::move(sources);
    image_ = Image{};
    stage_ = Stage::Check;
    started_ = std::chrono::steady_clock::now();
}

double WindowExport::seconds() const {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - started_).count();
}

float WindowExport::fraction() const {
    // Rendering is most of the time; checking is nothing.
    switch (stage_) {
        case Stage::Check: return 0.0f;
        case Stage::Render: return 0.05f;
        case Stage::Write: return 0.7f;
        case Stage::Idle: break;
    }
    return 1.0f;
}

std::string WindowExport::stage_text() const {
    switch (stage_) {
        case Stage::Check: return "checking the file";
        case Stage::Render: return "rendering " + describe(request_.size);
        case Stage::Write: return "writing the file";
        case Stage::Idle: break;
    }
    return "";
}

WindowExportResult WindowExport::finish(bool ok, std::string message) {
    stage_ = Stage::Idle;
    image_ = Image{};
    document_ = doc::MapDocument{};
    sources_ = ExportSources{};
    return WindowExportResult{ok, false, std::move(message)};
}

WindowExportResult WindowExport::cancel() {
    // Nothing has been written before the last step, which completes in the frame it starts.
    WindowExportResult o = finish(false, "Export to " + request_.path + " cancelled: nothing was written");
    o.cancelled = true;
    return o;
}

std::optional<WindowExportResult> WindowExport::step(WindowGlContext& window) {
    switch (stage_) {
        case Stage::Idle: return std::nullopt;
        case Stage::Check: {
            if (auto same = geo::check_output_is_not_input(request_.path, sources_.input_paths, "the export");
                !same)
                return finish(false, "Export failed: " + same.error());
            if (auto format = image_format_for(request_.path); !format)
                return finish(false, "Export failed: " + format.error());
            std::error_code ec;
            const fs::path folder = fs::path(request_.path).parent_path();
            if (!folder.empty() && !fs::is_directory(folder, ec))
                return finish(false, "Export failed: " + request_.path + ": the folder " + folder.string() +
                                         " does not exist");
            stage_ = Stage::Render;
            return std::nullopt;
        }
        case Stage::Render: {
            SnapshotOptions o;
            o.out = request_.path;
            o.width = request_.size.width;
            o.height = request_.size.height;
            o.dpi = request_.size.dpi;
            // render_snapshot makes its own ImGui context, which becomes current only when none
            // is; the window's is set aside meanwhile and put back after, as is its GL context.
            ImGuiContext* window_ui = ImGui::GetCurrentContext();
            ImGui::SetCurrentContext(nullptr);
            window.release_current();
            auto r = render_snapshot(*sources_.boundaries, document_, o, sources_.incidents, sources_.population,
                                     sources_.table);
            ImGui::SetCurrentContext(window_ui);
            window.make_current();
            if (!r) return finish(false, "Export to " + request_.path + " failed: " + r.error());
            image_ = std::move(r->image);
            shown_ = r->view.visible();
            stage_ = Stage::Write;
            return std::nullopt;
        }
        case Stage::Write: {
            ImageFileOptions file;
            file.dpi = request_.size.dpi;
            file.bounds = MapBounds{document_.view.crs, shown_.min_x, shown_.min_y, shown_.max_x, shown_.max_y};
            if (auto w = write_image_file(request_.path, image_, file); !w)
                return finish(false, "Export failed: " + w.error());
            char took[32];
            std::snprintf(took, sizeof took, "%.1f s", seconds());
            return finish(true, "Exported " + request_.path + " (" + describe(request_.size) + ", " + took + ")");
        }
    }
    return std::nullopt;
}

std::string proposed_export_path(const std::string& last, const std::string& project) {
    if (!last.empty()) return last;
    if (project.empty()) return (fs::current_path() / "map.png").string();
    return fs::path(project).replace_extension(".png").string();
}

}  // namespace mirador
