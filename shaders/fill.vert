#version 330 core
// Municipal polygons. Positions are metres in the display CRS relative to the layer origin,
// so single precision keeps ~0.25 m at Mexico's extent.
//
// The per-feature colour comes from a buffer texture, so recolouring (choropleths, filters)
// is one small upload and never touches the geometry. It is fetched here, per vertex, not
// per fragment: on llvmpipe a texel fetch per pixel costs more than the rest of the fill.
layout(location = 0) in vec2 a_pos;
layout(location = 1) in uint a_feature;

uniform vec2 u_center;      // view centre, same frame as a_pos
uniform vec2 u_scale;       // metres -> clip units
uniform samplerBuffer u_colors;
uniform int u_hovered;
uniform int u_selected;
uniform float u_opacity;

flat out vec4 v_color;

void main() {
    int feature = int(a_feature);
    vec4 c = texelFetch(u_colors, feature);
    if (feature == u_selected) c.rgb = mix(c.rgb, vec3(1.0, 0.85, 0.35), 0.55);
    else if (feature == u_hovered) c.rgb = mix(c.rgb, vec3(1.0), 0.35);
    v_color = vec4(c.rgb, c.a * u_opacity);
    gl_Position = vec4((a_pos - u_center) * u_scale, 0.0, 1.0);
}
