#include "render/Renderer.hpp"

#include <optional>

#include "render/BordersPass.hpp"
#include "render/FillPass.hpp"
#include "render/GlUtil.hpp"
#include "render/HeatmapPass.hpp"
#include "render/HighlightPass.hpp"
#include "render/PointsPass.hpp"
#include "render/SegmentStroke.hpp"
#include "render/gl/StateGuard.hpp"

namespace mirador {

struct Renderer::Impl {
    BoundaryGeometry geometry;
    // The passes keep a pointer to the stroke: the Impl lives on the heap and never moves.
    std::optional<SegmentStroke> stroke;
    std::optional<FillPass> fill;
    std::optional<BordersPass> borders;
    std::optional<HeatmapPass> heatmap;
    std::optional<PointsPass> points;
    std::optional<HighlightPass> highlight;
    std::vector<FeatureRun> runs;  // the frame's features on screen, kept to reuse its memory
    geo::DisplayCrs display_crs = geo::DisplayCrs::Mexico6372;
    geo::GridSpec heat_grid;  // the heatmap's mesh was built for this grid
    bool heat_mesh_valid = false;
    void set_heat_mesh(const geo::GridSpec& g);
};

namespace {

// Moves what was made into its slot; false, with the reason in `error`, when it was not.
template <class T>
bool place(std::optional<T>& slot, geo::Result<T> made, std::string& error) {
    if (!made) {
        error = made.error();
        return false;
    }
    slot.emplace(std::move(made).value());
    return true;
}

}  // namespace

geo::Result<std::unique_ptr<Renderer>> Renderer::create() {
    std::unique_ptr<Renderer> r(new Renderer());
    r->impl_ = std::make_unique<Impl>();
    Impl& m = *r->impl_;
    std::string error;
    // In order: the borders pass needs the stroke.
    if (!place(m.stroke, SegmentStroke::create(), error) || !place(m.fill, FillPass::create(), error) ||
        !place(m.borders, BordersPass::create(*m.stroke), error) || !place(m.heatmap, HeatmapPass::create(), error) ||
        !place(m.points, PointsPass::create(), error))
        return geo::make_error(error);
    m.highlight.emplace(*m.stroke);
    return r;
}

Renderer::~Renderer() = default;

void Renderer::upload(const geo::Boundaries& b) {
    Impl& m = *impl_;
    m.geometry.upload(b);
    m.display_crs = b.municipalities.crs;
    m.heat_mesh_valid = false;
    m.highlight->set_boundaries(b, m.geometry.origin());
}

void Renderer::set_feature_colors(const std::vector<std::uint32_t>& rgba) { impl_->fill->set_colors(rgba); }

void Renderer::upload_incidents(const geo::IncidentStore& store, const std::vector<geo::Vec2>& display_xy,
                                std::span<const std::uint8_t> hollow) {
    impl_->points->upload(store, display_xy, hollow, impl_->geometry.origin());
}

void Renderer::set_incident_visibility(const std::vector<std::uint8_t>& visible) { impl_->points->set_visibility(visible); }

void Renderer::set_incident_stacks(const std::vector<PointMarker>& markers) { impl_->points->set_stacks(markers); }

const PointsShown& Renderer::points_shown() const { return impl_->points->shown(); }

geo::DisplayCrs Renderer::display_crs() const { return impl_->display_crs; }

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
    const geo::Vec2 origin = geometry.origin();
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

int Renderer::level_for(double metres_per_pixel) const { return impl_->geometry.level_for(metres_per_pixel); }

void Renderer::draw(const FrameParams& fp) {
    Impl& m = *impl_;
    const MapView& v = fp.view;
    const gl::StateGuard saved;
    glViewport(0, 0, v.width, v.height);
    glClearColor(fp.background.r, fp.background.g, fp.background.b, fp.background.a);
    glClear(GL_COLOR_BUFFER_BIT);
    stats_ = {};
    if (m.geometry.empty()) return;
    glDisable(GL_DEPTH_TEST);
    glDisable(GL_CULL_FACE);

    stats_.level = m.geometry.level_for(v.metres_per_pixel);
    const LevelGeometry& level = m.geometry.level(stats_.level);
    stats_.level_cell_m = level.cell_m;
    stats_.visible_features = m.geometry.visible_runs(v, m.runs);
    const geo::Vec2 origin = m.geometry.origin();
    const PassContext c{fp,
                        float(v.center.x - origin.x),
                        float(v.center.y - origin.y),
                        float(2.0 / (v.metres_per_pixel * v.width)),
                        float(2.0 / (v.metres_per_pixel * v.height)),
                        level,
                        m.runs,
                        stats_,
                        m.geometry.feature_bboxes()};
    RenderPass* const by_layer[kMapLayerCount] = {&*m.fill, &*m.heatmap, &*m.borders, &*m.points};
    for (MapLayer layer : fp.layer_order) by_layer[static_cast<int>(layer)]->draw(c);
    // The hovered and selected outlines stay on top of every layer.
    m.highlight->draw(c);
}

}  // namespace mirador
