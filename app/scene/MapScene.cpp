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
}

std::vector<LabelBox> MapScene::draw(const SceneParams& p, ImDrawList* overlay_list, const FontSet& fonts) {
    renderer_->draw(p.frame);
    if (!overlay_list) return {};
    return draw_map_overlay(overlay_list, fonts, *boundaries_, p.frame.view, p.overlay);
}

}  // namespace mirador
