#version 330 core
// GPU density, step 1: linear binning. Each incident in the drawn index range is a 2x2
// pixel point centred on the corner shared by the four cell centres around it; the
// fragment shader gives each cell its bilinear share. Incidents whose span misses the
// window weigh 0 and are moved off the target, so moving the window only changes two
// uniforms and the draw range, never the buffers.
layout(location = 0) in vec2 a_xy;     // metres from the grid's lower-left corner
layout(location = 1) in ivec2 a_days;  // first and last day of the incident's span
layout(location = 2) in float a_weight;
uniform float u_cell;
uniform vec2 u_size;     // cells
uniform ivec2 u_window;  // first and last day, inclusive
flat out vec2 v_g;
flat out float v_w;
void main() {
    int overlap = min(a_days.y, u_window.y) - max(a_days.x, u_window.x) + 1;
    float w = overlap > 0 ? a_weight * float(overlap) / float(a_days.y - a_days.x + 1) : 0.0;
    gl_PointSize = 2.0;
    if (w == 0.0) {
        gl_Position = vec4(2.0, 2.0, 2.0, 1.0);
        v_g = vec2(0.0);
        v_w = 0.0;
        return;
    }
    vec2 g = a_xy / u_cell;  // cell centres sit at i + 0.5
    vec2 corner = floor(g - 0.5) + 1.0;
    gl_Position = vec4(corner / u_size * 2.0 - 1.0, 0.0, 1.0);
    v_g = g;
    v_w = w;
}
