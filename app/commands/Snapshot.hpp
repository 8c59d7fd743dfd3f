#pragma once
// `mirador snapshot`: the map rendered headless into a PNG, through the same MapScene the
// window uses.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "cli/DataOptions.hpp"
#include "export/Image.hpp"
#include "scene/MapScene.hpp"

namespace mirador {

struct LonLatBox {
    double min_lon, min_lat, max_lon, max_lat;
};

struct SnapshotOptions {
    std::string out;
    int width = 1920, height = 1080;
    std::optional<LonLatBox> bbox;  // default: the whole layer
    bool labels = true;
    std::string highlight;          // CVEGEO of a municipality to outline, as if selected
    // Incidents: none unless a source is given; then points and, unless measure is None, the
    // choropleth.
    IncidentSource incidents;
    bool points = true;
    ChoroplethStyle choropleth;
    // Time window (--from/--to): every layer and count shows only incidents overlapping it.
    std::optional<geo::DayRange> window;
    // --layers: which layers to draw (drawn bottom to top in the viewer's default order);
    // empty: boundaries and choropleth fill, and points when there are incidents.
    std::vector<MapLayer> layers;
    HeatmapSettings heatmap;
    bool density_engine_auto = false;  // heatmap.gpu chosen from the OpenGL renderer
    std::optional<HotspotMap> hotspots;  // paints the fill (mirador hotspots/emerging --map)
};


struct SnapshotResult {
    Image image;
    MapView view;       // to map geography to pixels in tests
    std::string context_kind, gl_description;
    std::vector<LabelBox> labels;
};

geo::Result<LonLatBox> parse_bbox(const std::string& text);

// The slider windows a snapshot's window belongs to (calendar month, quarter, year, week,
// day, else custom windows of its length): what the heatmap's fixed scale compares.
geo::WindowSpec window_spec_for(geo::DayRange window);

// The view that shows `bbox` (lon/lat, sampled along its edges) in the display CRS.
geo::Result<MapView> view_for_bbox(const geo::Boundaries& b, const std::optional<LonLatBox>& bbox, int width, int height);

// Renders one image; creates (and destroys) its own GL context.
geo::Result<SnapshotResult> render_snapshot(const geo::Boundaries& boundaries, const SnapshotOptions& options,
                                            const IncidentLayer* incidents = nullptr);


// The command: load, render, write; messages on stderr; returns the exit code.
int run_snapshot_command(const DataOptions& data, const SnapshotOptions& options);

}  // namespace mirador
