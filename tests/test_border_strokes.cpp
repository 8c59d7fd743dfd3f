// Translucent wide borders (a layer at 60 % in a 300-dpi export) are laid once per pixel: a quad
// per segment overlaps its neighbours where they meet, and blended twice there the line showed a
// dark bead at every vertex (StrokeCoverage.hpp).
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>

#include "HeadlessRender.hpp"
#include "TestData.hpp"

using namespace mirador;

namespace {

// `over` blended once with `c` at alpha `a`, as the blending does it, in 0-255.
double blend(double under, double c, double a) { return under * (1 - a) + c * 255 * a; }

}  // namespace

TEST_CASE("translucent wide borders have no darker bead where their segments meet", "[render]") {
    const int side = 400;
    const auto ctx = test::headless_context(side, side);
    auto scene = MapScene::create(test::default_boundaries());
    REQUIRE(scene);
    // Sinaloa's coast and its border with Durango, drawn as a print's scale draws them: state
    // borders 12 px, municipal ones 4 px, the boundary layer at 60 %.
    SceneParams p = test::culiacan_view(side, side, 900);
    p.heatmap.show = false;
    p.frame.show_fill = p.frame.show_points = false;
    p.frame.pixel_scale = 5;
    p.frame.borders_opacity = 0.6f;
    ctx->bind_frame();
    (*scene)->draw(p, nullptr, FontSet{});
    const std::vector<std::uint8_t> rgba = ctx->read_frame();

    // The darkest a pixel may be: a state border once over a municipal border once over the sea
    // (state borders are municipal ones too). Per channel, with a level of rounding a blend.
    const FrameParams& f = p.frame;
    const double am = f.municipal_border.a * f.borders_opacity, as = f.state_border.a * f.borders_opacity;
    const double bg[3] = {f.background.r * 255, f.background.g * 255, f.background.b * 255};
    const double mc[3] = {f.municipal_border.r, f.municipal_border.g, f.municipal_border.b};
    const double sc[3] = {f.state_border.r, f.state_border.g, f.state_border.b};
    double darkest[3];
    for (int k = 0; k < 3; ++k) darkest[k] = blend(blend(bg[k], mc[k], am), sc[k], as);

    int below = 0, at_darkest = 0, first_x = -1, first_y = -1;
    int lowest[3] = {255, 255, 255};
    for (int y = 0; y < side; ++y)
        for (int x = 0; x < side; ++x) {
            const std::uint8_t* c = &rgba[4 * (std::size_t(y) * side + std::size_t(x))];
            bool under = false, near = true;
            for (int k = 0; k < 3; ++k) {
                lowest[k] = std::min(lowest[k], int(c[k]));
                under = under || c[k] < darkest[k] - 2.5;
                near = near && std::abs(c[k] - darkest[k]) <= 2.5;
            }
            if (under && below++ == 0) first_x = x, first_y = y;
            at_darkest += near;
        }
    INFO("darkest allowed " << darkest[0] << "," << darkest[1] << "," << darkest[2] << "; lowest drawn " << lowest[0]
                            << "," << lowest[1] << "," << lowest[2] << "; " << below
                            << " pixels darker, the first at " << first_x << "," << first_y);
    CHECK(at_darkest > 1000);  // the state borders are there, at that colour
    CHECK(below == 0);
}
