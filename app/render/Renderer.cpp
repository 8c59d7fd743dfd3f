#include "render/Renderer.hpp"

#include <glad/gl.h>

#include <algorithm>
#include <cmath>
#include <optional>

#include "render/EmbeddedShaders.hpp"
#include "render/GlUtil.hpp"
#include "render/HeatmapPass.hpp"
#include "render/PointsPass.hpp"

namespace mirador {

namespace {

// A run of consecutive features, as ranges into one level's index and segment buffers.
struct FeatureRanges {
    std::vector<std::uint32_t> index_first, segment_first, state_segment_first;  // size n+1 each
};

struct LevelBuffers {
    double cell_m = 0;
    GLuint vao_fill = 0, vbo_pos = 0, vbo_feature = 0, ebo = 0;
    GLuint vao_lines = 0, vbo_segments = 0;        // every border once
    GLuint vao_state = 0, vbo_state_segments = 0;  // state borders and coasts
    std::size_t segment_count = 0, state_segment_count = 0;
    FeatureRanges ranges;
};

struct Run {
    std::uint32_t first_feature, end_feature;
};

void release(LevelBuffers& l) {
    GLuint bufs[] = {l.vbo_pos, l.vbo_feature, l.ebo, l.vbo_segments, l.vbo_state_segments};
    glDeleteBuffers(5, bufs);
    GLuint vaos[] = {l.vao_fill, l.vao_lines, l.vao_state};
    glDeleteVertexArrays(3, vaos);
}

}  // namespace

struct Renderer::Impl {
    GLuint fill_program = 0, line_program = 0, thin_program = 0;
    GLint thin_center = -1, thin_scale = -1, thin_color = -1;
    GLint fill_center = -1, fill_scale = -1, fill_colors = -1, fill_hovered = -1, fill_selected = -1,
          fill_opacity = -1;
    GLint line_center = -1, line_scale = -1, line_viewport = -1, line_half_width = -1, line_color = -1;
    GLuint color_buffer = 0, color_texture = 0;
    std::vector<LevelBuffers> levels;
    std::vector<geo::BBox> feature_bbox;
    geo::Vec2 origin;  // subtracted from every vertex before it becomes a float
    const geo::Boundaries* boundaries = nullptr;
    std::optional<PointsPass> points;
    std::optional<HeatmapPass> heatmap;
    geo::DisplayCrs display_crs = geo::DisplayCrs::Mexico6372;
    geo::GridSpec heat_grid;  // the mesh was built for this grid
    bool heat_mesh_valid = false;
    void set_heat_mesh(const geo::GridSpec& g);

    // Outline of the hovered / selected municipality, rebuilt when they change.
    GLuint vao_highlight = 0, vbo_highlight = 0;
    GLuint vao_hairline = 0;  // attribute 0 without divisor, pointed at a segment buffer per draw
    long highlight_hovered = -2, highlight_selected = -2;
    std::size_t hovered_segments = 0, selected_segments = 0;

    ~Impl() {
        for (auto& l : levels) release(l);
        glDeleteProgram(fill_program);
        glDeleteProgram(line_program);
        glDeleteProgram(thin_program);
        glDeleteBuffers(1, &color_buffer);
        glDeleteTextures(1, &color_texture);
        glDeleteBuffers(1, &vbo_highlight);
        glDeleteVertexArrays(1, &vao_highlight);
        glDeleteVertexArrays(1, &vao_hairline);
    }

    void append_segments(const geo::PolygonLayer& layer, long feature, std::vector<float>& out) const {
        if (feature < 0) return;
        const auto f = static_cast<std::size_t>(feature);
        const std::uint32_t r0 = layer.polygon_first_ring[layer.feature_first_polygon[f]];
        const std::uint32_t r1 = layer.polygon_first_ring[layer.feature_first_polygon[f + 1]];
        for (std::uint32_t r = r0; r < r1; ++r) {
            const std::uint32_t b = layer.ring_first_vertex[r], e = layer.ring_first_vertex[r + 1];
            for (std::uint32_t v = b; v < e; ++v) {
                const geo::Vec2 p = layer.vertices[v], q = layer.vertices[v + 1 == e ? b : v + 1];
                out.insert(out.end(), {float(p.x - origin.x), float(p.y - origin.y), float(q.x - origin.x),
                                       float(q.y - origin.y)});
            }
        }
    }

