#include "HeadlessRender.hpp"

#include <stdexcept>

#include "TestData.hpp"

namespace mirador::test {

std::unique_ptr<HeadlessGlContext> headless_context(int width, int height) {
    auto ctx = HeadlessGlContext::create();
    if (!ctx) throw std::runtime_error(ctx.error());
    if (auto sized = (*ctx)->set_frame_size(width, height); !sized) throw std::runtime_error(sized.error());
    (*ctx)->bind_frame();
    return std::move(ctx).value();
}

std::unique_ptr<Renderer> boundaries_renderer() {
    auto r = Renderer::create();
    if (!r) throw std::runtime_error(r.error());
    (*r)->upload(default_boundaries());
    return std::move(r).value();
}

SceneParams culiacan_view(int width, int height, double metres_per_pixel) {
    SceneParams p;
    p.frame.view.width = width;
    p.frame.view.height = height;
    p.frame.view.center = to_6372(-107.39, 24.80);
    p.frame.view.metres_per_pixel = metres_per_pixel;
    p.heatmap.show = true;
    return p;
}

}  // namespace mirador::test
