#include "scene/MapScene.hpp"

#include "style/Palette.hpp"

namespace mirador {

geo::Result<std::unique_ptr<MapScene>> MapScene::create(const geo::Boundaries& b) {
    auto r = Renderer::create();
    if (!r) return geo::make_error(r.error());
    auto scene = std::make_unique<MapScene>();
    scene->boundaries_ = &b;
    scene->renderer_ = std::move(r).value();
    scene->renderer_->upload(b);
    scene->renderer_->set_feature_colors(default_municipality_colors(b));
    return scene;
}

void MapScene::set_incidents(const IncidentLayer* incidents) {
    incidents_ = incidents;
    if (incidents_) renderer_->upload_incidents(incidents_->store, incidents_->display_xy);
    else renderer_->upload_incidents(geo::IncidentStore{}, {});
    incidents_changed();
}

void MapScene::incidents_changed() {
    if (incidents_) renderer_->set_incident_visibility(incidents_->visible);
    recolor();
}

void MapScene::set_choropleth(const ChoroplethStyle& style) {
    choropleth_ = style;
    recolor();
}

void MapScene::recolor() {
    std::vector<std::uint32_t> colors;
    if (incidents_) colors = choropleth_colors(*boundaries_, *incidents_, choropleth_, &legend_);
    renderer_->set_feature_colors(colors.empty() ? default_municipality_colors(*boundaries_) : colors);
}

std::vector<LabelBox> MapScene::draw(const SceneParams& p, ImDrawList* overlay_list, const FontSet& fonts) {
    FrameParams frame = p.frame;
    float colors[9][4];
    category_colors(colors);
    for (int c = 0; c < 9; ++c) frame.category_colors[c] = {colors[c][0], colors[c][1], colors[c][2], colors[c][3]};
    renderer_->draw(frame);
    if (!overlay_list) return {};
    auto labels = draw_map_overlay(overlay_list, fonts, *boundaries_, p.frame.view, p.overlay);
    draw_legends(overlay_list, fonts, p, legend(), incidents_ && p.frame.show_points ? incidents_ : nullptr);
    draw_time_label(overlay_list, fonts, p.overlay);
    return labels;
}

}  // namespace mirador