    void update_highlight(long hovered, long selected) {
        if (hovered == highlight_hovered && selected == highlight_selected) return;
        highlight_hovered = hovered;
        highlight_selected = selected;
        std::vector<float> data;
        append_segments(boundaries->municipalities, selected, data);
        selected_segments = data.size() / 4;
        if (hovered != selected) append_segments(boundaries->municipalities, hovered, data);
        hovered_segments = data.size() / 4 - selected_segments;
        glBindBuffer(GL_ARRAY_BUFFER, vbo_highlight);
        glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(data.size() * sizeof(float)), data.data(), GL_DYNAMIC_DRAW);
    }
};

geo::Result<std::unique_ptr<Renderer>> Renderer::create() {
    std::unique_ptr<Renderer> r(new Renderer());
    r->impl_ = std::make_unique<Impl>();
    Impl& m = *r->impl_;
    auto fill = gl::compile_program(shaders::fill_vert, shaders::fill_frag, "fill");
    if (!fill) return geo::make_error(fill.error());
    auto line = gl::compile_program(shaders::line_vert, shaders::line_frag, "line");
    if (!line) return geo::make_error(line.error());
    auto thin = gl::compile_program(shaders::thinline_vert, shaders::thinline_frag, "thinline");
    if (!thin) return geo::make_error(thin.error());
    m.fill_program = *fill;
    m.line_program = *line;
    m.thin_program = *thin;
    m.thin_center = glGetUniformLocation(m.thin_program, "u_center");
    m.thin_scale = glGetUniformLocation(m.thin_program, "u_scale");
    m.thin_color = glGetUniformLocation(m.thin_program, "u_color");
    m.fill_center = glGetUniformLocation(m.fill_program, "u_center");
    m.fill_scale = glGetUniformLocation(m.fill_program, "u_scale");
    m.fill_colors = glGetUniformLocation(m.fill_program, "u_colors");
    m.fill_hovered = glGetUniformLocation(m.fill_program, "u_hovered");
    m.fill_selected = glGetUniformLocation(m.fill_program, "u_selected");
    m.fill_opacity = glGetUniformLocation(m.fill_program, "u_opacity");
    m.line_center = glGetUniformLocation(m.line_program, "u_center");
    m.line_scale = glGetUniformLocation(m.line_program, "u_scale");
    m.line_viewport = glGetUniformLocation(m.line_program, "u_viewport");
    m.line_half_width = glGetUniformLocation(m.line_program, "u_half_width");
    m.line_color = glGetUniformLocation(m.line_program, "u_color");
    glGenBuffers(1, &m.color_buffer);
    glGenTextures(1, &m.color_texture);

    glGenVertexArrays(1, &m.vao_highlight);
    glGenBuffers(1, &m.vbo_highlight);
    glBindVertexArray(m.vao_highlight);
    glBindBuffer(GL_ARRAY_BUFFER, m.vbo_highlight);
    glEnableVertexAttribArray(0);
    glVertexAttribPointer(0, 4, GL_FLOAT, GL_FALSE, 16, nullptr);
    glVertexAttribDivisor(0, 1);
    auto points = PointsPass::create();
    if (!points) return geo::make_error(points.error());
    m.points.emplace(std::move(points).value());
    auto heat = HeatmapPass::create();
    if (!heat) return geo::make_error(heat.error());
    m.heatmap.emplace(std::move(heat).value());
    glGenVertexArrays(1, &m.vao_hairline);
    glBindVertexArray(m.vao_hairline);
    glEnableVertexAttribArray(0);
    glBindVertexArray(0);
    return r;
}

Renderer::~Renderer() = default;

