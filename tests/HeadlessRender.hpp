#pragma once
// What the render tests that drive the scene directly share: a headless context drawing into
// an image, a renderer with the bundled boundaries, a view of Culiacán.
#include <memory>

#include "platform/GlContext.hpp"
#include "scene/MapScene.hpp"

namespace mirador::test {

// A headless OpenGL context with a width x height image bound for drawing; throws with the
// reason when there is none.
std::unique_ptr<HeadlessGlContext> headless_context(int width = 64, int height = 64);
// A renderer with the bundled boundaries uploaded (needs a current context; throws if not).
std::unique_ptr<Renderer> boundaries_renderer();
// width x height pixels around Culiacán at `metres_per_pixel`, the heatmap shown.
SceneParams culiacan_view(int width, int height, double metres_per_pixel);

}  // namespace mirador::test
