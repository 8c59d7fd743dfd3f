#include "mirador/geo/Boundaries.hpp"

#include <geos_c.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <optional>


#include "GeosPolygon.hpp"
#include "mirador/geo/SnapSimplify.hpp"
#include "mirador/geo/StateCatalog.hpp"

namespace mirador::geo {

long Boundaries::state_index(const std::string& code) const {
    for (std::size_t i = 0; i < states.size(); ++i)
        if (states[i].code == code) return static_cast<long>(i);
    return -1;
}

Vec2 feature_centroid(const PolygonLayer& layer, std::size_t f) {
    double sx = 0, sy = 0, sa = 0;
    const std::uint32_t r0 = layer.polygon_first_ring[layer.feature_first_polygon[f]];
    const std::uint32_t r1 = layer.polygon_first_ring[layer.feature_first_polygon[f + 1]];
    if (r0 == r1) return layer.feature_bbox[f].center();
    const Vec2 o = layer.vertices[layer.ring_first_vertex[r0]];
    for (std::uint32_t r = r0; r < r1; ++r) {
        const std::uint32_t b = layer.ring_first_vertex[r], e = layer.ring_first_vertex[r + 1];
        for (std::uint32_t i = b; i < e; ++i) {
            const Vec2 p{layer.vertices[i].x - o.x, layer.vertices[i].y - o.y};
            const Vec2& qn = layer.vertices[i + 1 == e ? b : i + 1];
            const Vec2 q{qn.x - o.x, qn.y - o.y};
            const double cross = p.x * q.y - q.x * p.y;
            sa += cross;
            sx += (p.x + q.x) * cross;
            sy += (p.y + q.y) * cross;
        }
    }
    if (sa == 0) return layer.feature_bbox[f].center();
    return {o.x + sx / (3 * sa), o.y + sy / (3 * sa)};
}

Vec2 feature_interior_point(const PolygonLayer& layer, std::size_t f) {
    // Largest polygon by outer-ring area.
    std::uint32_t best = layer.feature_first_polygon[f];
    double best_area = -1;
    for (std::uint32_t p = layer.feature_first_polygon[f]; p < layer.feature_first_polygon[f + 1]; ++p) {
        const double a = std::abs(layer.ring_signed_area(layer.polygon_first_ring[p]));
        if (a > best_area) best_area = a, best = p;
    }
    if (best_area < 0) return layer.feature_bbox[f].center();
    GEOSContextHandle_t h = GEOS_init_r();
    GEOSGeometry* poly = to_geos_polygon(h, layer, best);
    Vec2 out = layer.feature_bbox[f].center();
    if (GEOSGeometry* pt = GEOSPointOnSurface_r(h, poly)) {
        GEOSGeomGetX_r(h, pt, &out.x);
        GEOSGeomGetY_r(h, pt, &out.y);
        GEOSGeom_destroy_r(h, pt);
    }
    GEOSGeom_destroy_r(h, poly);
    GEOS_finish_r(h);
    return out;
}

namespace {

void derive_states(Boundaries& b, const PolygonLayer* state_layer) {
    std::map<std::string, std::vector<std::uint32_t>> by_state;
    for (std::size_t f = 0; f < b.municipalities.feature_count(); ++f)
        by_state[b.municipalities.attributes[f].state_code].push_back(static_cast<std::uint32_t>(f));

    b.municipality_state.assign(b.municipalities.feature_count(), -1);
    for (auto& [code, members] : by_state) {
        StateInfo s;
        s.code = code;
        if (state_layer) {
            const long i = state_layer->find_code(code);
            if (i >= 0) s.name = state_layer->attributes[static_cast<std::size_t>(i)].name;
        }
        const StateEntry* catalog = find_state_by_code(code);
        if (s.name.empty()) s.name = catalog ? std::string(catalog->name) : "State " + code;
        // The short form only where the file agrees with INEGI's name for that code: a
        // layer with other units under the same codes keeps its own names.
        s.short_name = (catalog && catalog->name == s.name) ? std::string(catalog->short_name) : s.name;
        double sx = 0, sy = 0;
        std::uint32_t largest = members.front();
        double largest_area = -1;
        for (std::uint32_t m : members) {
            const double a = b.municipalities.feature_area(m);
            const Vec2 c = feature_centroid(b.municipalities, m);
            sx += c.x * a;
            sy += c.y * a;
            s.area_m2 += a;
            s.bbox.add(b.municipalities.feature_bbox[m]);
            if (a > largest_area) largest_area = a, largest = m;
            b.municipality_state[m] = static_cast<int>(b.states.size());
        }
        s.label_anchor = s.area_m2 > 0 ? Vec2{sx / s.area_m2, sy / s.area_m2} : s.bbox.center();
        // A crescent-shaped state (Guerrero's coast, Baja California) can have its centroid
        // outside; then anchor the label in its largest municipality instead.
        const long at = b.index.locate(s.label_anchor);
        if (at < 0 || b.municipalities.attributes[static_cast<std::size_t>(at)].state_code != code)
            s.label_anchor = feature_interior_point(b.municipalities, largest);
        s.municipalities = std::move(members);
        b.states.push_back(std::move(s));
    }
}

// `snapped` is empty for level 0, which draws `full` itself.
DetailLevel make_level(const PolygonLayer& full, PolygonLayer snapped, double cell, TriangulationMethod method) {
    DetailLevel lv;
    lv.cell_m = cell;
    lv.layer = std::move(snapped);
    const PolygonLayer& src = cell > 0 ? lv.layer : full;
    lv.triangles = triangulate(src, method);
    lv.borders = classify_borders(src);
    return lv;
}

}  // namespace

std::unique_ptr<Boundaries> build_boundaries(PolygonLayer municipalities, const PolygonLayer* states,
                                             TriangulationMethod method, double metres_per_pixel) {
    auto b = std::make_unique<Boundaries>();
    b->municipalities = std::move(municipalities);
    b->index = SpatialIndex(b->municipalities);
    derive_states(*b, states);
    const auto& m = b->municipalities;
    b->municipality_anchor.resize(m.feature_count());
    for (std::size_t f = 0; f < m.feature_count(); ++f) {
        const Vec2 c = feature_centroid(m, f);
        b->municipality_anchor[f] = b->index.locate(c) == static_cast<long>(f) ? c : feature_interior_point(m, f);
    }

    // One scale: the renderer draws the coarsest level whose cell is at most kLevelCellPixels
    // pixels, so the chain stops there and only that level is triangulated.
    const bool every_level = !(metres_per_pixel > 0);
    const double largest_cell = every_level ? HUGE_VAL : kLevelCellPixels * metres_per_pixel;
    if (every_level) b->levels.push_back(make_level(b->municipalities, {}, 0, method));
    std::optional<PolygonLayer> coarsest;  // one scale: the coarsest simplified layer so far
    double coarsest_cell = 0;
    // Each coarser level must shed a quarter of the vertices of the previous one to be worth
    // its memory.
    std::size_t kept_vertices = b->municipalities.vertices.size();
    b->levels.reserve(5);  // `previous` points into it
    const PolygonLayer* previous = &b->municipalities;
    for (double cell : {100.0, 400.0, 1600.0, 3200.0}) {
        if (cell > largest_cell) break;
        // Snap to a fine grid (so nearly coincident neighbours share vertices), then
        // Douglas-Peucker on the shared arcs: error about 0.1 + 0.6 of a cell, and far fewer
        // vertices than snapping to the whole cell, which keeps one per cell crossed. Each
        // level starts from the previous one (errors add up to under 0.9 of a cell), so only
        // the first pass sees every vertex.
        PolygonLayer probe = simplify_shared_arcs(snap_to_grid(*previous, cell / 8), 0.6 * cell);
        if (probe.vertices.size() > kept_vertices * 3 / 4) continue;
        kept_vertices = probe.vertices.size();
        if (every_level) {
            b->levels.push_back(make_level(b->municipalities, std::move(probe), cell, method));
            previous = &b->levels.back().layer;
        } else {
            coarsest = std::move(probe);  // `previous` is done with
            coarsest_cell = cell;
            previous = &*coarsest;
        }
    }
    if (!every_level)
        b->levels.push_back(coarsest ? make_level(b->municipalities, std::move(*coarsest), coarsest_cell, method)
                                     : make_level(b->municipalities, {}, 0, method));
    // Problems of the data as it is (full detail); a simplified level's are the simplification's,
    // which would only confuse (one scale may have no full-detail level to report).
    if (b->levels.front().cell_m == 0)
        for (const auto& p : b->levels.front().triangles.problems) b->warnings.push_back(p);
    return b;
}

Result<std::unique_ptr<Boundaries>> load_boundaries(const BoundarySources& src) {
    std::vector<std::string> warnings;
    LayerLoadOptions mun;
    mun.path = src.municipalities_path;
    mun.layer = src.municipalities_layer;
    mun.fields = src.fields;
    mun.display_crs = src.display_crs;
    mun.assume_source_crs = src.assume_source_crs;
    mun.allow_partial = src.allow_partial;
    auto municipalities = load_polygon_layer(mun, &warnings);
    if (!municipalities) return make_error(municipalities.error());

    std::optional<PolygonLayer> states;
    if (!src.states_path.empty()) {
        LayerLoadOptions st = mun;
        st.path = src.states_path;
        st.layer = src.states_layer;
        st.fields.local_code.clear();
        auto loaded = load_polygon_layer(st, &warnings);
        if (loaded)
            states = std::move(loaded).value();
        else
            warnings.push_back(loaded.error() + "; state names taken from INEGI's catalogue");
    }
    const double metres_per_pixel = src.single_scale ? src.single_scale(*municipalities) : 0;
    auto b = build_boundaries(std::move(municipalities).value(), states ? &*states : nullptr, src.triangulation,
                              metres_per_pixel);
    b->warnings.insert(b->warnings.begin(), warnings.begin(), warnings.end());
    return b;
}

}  // namespace mirador::geo
