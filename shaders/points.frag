#version 330 core
in vec2 v_local;
flat in vec4 v_color;
flat in float v_radius;
flat in float v_emphasis;
flat in float v_ring;
out vec4 frag;

void main() {
    // Distance from the rim in pixels: a dark outline keeps discs legible over any fill.
    float d = (1.0 - length(v_local)) * v_radius;
    float coverage = clamp(d + 0.5, 0.0, 1.0);
    float outline = v_emphasis > 1.5 ? 2.5 : (v_emphasis > 0.5 ? 2.0 : 1.2);
    // Hollow: the map shows through inside the ring (with a thin dark inner edge), so a
    // stand-in position never reads as the place itself.
    if (v_ring > 0.0) coverage *= clamp(outline + v_ring + 1.0 - d + 0.5, 0.0, 1.0);
    if (coverage <= 0.0) discard;
    vec3 rim = v_emphasis > 1.5 ? vec3(0.95, 0.45, 0.05) : vec3(0.08);
    bool inner_edge = v_ring > 0.0 && d > outline + v_ring;
    vec3 c = (d < outline || inner_edge) ? rim : v_color.rgb;
    frag = vec4(c, v_color.a * coverage);
}