namespace {

GLuint make_segment_vao(GLuint& vbo, const geo::PolygonLayer& layer, const std::vector<std::uint32_t>& edges,
                        const std::vector<std::uint32_t>& next, geo::Vec2 origin) {
    std::vector<float> data;
    data.reserve(edges.size() * 4);
    for (std::uint32_t e : edges) {
        const geo::Vec2 a = layer.vertices[e], b = layer.vertices[next[e]];
        data.insert(data.end(), {float(a.x - origin.x), float(a.y - origin.y), float(b.x - origin.x), float(b.y - origin.y)});
    }
    GLuint vao = 0;
    glGenVertexArrays(1, &vao);
    glGenBuffers(1, &vbo);
    glBindVertexArray(vao);
    glBindBuffer(GL_ARRAY_BUFFER, vbo);
    glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(data.size() * sizeof(float)), data.data(), GL_STATIC_DRAW);
    glEnableVertexAttribArray(0);
    glVertexAttribPointer(0, 4, GL_FLOAT, GL_FALSE, 16, nullptr);
    glVertexAttribDivisor(0, 1);
    glBindVertexArray(0);
    return vao;
}

// first[f] = position of feature f's first edge in `edges` (edges are grouped by feature
// because edge ids follow vertex order, and vertices follow feature order).
std::vector<std::uint32_t> edge_feature_starts(const geo::PolygonLayer& layer, const std::vector<std::uint32_t>& edges) {
    const std::size_t n = layer.feature_count();
    std::vector<std::uint32_t> first(n + 1, 0);
    std::size_t k = 0;
    for (std::size_t f = 0; f < n; ++f) {
        first[f] = static_cast<std::uint32_t>(k);
        const std::uint32_t end_vertex = layer.feature_vertex_end(f);
        while (k < edges.size() && edges[k] < end_vertex) ++k;
    }
    first[n] = static_cast<std::uint32_t>(edges.size());
    return first;
}

}  // namespace

void Renderer::upload(const geo::Boundaries& b) {
    Impl& m = *impl_;
    for (auto& l : m.levels) release(l);
    m.levels.clear();
    m.boundaries = &b;
    m.origin = b.municipalities.bbox.center();
    m.display_crs = b.municipalities.crs;
    m.heat_mesh_valid = false;
    m.feature_bbox = b.municipalities.feature_bbox;
    m.highlight_hovered = m.highlight_selected = -2;

    for (const auto& level : b.levels) {
        const geo::PolygonLayer& layer = level.cell_m > 0 ? level.layer : b.municipalities;
        LevelBuffers lb;
        lb.cell_m = level.cell_m;
        std::vector<float> pos(layer.vertices.size() * 2);
        std::vector<std::uint32_t> feature(layer.vertices.size());
        for (std::size_t i = 0; i < layer.vertices.size(); ++i) {
            pos[2 * i] = float(layer.vertices[i].x - m.origin.x);
            pos[2 * i + 1] = float(layer.vertices[i].y - m.origin.y);
        }
        for (std::size_t f = 0; f < layer.feature_count(); ++f) {
            std::fill(feature.begin() + layer.feature_vertex_begin(f), feature.begin() + layer.feature_vertex_end(f),
                      static_cast<std::uint32_t>(f));
        }
        glGenVertexArrays(1, &lb.vao_fill);
        glBindVertexArray(lb.vao_fill);
        glGenBuffers(1, &lb.vbo_pos);
        glBindBuffer(GL_ARRAY_BUFFER, lb.vbo_pos);
        glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(pos.size() * sizeof(float)), pos.data(), GL_STATIC_DRAW);
        glEnableVertexAttribArray(0);
        glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, 8, nullptr);
        glGenBuffers(1, &lb.vbo_feature);
        glBindBuffer(GL_ARRAY_BUFFER, lb.vbo_feature);
        glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(feature.size() * 4), feature.data(), GL_STATIC_DRAW);
        glEnableVertexAttribArray(1);
        glVertexAttribIPointer(1, 1, GL_UNSIGNED_INT, 4, nullptr);
        glGenBuffers(1, &lb.ebo);
        glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, lb.ebo);
        const auto& idx = level.triangles.indices;
        glBufferData(GL_ELEMENT_ARRAY_BUFFER, static_cast<GLsizeiptr>(idx.size() * 4), idx.data(), GL_STATIC_DRAW);
        glBindVertexArray(0);

        lb.vao_lines = make_segment_vao(lb.vbo_segments, layer, level.borders.all_edges, level.borders.next, m.origin);
        lb.vao_state = make_segment_vao(lb.vbo_state_segments, layer, level.borders.state_edges, level.borders.next, m.origin);
        lb.segment_count = level.borders.all_edges.size();
        lb.state_segment_count = level.borders.state_edges.size();
        lb.ranges.index_first = level.triangles.feature_first_index;
        lb.ranges.segment_first = edge_feature_starts(layer, level.borders.all_edges);
        lb.ranges.state_segment_first = edge_feature_starts(layer, level.borders.state_edges);
        m.levels.push_back(std::move(lb));
    }
}

