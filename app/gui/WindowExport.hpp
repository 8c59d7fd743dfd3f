#pragma once
// An export started from the window (File > Export), done a step per frame so the window keeps
// drawing and answering between steps: the progress bar moves and Cancel works. The steps: check
// the output; make a scene of its own in the window's GL context with the document applied, and
// start an ExportJob (scene/ExportJob.hpp: labels and furniture laid out once, scaled by the
// DPI); then one tile of the job per frame, its rows streamed to the file. Each step runs
// outside ImGui's frame (the job has an ImGui context of its own).
//
// A cancelled export writes nothing and replaces nothing: the file is written through
// geo::AtomicFile and put in place only after the last tile.
#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "document/MapDocument.hpp"
#include "mirador/geo/Boundaries.hpp"
#include "mirador/geo/Geocoder.hpp"
#include "ui/ExportDialog.hpp"

namespace mirador {

struct IncidentLayer;
struct CountLayer;

// What the window has loaded, which the export draws as the window does. They must stay loaded
// while the export runs (the window holds back a finished load meanwhile).
struct ExportSources {
    const geo::Boundaries* boundaries = nullptr;
    IncidentLayer* incidents = nullptr;
    const geo::PopulationTable* population = nullptr;
    CountLayer* table = nullptr;
    std::vector<std::string> input_paths;  // files the export must not write over
};

struct WindowExportResult {
    bool ok = false, cancelled = false;
    std::string message;  // names the file: "Exported map.png (...)" or why it failed
};

class WindowExport {
public:
    // Starts an export of `document` (its view set to what the window shows).
    void start(const ExportRequest& request, doc::MapDocument document, ExportSources sources);
    bool busy() const { return stage_ != Stage::Idle; }
    // One step, with the window's GL context current; the outcome when the export has ended
    // (done, failed).
    std::optional<WindowExportResult> step();
    // Stops the export; nothing is written or replaced.
    WindowExportResult cancel();
    WindowExport();
    ~WindowExport();
    float fraction() const;
    std::string stage_text() const;
    const std::string& path() const { return request_.path; }
    double seconds() const;  // since start

private:
    enum class Stage { Idle, Check, Prepare, Tiles };
    WindowExportResult finish(bool ok, std::string message);
    geo::Result<bool> prepare();
    Stage stage_ = Stage::Idle;
    ExportRequest request_;
    doc::MapDocument document_;
    ExportSources sources_;
    std::unique_ptr<class MapScene> scene_;
    std::unique_ptr<class HotspotLayer> hotspots_;
    std::unique_ptr<class ExportJob> job_;
    std::chrono::steady_clock::time_point started_;
};

// The file an export proposes: the last one, else the project's name as a PNG beside it, else
// map.png in the current folder.
std::string proposed_export_path(const std::string& last, const std::string& project);

}  // namespace mirador
