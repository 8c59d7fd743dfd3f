#pragma once
// An export started from the window (File > Export), done a step per frame so the window keeps
// drawing and answering between steps: the progress bar moves and Cancel works. Each step runs
// outside ImGui's frame, in its own GL and ImGui contexts; the window's are made current again
// after it.
//
// The steps: check the output, render the map, write the file. A cancelled export writes
// nothing: the file is only created (atomically, geo::AtomicFile) by the last step.
#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "document/MapDocument.hpp"
#include "export/Image.hpp"
#include "mirador/geo/Boundaries.hpp"
#include "mirador/geo/Geocoder.hpp"
#include "ui/ExportDialog.hpp"

namespace mirador {

struct IncidentLayer;
struct CountLayer;
class WindowGlContext;

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
    // One step; the outcome when the export has ended (done, failed). `window` is made current
    // again after the step.
    std::optional<WindowExportResult> step(WindowGlContext& window);
    // Stops the export; nothing is written or replaced.
    WindowExportResult cancel();
    float fraction() const;
    std::string stage_text() const;
    const std::string& path() const { return request_.path; }
    double seconds() const;  // since start

private:
    enum class Stage { Idle, Check, Render, Write };
    WindowExportResult finish(bool ok, std::string message);
    Stage stage_ = Stage::Idle;
    ExportRequest request_;
    doc::MapDocument document_;
    ExportSources sources_;
    Image image_;
    geo::BBox shown_;  // what the image shows, display CRS: a GeoTIFF's georeferencing
    std::chrono::steady_clock::time_point started_;
};

// The file an export proposes: the last one, else the project's name as a PNG beside it, else
// map.png in the current folder.
std::string proposed_export_path(const std::string& last, const std::string& project);

}  // namespace mirador
