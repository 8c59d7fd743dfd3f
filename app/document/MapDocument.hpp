#pragma once
// The map document: one plain-data description of "this map". The window's panels edit it, the
// renderer draws what it says, the command line builds it from flags, a project file stores it
// (docs/project-format.md describes every field; document/Describe.hpp lists them once for
// reading, writing and the tests). Nothing here touches OpenGL or ImGui, and nothing else holds
// a second copy of any of these settings.
//
// Units: sizes in pixels at 96 dpi (an export scales them with its DPI), distances in km or in
// metres of the display CRS as each field says, dates as ISO text (2019, 2019-10, 2019-10-17).
#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "mirador/geo/Classification.hpp"
#include "mirador/geo/CountTable.hpp"
#include "mirador/geo/DensityEngine.hpp"
#include "mirador/geo/DensityKernel.hpp"
#include "mirador/geo/DensityPoints.hpp"
#include "mirador/geo/IncidentCategory.hpp"
#include "mirador/geo/IncidentSource.hpp"
#include "mirador/geo/LayerLoader.hpp"
#include "mirador/geo/Projector.hpp"
#include "mirador/geo/TimeWindow.hpp"
#include "mirador/geo/Triangulator.hpp"
#include "mirador/stats/HotspotAnalysis.hpp"
#include "mirador/stats/Significance.hpp"
#include "document/RampId.hpp"

