// The points legend lists what the reader sees (issue 12, item 4): the categories of the discs
// drawn in this view, not every category of the time window; a ring or a stack's row only when
// one is on screen. An export decides it for the whole image, whatever its tiles show.
#include <catch2/catch.hpp>

#include "SyntheticIncidents.hpp"
#include "TestData.hpp"
#include "export/ImageRowSink.hpp"
#include "platform/GlContext.hpp"
#include "scene/ExportJob.hpp"

using namespace mirador;

namespace {

// Two armed clashes at one point in Culiacán (a stack) and a massacre in Mexico City, on one day.
test::SyntheticIncidents two_places() {
    return test::incidents_from_rows("legend-on-screen", "c1,2019-10-17,,,-107.39,24.80,armed clash,,2,,test,\n"
                                                         "c2,2019-10-17,,,-107.39,24.80,armed clash,,1,,test,\n"
                                                         "m1,2019-10-17,,,-99.13,19.43,massacre,,5,,test,\n");
}

std::vector<std::string> row_texts(const LegendBox& box) {
    std::vector<std::string> out;
    for (const LegendRow& r : box.rows) out.push_back(r.text);
    return out;
}

}  // namespace

TEST_CASE("the points legend lists only the categories drawn in the view", "[legend][points][render]") {
    auto ctx = HeadlessGlContext::create();
    REQUIRE(ctx);
    const test::SyntheticIncidents inc = two_places();
    const IncidentLayer& layer = *inc.layer;
    REQUIRE(layer.visible_count == 3);
    REQUIRE(layer.stack_markers.size() == 1);
    auto scene = MapScene::create(test::default_boundaries());
    REQUIRE(scene);
    (*scene)->set_incidents(&layer);
    const geo::Vec2 culiacan = layer.display_xy[0], cdmx = layer.display_xy[2];

    // Exported as `mirador snapshot` does (the overlay laid out once for the whole image), in
    // 128-pixel tiles; the legend the whole image has, after every tile is drawn.
    auto legend_for = [&](geo::Vec2 centre, double metres_per_pixel) {
        doc::MapDocument d;
        FrameContext c;
        c.have_incidents = true;
        SceneParams p = export_scene_params(d, c, test::default_boundaries(), 400, 300, 0);
        p.frame.view.center = centre;
        p.frame.view.metres_per_pixel = metres_per_pixel;
        p.heatmap.show = false;
        Image image;
        ExportTiling tiling;
        tiling.max_tile_size = 128;
        auto job = ExportJob::start(**scene, p, std::make_unique<ImageRowSink>(image, 400, 300), tiling);
        REQUIRE(job);
        REQUIRE((*job)->plan().tiles.size() > 4);
        while (!(*job)->done()) REQUIRE((*job)->step());
        REQUIRE((*scene)->points_legend());
        return row_texts(*(*scene)->points_legend());
    };
    const std::vector<std::string> stack_row{"armed clash", "incidents at one point"};
    SECTION("zoomed to Culiacán: its armed clashes only") {
        CHECK(legend_for(culiacan, 200) == stack_row);
    }
    SECTION("zoomed to Mexico City: the massacre only and no stack") {
        CHECK(legend_for(cdmx, 200) == std::vector<std::string>{"massacre"});
    }
    SECTION("the whole country: both though most tiles show neither") {
        const geo::Vec2 middle{(culiacan.x + cdmx.x) / 2, (culiacan.y + cdmx.y) / 2};
        CHECK(legend_for(middle, 6000) == std::vector<std::string>{"armed clash", "massacre", "incidents at one point"});
    }
    SECTION("a view with no incident lists no category") {
        CHECK(legend_for({culiacan.x, culiacan.y + 400000}, 200).empty());
    }
}
