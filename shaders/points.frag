#version 330 core
in vec2 v_local;
flat in vec4 v_color;
flat in float v_radius;
flat in float v_emphasis;
out vec4 frag;

void main() {
    // Distance from the rim in pixels: a dark outline keeps discs legible over any fill.
    float d = (1.0 - length(v_local)) * v_radius;
    float coverage = clamp(d + 0.5, 0.0, 1.0);
    if (coverage <= 0.0) discard;
    float outline = v_emphasis > 1.5 ? 2.5 : (v_emphasis > 0.5 ? 2.0 : 1.2);
    vec3 rim = v_emphasis > 1.5 ? vec3(0.95, 0.45, 0.05) : vec3(0.08);
    vec3 c = d < outline ? rim : v_color.rgb;
    frag = vec4(c, v_color.a * coverage);
}
