#version 330 core
// Density (per km²) to colour. Values at or below the threshold are transparent so the
// boundaries underneath stay readable; the ramp spans [u_lo, u_hi] and clamps beyond. The
// ramp's alpha rises from 0 over its lowest part (heatmap_ramp_table, style/HeatmapRamp.hpp),
// so a lone hot spot fades into the map instead of wearing a dark rim.
in vec2 v_uv;
uniform sampler2D u_density;  // R32F, bilinear: the surface is smooth at the cell scale
uniform sampler2D u_ramp;     // 256 x 1 RGBA8
uniform float u_lo;
uniform float u_hi;
uniform float u_threshold;
uniform float u_opacity;
out vec4 o_color;
void main() {
    float v = texture(u_density, v_uv).r;
    if (!(v > u_threshold)) discard;
    float t = clamp((v - u_lo) / max(u_hi - u_lo, 1e-30), 0.0, 1.0);
    vec4 c = texture(u_ramp, vec2((t * 255.0 + 0.5) / 256.0, 0.5));
    o_color = vec4(c.rgb, c.a * u_opacity);
}
