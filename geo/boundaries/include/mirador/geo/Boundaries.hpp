#pragma once
// Mexico's administrative boundaries as the viewer uses them: the municipal layer (drawn,
// indexed, searched) plus per-state facts derived from it (names, label anchors, extents).
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "mirador/geo/LayerLoader.hpp"
#include "mirador/geo/SpatialIndex.hpp"
#include "mirador/geo/StateBorders.hpp"
#include "mirador/geo/Triangulator.hpp"

namespace mirador::geo {

struct BoundarySources {
    std::string municipalities_path;
    std::string municipalities_layer;  // empty: the first layer
    std::string states_path;           // optional: state names; empty = INEGI catalogue
    std::string states_layer;
    FieldNames fields;
    DisplayCrs display_crs = DisplayCrs::Mexico6372;
    std::string assume_source_crs;     // see LayerLoadOptions
    bool allow_partial = false;        // see LayerLoadOptions
    TriangulationMethod triangulation = TriangulationMethod::EarClip;
    // Set by callers that draw one view at one scale (a snapshot): given the municipalities'
    // layer (its extent and CRS), the view's metres per pixel. Only the detail level drawn at that scale is then
    // triangulated (the finer ones are made only as steps towards it, the coarser not at all),
    // so `levels` holds that one level. Unset: every level, for a view that zooms.
    std::function<double(const PolygonLayer& municipalities)> single_scale;
};

// A detail level is drawn while its snapping cell is at most this many pixels: it moves borders
// by at most ~0.7 of its cell (fine snapping 0.09, arc thinning 0.6), so at most 1.2 px at the
// switch and less zoomed out.
inline constexpr double kLevelCellPixels = 1.7;

struct StateInfo {
    std::string code;  // CVE_ENT
    std::string name;        // as the state layer (or INEGI's catalogue) writes it
    std::string short_name;  // what maps print: "Michoacán" for "Michoacán de Ocampo"
    Vec2 label_anchor;  // inside the state, display CRS
    BBox bbox;
    double area_m2 = 0;
    std::vector<std::uint32_t> municipalities;
};

// One level of detail for drawing (see SnapSimplify.hpp); level 0 is the full geometry.
struct DetailLevel {
    double cell_m = 0;   // snapping cell; 0 for full detail
    PolygonLayer layer;  // same features and order as Boundaries::municipalities
    Triangulation triangles;
    BorderEdges borders;
};

struct Boundaries {
    PolygonLayer municipalities;
    std::vector<StateInfo> states;             // ordered by code
    std::vector<int> municipality_state;       // index into states
    std::vector<Vec2> municipality_anchor;     // label / fly-to point inside each municipality
    SpatialIndex index;                        // over `municipalities`
    std::vector<DetailLevel> levels;           // finest first
    std::vector<std::string> warnings;

    const StateInfo* state_of(std::size_t municipality) const {
        const int s = municipality_state[municipality];
        return s < 0 ? nullptr : &states[static_cast<std::size_t>(s)];
    }
    long state_index(const std::string& code) const;
    // Municipality containing a point in the display CRS, or -1.
    long locate(Vec2 p) const { return index.locate(p); }
};

// Loads, reprojects, triangulates and indexes. Boundaries hold internal pointers between
// their parts, hence the unique_ptr: they never move once built.
[[nodiscard]] Result<std::unique_ptr<Boundaries>> load_boundaries(const BoundarySources& sources);

// The parts of load_boundaries, for callers (benchmarks, tests) that bring their own layer.
// `metres_per_pixel` > 0: only the level drawn at that scale (see BoundarySources::single_scale).
std::unique_ptr<Boundaries> build_boundaries(PolygonLayer municipalities, const PolygonLayer* states,
                                             TriangulationMethod method, double metres_per_pixel = 0);

// Area-weighted centroid of a feature (may lie outside a concave feature).
Vec2 feature_centroid(const PolygonLayer& layer, std::size_t feature);
// A point guaranteed inside the feature's largest polygon (GEOS interior point).
Vec2 feature_interior_point(const PolygonLayer& layer, std::size_t feature);

}  // namespace mirador::geo
