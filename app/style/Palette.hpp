#pragma once
// Default fill colours: one hue per state so the 32 states read at a glance, with a small
// lightness step per municipality so neighbours inside a state stay distinguishable.
#include <cstdint>
#include <vector>

#include "mirador/geo/Boundaries.hpp"

namespace mirador {

// Packed RGBA8 as bytes R, G, B, A in memory (little-endian 0xAABBGGRR).
std::uint32_t pack_rgba(float r, float g, float b, float a = 1.0f);
void unpack_rgba(std::uint32_t c, std::uint8_t out[4]);

std::uint32_t state_fill_color(int state_index);

// One colour per incident category (geo::IncidentCategory order), distinct for the
// colour-blind (Okabe-Ito) and dark enough to read over the pale fills.
void category_colors(float out_rgba[9][4]);
std::vector<std::uint32_t> default_municipality_colors(const geo::Boundaries& b);

}  // namespace mirador
