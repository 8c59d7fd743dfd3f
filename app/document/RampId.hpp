#pragma once
// The colour ramps a document can name (style/ColorRamp.hpp makes their colours): here so that
// the document does not depend on the code that draws it.
namespace mirador {

enum class RampId { Viridis, Inferno, Magma, Cividis, YlOrRd };
inline constexpr int kRampCount = 5;

}  // namespace mirador
