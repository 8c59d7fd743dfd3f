#version 330 core
// Per-feature colour from a buffer texture, so recolouring (choropleths, filters) is one
// small upload and never touches the geometry.
flat in int v_feature;
uniform samplerBuffer u_colors;
uniform int u_hovered;
uniform int u_selected;
uniform float u_opacity;
out vec4 frag;

void main() {
    vec4 c = texelFetch(u_colors, v_feature);
    if (v_feature == u_selected) c.rgb = mix(c.rgb, vec3(1.0, 0.85, 0.35), 0.55);
    else if (v_feature == u_hovered) c.rgb = mix(c.rgb, vec3(1.0), 0.35);
    frag = vec4(c.rgb, c.a * u_opacity);
}