void Renderer::set_feature_colors(const std::vector<std::uint32_t>& rgba) {
    Impl& m = *impl_;
    glBindBuffer(GL_TEXTURE_BUFFER, m.color_buffer);
    glBufferData(GL_TEXTURE_BUFFER, static_cast<GLsizeiptr>(rgba.size() * 4), rgba.data(), GL_DYNAMIC_DRAW);
    glBindTexture(GL_TEXTURE_BUFFER, m.color_texture);
    glTexBuffer(GL_TEXTURE_BUFFER, GL_RGBA8, m.color_buffer);
    glBindBuffer(GL_TEXTURE_BUFFER, 0);
}

void Renderer::upload_incidents(const geo::IncidentStore& store, const std::vector<geo::Vec2>& display_xy,
                                std::span<const std::uint8_t> hollow) {
    impl_->points->upload(store, display_xy, hollow, impl_->origin);
}

void Renderer::set_incident_visibility(const std::vector<std::uint8_t>& visible) { impl_->points->set_visibility(visible); }

void Renderer::set_incident_stacks(const std::vector<PointMarker>& markers) {
    impl_->points->set_stacks(markers, impl_->origin);
}

const char* to_string(MapLayer l) {
    switch (l) {
        case MapLayer::Fill: return "choropleth";
        case MapLayer::Heatmap: return "heatmap";
        case MapLayer::Borders: return "boundaries";
        case MapLayer::Points: return "points";
    }
    return "?";
}

void Renderer::Impl::set_heat_mesh(const geo::GridSpec& g) {
    if (heat_mesh_valid && heat_grid == g) return;
    // In its own CRS the grid is a rectangle; in another (Web Mercator) a 32 x 32 mesh
    // through PROJ keeps every cell where it belongs to well under a pixel.
    const std::string display = geo::crs_definition(display_crs);
    const int n = display == g.crs ? 1 : 32;
    std::vector<geo::Vec2> pos;
    for (int j = 0; j <= n; ++j)
        for (int i = 0; i <= n; ++i) pos.push_back({g.x0 + (g.x1() - g.x0) * i / n, g.y0 + (g.y1() - g.y0) * j / n});
    if (n > 1) {
        auto proj = geo::Projector::create(g.crs, display);
        if (proj) proj->forward(pos);
    }
    for (auto& p : pos) p = {p.x - origin.x, p.y - origin.y};
    heatmap->set_mesh(n, n, pos);
    heat_grid = g;
    heat_mesh_valid = true;
}

void Renderer::set_density(const geo::DensityGrid& grid) {
    impl_->set_heat_mesh(grid.spec);
    impl_->heatmap->set_density(grid);
}

void Renderer::set_density_texture(const geo::GridSpec& grid, unsigned texture) {
    impl_->set_heat_mesh(grid);
    impl_->heatmap->use_texture(texture);
}

void Renderer::set_heatmap_ramp(const std::array<std::uint32_t, 256>& rgba) { impl_->heatmap->set_ramp(rgba); }

void Renderer::clear_density() {
    impl_->heat_mesh_valid = false;
    impl_->heatmap->set_mesh(1, 1, {{0, 0}, {0, 0}, {0, 0}, {0, 0}});
}

int Renderer::level_for(double metres_per_pixel) const {
    // A level moves borders by at most ~0.7 of its cell (fine snapping 0.09, arc thinning
    // 0.6): with cells up to 1.7 px that is at most 1.2 px at the switch, less zoomed out.
    int best = 0;
    for (std::size_t i = 0; i < impl_->levels.size(); ++i)
        if (impl_->levels[i].cell_m <= 1.7 * metres_per_pixel) best = static_cast<int>(i);
    return best;
}

