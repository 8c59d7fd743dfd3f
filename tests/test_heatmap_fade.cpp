// The heatmap's low end fades in (issue 12, item 4): a lone hot spot on a light map has no
// dark rim where its surface ends, and the legend's bar is the same faded table.
#include <catch2/catch.hpp>

#include <cmath>

#include "HeadlessRender.hpp"
#include "SyntheticIncidents.hpp"
#include "TestData.hpp"
#include "style/HeatmapRamp.hpp"

using namespace mirador;

TEST_CASE("the heatmap ramp fades in over its lowest part", "[heatmap][ramp]") {
    for (const RampId id : {RampId::Inferno, RampId::Viridis, RampId::YlOrRd}) {
        INFO(to_string(id));
        const RampTable plain = ramp_table(id), faded = heatmap_ramp_table(id);
        const auto fade_end = static_cast<std::size_t>(std::ceil(kHeatmapFadeIn * 255));
        CHECK(faded[0] >> 24 == 0);
        for (std::size_t i = 0; i < 256; ++i) {
            INFO("entry " << i);
            CHECK((faded[i] & 0xFFFFFFu) == (plain[i] & 0xFFFFFFu));  // the colours are the ramp's
            if (i > 0) CHECK(faded[i] >> 24 >= faded[i - 1] >> 24);     // never less opaque going up
            if (i >= fade_end) CHECK(faded[i] == plain[i]);
        }
        CHECK(faded[fade_end / 4] >> 24 < 64);  // a quarter of the way: mostly the map through it
    }
}

TEST_CASE("a lone hot spot fades into a light map with no dark rim", "[heatmap][render]") {
    const int side = 300;
    const auto ctx = test::headless_context(side, side);
    const test::SyntheticIncidents one = test::incidents_from_rows("heatmap-fade", "h1,2019-10-17,,,-102.5,23.5,armed clash,,1,,test,\n");
    auto scene = MapScene::create(test::default_boundaries());
    REQUIRE(scene);
    (*scene)->set_incidents(one.layer.get());
    SceneParams p = test::culiacan_view(side, side, 250);  // a 25 km kernel: 100 pixels
    p.frame.view.center = one.layer->display_xy[0];
    p.frame.show_fill = p.frame.show_points = false;
    p.frame.show_municipal_borders = p.frame.show_state_borders = false;
    p.heatmap.opacity = 1;
    p.heatmap.style.normalize = geo::NormalizeMode::Relative;
    p.heatmap.style.ramp = RampId::Inferno;  // black at its low end: the darkest rim there is
    p.heatmap.style.radius_km = 25;
    ctx->bind_frame();
    (*scene)->draw(p, nullptr, FontSet{});
    const std::vector<std::uint8_t> rgba = ctx->read_frame();
    const Rgba& bg = p.frame.background;
    const int under[3] = {int(std::lround(bg.r * 255)), int(std::lround(bg.g * 255)), int(std::lround(bg.b * 255))};
    // Per pixel: its distance from the hot spot and how far its colour is from the map under it.
    struct Px {
        double r;
        int off;
    };
    std::vector<Px> px;
    double reach = 0;  // the farthest pixel the surface changes
    for (int y = 0; y < side; ++y)
        for (int x = 0; x < side; ++x) {
            const std::uint8_t* c = &rgba[4 * (std::size_t(y) * side + std::size_t(x))];
            int off = 0;
            for (int k = 0; k < 3; ++k) off += std::abs(int(c[k]) - under[k]);
            const double r = std::hypot(x + 0.5 - side / 2.0, y + 0.5 - side / 2.0);
            px.push_back({r, off});
            if (off > 3) reach = std::max(reach, r);
        }
    INFO("the surface reaches " << reach << " pixels");
    REQUIRE(reach > 60);   // the kernel is drawn (100 pixels, less the threshold)
    REQUIRE(reach < 110);
    int inner = 0, rim = 0;
    for (const Px& q : px) {
        if (q.r < reach / 2) inner = std::max(inner, q.off);
        if (q.r > reach - 8 && q.r <= reach) rim = std::max(rim, q.off);
    }
    INFO("inner half off the map by up to " << inner << ", outer 8 pixels by up to " << rim << " (of 765)");
    CHECK(inner > 300);  // the hot spot itself stands out (inferno's dark reds around its light top)
    // Opaque, inferno's low end there is near black: more than 500 off the light map.
    CHECK(rim < 80);

    // The legend's bar is the table the surface was drawn with, faded the same way.
    const HeatmapLegend* legend = (*scene)->heatmap().legend();
    REQUIRE(legend);
    CHECK(legend->ramp == heatmap_ramp_table(RampId::Inferno));
}
