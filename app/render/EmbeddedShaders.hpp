#pragma once
// GLSL sources from shaders/, compiled into the binary (see cmake/EmbedShaders.cmake).
namespace mirador::shaders {
extern const char* const fill_vert;
extern const char* const fill_frag;
extern const char* const line_vert;
extern const char* const line_frag;
extern const char* const thinline_vert;
extern const char* const thinline_frag;
extern const char* const stroke_composite_vert;
extern const char* const stroke_composite_frag;
extern const char* const points_vert;
extern const char* const points_frag;
extern const char* const bins_vert;
extern const char* const bins_frag;
extern const char* const heatmap_vert;
extern const char* const heatmap_frag;
extern const char* const density_bin_vert;
extern const char* const density_bin_frag;
extern const char* const density_conv_vert;
extern const char* const density_conv_frag;
}  // namespace mirador::shaders
