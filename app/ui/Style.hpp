#pragma once
// The house's sizes: everything on screen is measured in the font's height (em), so panels,
// margins and lines grow together with the font and the screen's DPI (as Tracy's GetScale()).
#include <imgui.h>

namespace mirador {

// n times the current font's height, in pixels.
inline float em(float n) { return n * ImGui::GetFontSize(); }

// Room kept free at the top of the map area for the time label (scene/TimeLabel.cpp: a 1.35 em
// line, padded, 10 px down) when all of Mexico is shown.
inline float time_label_room() { return em(3.0f); }

// Width of a labelled control in a sidebar: the column minus room for its label.
inline float control_width() { return em(10.5f); }

// Text that says why something cannot be done (red), or warns of what it will do (orange:
// files replaced), the same in every panel and dialog.
inline const ImVec4 kErrorInk(0.7f, 0.1f, 0.1f, 1), kWarningInk(0.7f, 0.3f, 0.0f, 1);

}  // namespace mirador
