#include "render/BoundaryGeometry.hpp"

#include <algorithm>

#include "render/gl/VertexInput.hpp"

namespace mirador {

namespace {

SegmentSet make_segments(const geo::PolygonLayer& layer, const std::vector<std::uint32_t>& edges,
                         const std::vector<std::uint32_t>& next, geo::Vec2 origin) {
    std::vector<float> data;
    data.reserve(edges.size() * 4);
    for (std::uint32_t e : edges) {
        const geo::Vec2 a = layer.vertices[e], b = layer.vertices[next[e]];
        data.insert(data.end(), {float(a.x - origin.x), float(a.y - origin.y), float(b.x - origin.x), float(b.y - origin.y)});
    }
    SegmentSet s;
    s.buffer = gl::Buffer::create();
    gl::buffer_data(GL_ARRAY_BUFFER, s.buffer, data, GL_STATIC_DRAW);
    // Edge ids follow vertex order and vertices follow feature order, so the edges come
    // grouped by feature: one pass finds where each feature's start.
    const std::size_t n = layer.feature_count();
    s.first.assign(n + 1, 0);
    std::size_t k = 0;
    for (std::size_t f = 0; f < n; ++f) {
        s.first[f] = static_cast<std::uint32_t>(k);
        const std::uint32_t end_vertex = layer.feature_vertex_end(f);
        while (k < edges.size() && edges[k] < end_vertex) ++k;
    }
    s.first[n] = static_cast<std::uint32_t>(edges.size());
    return s;
}

}  // namespace

void BoundaryGeometry::upload(const geo::Boundaries& b) {
    levels_.clear();
    origin_ = b.municipalities.bbox.center();
    feature_bbox_ = b.municipalities.feature_bbox;
    for (const auto& level : b.levels) {
        const geo::PolygonLayer& layer = level.cell_m > 0 ? level.layer : b.municipalities;
        LevelGeometry g;
        g.cell_m = level.cell_m;
        std::vector<float> pos(layer.vertices.size() * 2);
        std::vector<std::uint32_t> feature(layer.vertices.size());
        for (std::size_t i = 0; i < layer.vertices.size(); ++i) {
            pos[2 * i] = float(layer.vertices[i].x - origin_.x);
            pos[2 * i + 1] = float(layer.vertices[i].y - origin_.y);
        }
        for (std::size_t f = 0; f < layer.feature_count(); ++f)
            std::fill(feature.begin() + layer.feature_vertex_begin(f), feature.begin() + layer.feature_vertex_end(f),
                      static_cast<std::uint32_t>(f));
        g.fill_vao = gl::VertexArray::create();
        g.positions = gl::Buffer::create();
        g.features = gl::Buffer::create();
        g.indices = gl::Buffer::create();
        glBindVertexArray(g.fill_vao.id());
        gl::buffer_data(GL_ARRAY_BUFFER, g.positions, pos, GL_STATIC_DRAW);
        gl::point_attribute(g.positions, {0, 2, GL_FLOAT, false, 8});
        gl::buffer_data(GL_ARRAY_BUFFER, g.features, feature, GL_STATIC_DRAW);
        gl::point_attribute(g.features, {1, 1, GL_UNSIGNED_INT, true, 4});
        gl::buffer_data(GL_ELEMENT_ARRAY_BUFFER, g.indices, level.triangles.indices, GL_STATIC_DRAW);
        glBindVertexArray(0);
        g.index_first = level.triangles.feature_first_index;
        g.all_borders = make_segments(layer, level.borders.all_edges, level.borders.next, origin_);
        g.state_borders = make_segments(layer, level.borders.state_edges, level.borders.next, origin_);
        levels_.push_back(std::move(g));
    }
}

int BoundaryGeometry::level_for(double metres_per_pixel) const {
    // geo::kLevelCellPixels says why this cell size; geo::build_boundaries follows the same
    // rule when it makes only one level.
    int best = 0;
    for (std::size_t i = 0; i < levels_.size(); ++i)
        if (levels_[i].cell_m <= geo::kLevelCellPixels * metres_per_pixel) best = static_cast<int>(i);
    return best;
}

std::size_t BoundaryGeometry::visible_runs(const MapView& view, std::vector<FeatureRun>& runs) const {
    // Whole municipalities culled by bounding box and the rest drawn as runs, so that zooming
    // into a city draws the city at full detail, not the country.
    runs.clear();
    const geo::BBox visible = view.visible();
    std::size_t count = 0;
    for (std::uint32_t f = 0; f < feature_bbox_.size(); ++f) {
        if (!feature_bbox_[f].intersects(visible)) continue;
        ++count;
        if (!runs.empty() && runs.back().end_feature == f) runs.back().end_feature = f + 1;
        else runs.push_back({f, f + 1});
    }
    return count;
}

}  // namespace mirador
