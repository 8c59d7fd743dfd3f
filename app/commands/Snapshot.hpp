#pragma once
// `mirador snapshot`: the map rendered headless into a PNG, JPEG or GeoTIFF (by --out's
// extension), through the same MapScene the window uses.
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "data/DataOptions.hpp"
#include "document/MapDocument.hpp"
#include "export/Image.hpp"
#include "platform/GlContext.hpp"
#include "scene/CountLayer.hpp"
#include "scene/MapScene.hpp"

namespace mirador {

struct LonLatBox {
    double min_lon, min_lat, max_lon, max_lat;
};

// What a snapshot adds to the document: the file, the image's size, and what is pointed at.
struct SnapshotOptions {
    std::string out;
    int width = 1920, height = 1080;
    double dpi = 0;                     // > 0: the resolution stored in the file
    std::string highlight;              // CVEGEO of a municipality to outline, as if selected
    std::optional<HotspotMap> hotspot_map;  // a computed map drawn as the fill (hotspots/emerging --map)
};

struct SnapshotResult {
    Image image;
    MapView view;       // to map geography to pixels in tests
    std::string context_kind, gl_description;
    std::vector<LabelBox> labels;
    DrawnFurniture furniture;  // where the title, scale bar, north arrow ... went
};

geo::Result<LonLatBox> parse_bbox(const std::string& text);

// The extent (display CRS) that shows `bbox` (lon/lat, sampled along its edges).
geo::Result<doc::Extent> extent_for_bbox(const LonLatBox& bbox, geo::DisplayCrs crs);

// Renders `document` into one image; creates (and destroys) its own GL context, or uses
// `context` (from make_snapshot_context, current on this thread). The document's filters and time
// window are applied to `incidents` (null: none), or to `table`, a count table in their place.
geo::Result<SnapshotResult> render_snapshot(const geo::Boundaries& boundaries, const doc::MapDocument& document,
                                            const SnapshotOptions& options, IncidentLayer* incidents = nullptr,
                                            const geo::PopulationTable* population = nullptr, CountLayer* table = nullptr,
                                            std::unique_ptr<HeadlessGlContext> context = nullptr);
// A headless context with its image of the options' size, made ahead (while data loads).
geo::Result<std::unique_ptr<HeadlessGlContext>> make_snapshot_context(const SnapshotOptions& options);

// The command: load, render, write; messages on stderr; returns the exit code.
int run_snapshot_command(const doc::MapDocument& document, const SnapshotOptions& options);

}  // namespace mirador
