#pragma once
// An OpenGL 3.3 core context with no window, for `mirador snapshot` and the render tests:
// EGL on Mesa's surfaceless platform first (works with no X server at all), then a hidden
// GLFW window when a display exists.
#include <memory>
#include <string>

#include "mirador/geo/Result.hpp"

namespace mirador {

class HeadlessGlContext {
public:
    [[nodiscard]] static geo::Result<std::unique_ptr<HeadlessGlContext>> create();
    virtual ~HeadlessGlContext() = default;
    virtual const char* kind() const = 0;  // "EGL surfaceless", "hidden GLFW window"
};

}  // namespace mirador