namespace mirador::doc {

// ---------------------------------------------------------------- sources

// The geography: municipal polygons, state names, and the tables that place names and give rates.
struct BoundarySource {
    std::string path;          // municipal layer (any OGR polygon source); empty: the bundled GeoPackage
    std::string layer;         // layer inside it; empty: its only one
    std::string states_path;   // state names; empty: found beside the municipalities
    std::string states_layer;
    std::string source_crs;    // CRS of a file that declares none (EPSG:XXXX); empty: refuse such a file
    geo::FieldNames fields;    // attribute names (INEGI's by default)
    bool allow_partial = false;  // load what can be read of a damaged layer
    geo::TriangulationMethod triangulation = geo::TriangulationMethod::EarClip;
    std::string gazetteer;     // localities CSV for place names; empty: the default one
    std::string population;    // CVEGEO,POB_TOTAL; empty: the default one
    bool operator==(const BoundarySource&) const = default;
};

// An official count table (counts per municipality or state and month: INEGI's homicides,
// SESNSP's crime incidence), read as geo/CountTable.hpp says.
struct CountSource {
    std::string path;
    geo::CountLayout layout = geo::CountLayout::Auto;
    std::string mapping;  // long layout: a file of `field=column` lines; empty: columns by their usual names
    bool operator==(const CountSource&) const = default;
};

struct Sources {
    BoundarySource boundaries;
    // Incident catalogues; layers name one by its index here. Version 1 draws the first.
    std::vector<geo::IncidentSource> incidents;
    // Count tables. A map counts from one source: the first table when there is one (the
    // choropleth, ranking, time bar and hot spots; a table has no positions, so no points or
    // heatmap), otherwise the first incident catalogue.
    std::vector<CountSource> counts;
    bool operator==(const Sources&) const = default;
};

// ---------------------------------------------------------------- layer styles

enum class ChoroplethMeasure : std::uint8_t { None, Incidents, Fatalities, Rate };

// The municipalities' fill: the state palette, or a choropleth of the incidents.
struct FillStyle {
    ChoroplethMeasure measure = ChoroplethMeasure::None;  // None: each state in its own quiet colour
    geo::ClassMethod method = geo::ClassMethod::Quantiles;
    int classes = 5;
    bool by_state = false;  // one value per state instead of per municipality
    bool operator==(const FillStyle&) const = default;
};

enum class DensityEngineChoice : std::uint8_t { Auto, Cpu, Gpu };

// The incidents' kernel density surface.
struct HeatmapStyle {
    geo::KernelShape kernel = geo::KernelShape::Quartic;
    double radius_km = 25;
    geo::DensityWeight weight = geo::DensityWeight::Count;
    geo::NormalizeMode normalize = geo::NormalizeMode::Fixed;
    double domain_min = 0, domain_max = 1;  // per km², for normalize = domain
    RampId ramp = RampId::Inferno;
    float threshold = 0.02f;  // share of the scale's top at or below which the surface is transparent
    DensityEngineChoice engine = DensityEngineChoice::Auto;
    geo::KernelSpec kernel_spec() const { return {kernel, radius_km * 1000.0}; }
    bool operator==(const HeatmapStyle&) const = default;
};

struct BorderStyle {
    bool municipalities = true;
    bool states = true;
    bool operator==(const BorderStyle&) const = default;
};

struct PointStyle {
    float size_px = 3.0f;  // a disc's radius for one incident without fatalities; area grows with the count
    bool operator==(const PointStyle&) const = default;
};

struct LabelStyle {
    bool states = true;
    bool municipalities = true;  // where they fit, when zoomed in
    bool operator==(const LabelStyle&) const = default;
};

// Hot spot statistics of the incidents per municipality, drawn as a fill (in place of the fill
// layer's colours while visible): Gi* hot/cold classes, LISA clusters, or emerging hot spots.
enum class HotspotMapKind : std::uint8_t { GiStar, Lisa, Emerging };
enum class NeighbourRule : std::uint8_t { Queen, Rook, Knn };
enum class HotspotPeriod : std::uint8_t { Month, Quarter, Year };

struct HotspotStyle {
    HotspotMapKind map = HotspotMapKind::GiStar;
    stats::HotspotValue value = stats::HotspotValue::Count;
    NeighbourRule neighbours = NeighbourRule::Queen;
    int knn_k = 8;  // neighbours = knn
    int permutations = 999;
    stats::PValueRule p_rule = stats::PValueRule::Folded;
    stats::Correction correction = stats::Correction::None;
    float alpha = 0.05f;
    HotspotPeriod period = HotspotPeriod::Year;  // emerging hot spots: the space-time cube's step
    int time_lags = 1;                           // emerging hot spots: periods back in time
    bool operator==(const HotspotStyle&) const = default;
};

enum class LayerKind : std::uint8_t { Fill, Heatmap, Borders, Points, Labels, Hotspots };
inline constexpr int kLayerKindCount = 6;
using LayerStyle = std::variant<FillStyle, HeatmapStyle, BorderStyle, PointStyle, LabelStyle, HotspotStyle>;

struct Layer {
    LayerStyle style;  // its kind is the style's
    bool visible = true;
    float opacity = 1.0f;
    int source = 0;  // index into Sources::incidents, for the layers drawn from incidents
    LayerKind kind() const { return static_cast<LayerKind>(style.index()); }
    bool operator==(const Layer&) const = default;
};

// ---------------------------------------------------------------- filters, time, view

// Which incidents count, in every layer, count and table.
struct Filters {
    std::optional<geo::IncidentCategory> category;  // none: all
    std::string actor;                 // part of an actor's name, accents and case ignored; empty: all
    std::uint32_t min_fatalities = 0;
    std::string text;                  // part of place, id, notes, source or actors; empty: all
    // A count table's rows: "COLUMN=VALUE" on its category columns (accents and case ignored),
    // all of them holding. The incident filters above do not apply to a table.
    std::vector<std::string> table;
    bool operator==(const Filters&) const = default;
};

// The time window every layer shows. `from`..`to` is the current window exactly (a snapshot of
// 5-20 October 2019 stays that); `window` is the kind of window the slider steps through (a
// month, a quarter, 16 days, cumulative ...), and stepping moves to the next window of that kind.
struct TimeSettings {
    bool all_time = true;  // true: every incident, whatever its date; from/to are then ignored
    geo::WindowSpec window;
    std::string from, to;  // ISO days of the current window, both inclusive (2019-10-01, 2019-10-31)
    double speed = 2.0;    // windows per second while playing
    bool loop = false;
    bool operator==(const TimeSettings&) const = default;
};

// What part of the map is shown: an extent, kept whole (and fitted to the shape of the window or
// image showing it).
struct Extent {
    double center_lon = 0, center_lat = 0;  // degrees
    double width_m = 0, height_m = 0;        // display-CRS metres
    bool operator==(const Extent&) const = default;
};

struct View {
    geo::DisplayCrs crs = geo::DisplayCrs::Mexico6372;
    std::optional<Extent> extent;  // none: all of the boundaries
    bool operator==(const View&) const = default;
};

// ---------------------------------------------------------------- furniture

enum class Corner : std::uint8_t { TopLeft, TopRight, BottomLeft, BottomRight };

struct Placement {
    Corner corner = Corner::TopLeft;
    float offset_x = 10, offset_y = 10;  // pixels in from that corner
    bool operator==(const Placement&) const = default;
};

struct TitleBlock {
    bool visible = false;
    std::string title;
    std::string subtitle;  // empty: the time window ("October 2019")
    Placement placement{Corner::TopLeft, 10, 10};
    bool operator==(const TitleBlock&) const = default;
};

struct FurnitureItem {
    bool visible = false;
    Placement placement;
    bool operator==(const FurnitureItem&) const = default;
};

struct Attribution {
    bool visible = true;
    std::string text;  // added to the automatic credits (INEGI, each incident source's name)
    Placement placement{Corner::BottomRight, 10, 10};
    bool operator==(const Attribution&) const = default;
};

struct Furniture {
    TitleBlock title;
    FurnitureItem legends{true, {Corner::BottomLeft, 10, 10}};  // one per visible layer
    FurnitureItem scale_bar{false, {Corner::BottomRight, 10, 40}};
    FurnitureItem north_arrow{false, {Corner::TopRight, 10, 10}};
    Attribution attribution;
    FurnitureItem export_date{false, {Corner::BottomRight, 10, 70}};
    bool operator==(const Furniture&) const = default;
};

// ---------------------------------------------------------------- slides

// A time playback a slide runs while it is shown.
struct SlidePlayback {
    bool enabled = false;
    std::string from, to;  // ISO dates; the windows between them are played
    double speed = 2.0;    // windows per second
    bool operator==(const SlidePlayback&) const = default;
};

struct Slide {
    std::string name;
    std::string title;  // shown in the title block while the slide is
    std::string notes;  // the presenter's
    View view;
    std::vector<Layer> layers;
    Filters filters;
    TimeSettings time;
    SlidePlayback playback;
    bool operator==(const Slide&) const = default;
};

// ---------------------------------------------------------------- the document

struct MapDocument {
    Sources sources;
    std::vector<Layer> layers = default_layers();  // bottom to top
    Filters filters;
    TimeSettings time;
    View view;
    Furniture furniture;
    std::vector<Slide> slides;
    bool operator==(const MapDocument&) const = default;

    // Fill, hot spots (hidden), heatmap (hidden), borders, points, labels.
    static std::vector<Layer> default_layers();
    // The first layer of this kind, or null.
    Layer* find(LayerKind kind);
    const Layer* find(LayerKind kind) const;
    // Its style, assuming the kind is present (default_layers() has every kind).
    template <class Style>
    Style& style_of() {
        for (Layer& l : layers)
            if (auto* s = std::get_if<Style>(&l.style)) return *s;
        layers.push_back(Layer{Style{}, false});
        return std::get<Style>(layers.back().style);
    }
    template <class Style>
    const Style* style_of() const {
        for (const Layer& l : layers)
            if (auto* s = std::get_if<Style>(&l.style)) return s;
        return nullptr;
    }
};

const char* to_string(LayerKind kind);  // "fill", "heatmap", "boundaries", "points", "labels", "hotspots"

}  // namespace mirador::doc