void Renderer::draw(const FrameParams& fp) {
    Impl& m = *impl_;
    const MapView& v = fp.view;
    glViewport(0, 0, v.width, v.height);
    glClearColor(fp.background.r, fp.background.g, fp.background.b, fp.background.a);
    glClear(GL_COLOR_BUFFER_BIT);
    stats_ = {};
    if (m.levels.empty()) return;

    glDisable(GL_DEPTH_TEST);
    glDisable(GL_CULL_FACE);
    glEnable(GL_BLEND);
    glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);

    const int li = level_for(v.metres_per_pixel);
    LevelBuffers& lv = m.levels[static_cast<std::size_t>(li)];
    stats_.level = li;
    stats_.level_cell_m = lv.cell_m;

    // Cull whole municipalities by bounding box and draw the visible ones as runs, so that
    // zooming into a city draws the city at full detail, not the country.
    const geo::BBox visible = v.visible();
    std::vector<Run> runs;
    for (std::uint32_t f = 0; f < m.feature_bbox.size(); ++f) {
        if (!m.feature_bbox[f].intersects(visible)) continue;
        ++stats_.visible_features;
        if (!runs.empty() && runs.back().end_feature == f)
            runs.back().end_feature = f + 1;
        else
            runs.push_back({f, f + 1});
    }

    const float cx = float(v.center.x - m.origin.x), cy = float(v.center.y - m.origin.y);
    const float sx = float(2.0 / (v.metres_per_pixel * v.width)), sy = float(2.0 / (v.metres_per_pixel * v.height));

    auto draw_fill = [&] {
        if (!fp.show_fill) return;
        // Opaque fills skip blending: on llvmpipe the read-modify-write of every covered
        // pixel is a good part of the fill's cost.
        if (fp.fill_opacity >= 1.0f) glDisable(GL_BLEND);
        glUseProgram(m.fill_program);
        glUniform2f(m.fill_center, cx, cy);
        glUniform2f(m.fill_scale, sx, sy);
        glUniform1i(m.fill_hovered, static_cast<int>(fp.hovered));
        glUniform1i(m.fill_selected, static_cast<int>(fp.selected));
        glUniform1f(m.fill_opacity, fp.fill_opacity);
        glActiveTexture(GL_TEXTURE0);
        glBindTexture(GL_TEXTURE_BUFFER, m.color_texture);
        glUniform1i(m.fill_colors, 0);
        glBindVertexArray(lv.vao_fill);
        std::vector<GLsizei> counts;
        std::vector<const void*> offsets;
        for (const Run& r : runs) {
            const std::uint32_t a = lv.ranges.index_first[r.first_feature], b = lv.ranges.index_first[r.end_feature];
            if (b == a) continue;
            counts.push_back(static_cast<GLsizei>(b - a));
            offsets.push_back(reinterpret_cast<const void*>(static_cast<std::uintptr_t>(a) * 4));
            stats_.triangles += (b - a) / 3;
        }
        if (!counts.empty())
            glMultiDrawElements(GL_TRIANGLES, counts.data(), GL_UNSIGNED_INT, offsets.data(),
                                static_cast<GLsizei>(counts.size()));
        glEnable(GL_BLEND);
    };

    auto use_line_program = [&] {
        glUseProgram(m.line_program);
    glUniform2f(m.line_center, cx, cy);
    glUniform2f(m.line_scale, sx, sy);
        glUniform2f(m.line_viewport, float(v.width), float(v.height));
    };
    auto draw_segments = [&](GLuint vao, GLuint vbo, const std::vector<std::uint32_t>& first, float width_px,
                             const Rgba& c) {
        glUniform1f(m.line_half_width, 0.5f * width_px * fp.pixel_scale);
        glUniform4f(m.line_color, c.r, c.g, c.b, c.a * fp.borders_opacity);
        glBindVertexArray(vao);
        glBindBuffer(GL_ARRAY_BUFFER, vbo);
        for (const Run& r : runs) {
            const std::uint32_t a = first[r.first_feature], b = first[r.end_feature];
            if (b == a) continue;
            // GL 3.3 has no base instance: move the attribute pointer to the run instead.
            glVertexAttribPointer(0, 4, GL_FLOAT, GL_FALSE, 16, reinterpret_cast<const void*>(static_cast<std::uintptr_t>(a) * 16));
            glDrawArraysInstanced(GL_TRIANGLE_STRIP, 0, 4, static_cast<GLsizei>(b - a));
            stats_.segments += b - a;
        }
    };
    // Hairlines, the same segment buffer read as GL_LINES vertex pairs.
    auto draw_hairlines = [&](GLuint vbo, const std::vector<std::uint32_t>& first, const Rgba& c) {
        glUseProgram(m.thin_program);
        glUniform2f(m.thin_center, cx, cy);
        glUniform2f(m.thin_scale, sx, sy);
        glUniform4f(m.thin_color, c.r, c.g, c.b, c.a * fp.borders_opacity);
        glBindVertexArray(m.vao_hairline);
        glBindBuffer(GL_ARRAY_BUFFER, vbo);
        glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, 8, nullptr);
        for (const Run& r : runs) {
            const std::uint32_t a = first[r.first_feature], b = first[r.end_feature];
            if (b == a) continue;
            glDrawArrays(GL_LINES, static_cast<GLint>(2 * a), static_cast<GLsizei>(2 * (b - a)));
            stats_.segments += b - a;
        }
        use_line_program();
    };
    auto draw_borders = [&] {
        use_line_program();
        if (fp.show_municipal_borders) {
            if (fp.municipal_border_px * fp.pixel_scale <= 1.0f)
                draw_hairlines(lv.vbo_segments, lv.ranges.segment_first, fp.municipal_border);
            else
                draw_segments(lv.vao_lines, lv.vbo_segments, lv.ranges.segment_first, fp.municipal_border_px,
                              fp.municipal_border);
        }
        if (fp.show_state_borders)
            draw_segments(lv.vao_state, lv.vbo_state_segments, lv.ranges.state_segment_first, fp.state_border_px,
                          fp.state_border);
    };

    for (MapLayer layer : fp.layer_order) {
        switch (layer) {
            case MapLayer::Fill: draw_fill(); break;
            case MapLayer::Heatmap: m.heatmap->draw(fp.heatmap, cx, cy, sx, sy); break;
            case MapLayer::Borders: draw_borders(); break;
            case MapLayer::Points: m.points->draw(fp, cx, cy, sx, sy); break;
        }
    }

    // The hovered and selected outlines stay on top of every layer.
    if (m.boundaries && (fp.hovered >= 0 || fp.selected >= 0)) {
        use_line_program();
        m.update_highlight(fp.hovered, fp.selected);
        glBindVertexArray(m.vao_highlight);
        glBindBuffer(GL_ARRAY_BUFFER, m.vbo_highlight);
        glVertexAttribPointer(0, 4, GL_FLOAT, GL_FALSE, 16, nullptr);
        if (m.selected_segments) {
            glUniform1f(m.line_half_width, 1.6f * fp.pixel_scale);
            glUniform4f(m.line_color, 0.85f, 0.35f, 0.05f, 1.0f);
            glDrawArraysInstanced(GL_TRIANGLE_STRIP, 0, 4, static_cast<GLsizei>(m.selected_segments));
        }
        if (m.hovered_segments) {
            glVertexAttribPointer(0, 4, GL_FLOAT, GL_FALSE, 16,
                                  reinterpret_cast<const void*>(static_cast<std::uintptr_t>(m.selected_segments) * 16));
            glUniform1f(m.line_half_width, 1.1f * fp.pixel_scale);
            glUniform4f(m.line_color, 0.05f, 0.05f, 0.05f, 0.9f);
            glDrawArraysInstanced(GL_TRIANGLE_STRIP, 0, 4, static_cast<GLsizei>(m.hovered_segments));
        }
    }
    glBindVertexArray(0);
    glUseProgram(0);
}

}  // namespace mirador
