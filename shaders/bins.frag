#version 330 core
in vec2 v_local;
flat in vec4 v_color;
flat in float v_radius;
out vec4 frag;

void main() {
    float d = (1.0 - length(v_local)) * v_radius;  // pixels inside the rim
    float coverage = clamp(d + 0.5, 0.0, 1.0);
    if (coverage <= 0.0) discard;
    // A rim a little darker than the disc: neighbouring cells stay apart on any fill.
    vec3 c = d < 0.8 ? v_color.rgb * 0.6 : v_color.rgb;
    frag = vec4(c, v_color.a * coverage);
}
