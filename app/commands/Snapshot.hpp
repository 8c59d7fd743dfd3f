#pragma once
// `mirador snapshot`: the map rendered headless into a PNG, JPEG or GeoTIFF (by --out's
// extension), through the same MapScene the window uses.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "data/DataOptions.hpp"
#include "document/MapDocument.hpp"
#include "export/Image.hpp"
#include "export/RowSink.hpp"
#include "platform/GlContext.hpp"  // complete: create()'s default context argument is destroyed in every caller
#include "scene/DocumentFrame.hpp"
#include "scene/ExportCanvas.hpp"  // complete: render()'s default canvas argument is destroyed in every caller
#include "scene/HotspotLayer.hpp"
#include "scene/CountLayer.hpp"
#include "scene/MapScene.hpp"

namespace mirador {

class ExportJob;

struct LonLatBox {
    double min_lon, min_lat, max_lon, max_lat;
};

// What a snapshot adds to the document: the file, the image's size, and what is pointed at.
struct SnapshotOptions {
    std::string out;
    int width = 1920, height = 1080;
    double dpi = 0;                     // > 0: the resolution stored in the file; sets the pixel scale
    int tile_size = 0;                  // > 0: the largest tile rendered (tests force small tiles)
    int slide = 0;                      // > 0: the project's slide of this number (1-based) is rendered
    std::string highlight;              // CVEGEO of a municipality to outline, as if selected
    std::optional<HotspotMap> hotspot_map;  // a computed map drawn as the fill (hotspots/emerging --map)
};

// What an export drew besides its pixels.
struct ExportOutcome {
    MapView view;       // to map geography to pixels in tests
    std::string context_kind, gl_description;
    std::vector<LabelBox> labels;
    DrawnFurniture furniture;  // where the title, scale bar, north arrow ... went
};

struct SnapshotResult : ExportOutcome {
    Image image;
};

geo::Result<LonLatBox> parse_bbox(const std::string& text);

// The extent (display CRS) that shows `bbox` (lon/lat, sampled along its edges).
geo::Result<doc::Extent> extent_for_bbox(const LonLatBox& bbox, geo::DisplayCrs crs);

// A map rendered with no display: its own GL context and scene, made once and used for any number
// of documents (one snapshot, every slide, every frame of an animation). The document's filters
// and time window are applied to `incidents` (null: none), or to `table`, a count table in their
// place; both, and the boundaries, must outlive it.
class HeadlessMap {
public:
    [[nodiscard]] static geo::Result<std::unique_ptr<HeadlessMap>> create(const geo::Boundaries& boundaries,
                                                                         IncidentLayer* incidents = nullptr,
                                                                         const geo::PopulationTable* population = nullptr,
                                                                         CountLayer* table = nullptr,
                                                                         std::unique_ptr<HeadlessGlContext> context = nullptr);
    // The same, drawing in the GL context current now, which the caller keeps current while it
    // draws (the window's: File > Export animation and Export all slides make the command line's
    // frames and files through this class, in the window).
    [[nodiscard]] static geo::Result<std::unique_ptr<HeadlessMap>> in_current_context(const geo::Boundaries& boundaries,
                                                                                     IncidentLayer* incidents,
                                                                                     const geo::PopulationTable* population,
                                                                                     CountLayer* table);
    ~HeadlessMap();
    // Brings the scene and the data in line with `document` (filters, time window, fill, hot
    // spots); render() does it too. Errors: a count table filter the table cannot apply.
    [[nodiscard]] geo::Result<bool> apply(const doc::MapDocument& document);
    // Renders `document` at options' size through an ExportJob into `sink` (a file, or memory),
    // tile by tile when it is larger than the GPU draws at once; in `canvas` when one made for
    // this export is given (ExportCanvas.hpp).
    [[nodiscard]] geo::Result<ExportOutcome> render(const doc::MapDocument& document, const SnapshotOptions& options,
                                                   std::unique_ptr<RowSink> sink,
                                                   std::unique_ptr<ExportCanvas> canvas = nullptr);
    // The same export started and left to the caller to step (a tile a step: the window's
    // animation and slide exports take one a frame), then described by outcome(). The map must
    // not be applied to another document until the job is done.
    [[nodiscard]] geo::Result<std::unique_ptr<ExportJob>> start(const doc::MapDocument& document,
                                                               const SnapshotOptions& options,
                                                               std::unique_ptr<RowSink> sink,
                                                               std::unique_ptr<ExportCanvas> canvas = nullptr);
    ExportOutcome outcome(const ExportJob& job) const;
    MapScene& scene() { return *scene_; }

private:
    HeadlessMap() = default;
    [[nodiscard]] geo::Result<bool> make_scene();
    const geo::Boundaries* boundaries_ = nullptr;
    IncidentLayer* incidents_ = nullptr;
    const geo::PopulationTable* population_ = nullptr;
    CountLayer* table_ = nullptr;
    std::unique_ptr<HeadlessGlContext> ctx_;  // null: the caller's context
    std::unique_ptr<MapScene> scene_;
    HotspotLayer hotspots_;
    DocumentApplier applier_;
};

// A headless GL context for a HeadlessMap, made ahead (on the thread that will draw) while data loads.
[[nodiscard]] geo::Result<std::unique_ptr<HeadlessGlContext>> make_headless_context();

// Renders `document` into one image in memory; creates (and destroys) its own GL context.
geo::Result<SnapshotResult> render_snapshot(const geo::Boundaries& boundaries, const doc::MapDocument& document,
                                            const SnapshotOptions& options, IncidentLayer* incidents = nullptr,
                                            const geo::PopulationTable* population = nullptr, CountLayer* table = nullptr);

// The data a document names, loaded for a headless command (`command` prefixes the messages,
// which go to stderr): the boundaries, and the incidents or a count table.
struct SnapshotData {
    std::unique_ptr<geo::Boundaries> own_boundaries;  // when nothing else needed the geocoder
    std::unique_ptr<struct GeocodingContext> geocoding;
    std::unique_ptr<IncidentLayer> incidents;
    std::unique_ptr<CountLayer> table;
    const geo::Boundaries& boundaries() const;
    const geo::PopulationTable* population() const;
    SnapshotData();
    SnapshotData(SnapshotData&&) noexcept;
    ~SnapshotData();
};
// Returns 0, or the exit code on failure (1: data, 2: the document asks for what cannot be drawn).
// `single_view`: only the document's view at options' size is drawn, so only the boundaries'
// detail level for that scale is made (geo::BoundarySources::single_scale).
[[nodiscard]] int load_snapshot_data(const doc::MapDocument& document, const SnapshotOptions& options,
                                     const char* command, SnapshotData& out, bool single_view = false);

// The command: load, render, write; messages on stderr; returns the exit code.
int run_snapshot_command(const doc::MapDocument& document, const SnapshotOptions& options);

}  // namespace mirador
