#version 330 core
// Borders as screen-space quads: GL core profile has no wide lines, and state borders must
// stay visibly heavier than municipal ones at every zoom. One instance per segment; the four
// corners come from gl_VertexID (triangle strip).
layout(location = 0) in vec4 a_segment;   // a.xy, b.xy (metres, relative to layer origin)

uniform vec2 u_center;
uniform vec2 u_scale;
uniform vec2 u_viewport;    // pixels
uniform float u_half_width; // pixels

out float v_across;         // signed distance from the centre line, pixels

void main() {
    vec2 a = (a_segment.xy - u_center) * u_scale;
    vec2 b = (a_segment.zw - u_center) * u_scale;
    vec2 pa = a * 0.5 * u_viewport;
    vec2 pb = b * 0.5 * u_viewport;
    vec2 d = pb - pa;
    float len = length(d);
    vec2 dir = len > 1e-6 ? d / len : vec2(1.0, 0.0);
    vec2 normal = vec2(-dir.y, dir.x);
    float along = (gl_VertexID < 2) ? 0.0 : 1.0;
    float side = (gl_VertexID % 2 == 0) ? -1.0 : 1.0;
    // Half a pixel more for the anti-aliased fringe; extend the ends so joints have no gaps.
    float w = u_half_width + 0.75;
    vec2 p = mix(pa, pb, along) + normal * side * w + dir * (along * 2.0 - 1.0) * u_half_width;
    v_across = side * w;
    gl_Position = vec4(p / (0.5 * u_viewport), 0.0, 1.0);
}
