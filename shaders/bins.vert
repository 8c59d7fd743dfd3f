#version 330 core
// Incidents too many to draw one by one, aggregated to screen cells (as Datashader does): one
// disc per non-empty cell at the mean position of its incidents, coloured and sized by their
// count on a log scale, so a cell of one and a cell of ten thousand both read.
layout(location = 0) in vec2 a_pixel;  // the cell's incidents' mean position, pixels from the top left
layout(location = 1) in float a_count;

uniform vec2 u_viewport;
uniform float u_cell;       // pixels
uniform float u_log_max;    // log(1 + the largest count on screen)
uniform vec4 u_low;         // colour of a cell of one
uniform vec4 u_high;        // colour of the fullest cell

out vec2 v_local;
flat out vec4 v_color;
flat out float v_radius;

void main() {
    float t = u_log_max > 0.0 ? clamp(log(1.0 + a_count) / u_log_max, 0.0, 1.0) : 1.0;
    float r = u_cell * (0.3 + 0.42 * t);
    vec2 corner = vec2((gl_VertexID & 1) == 0 ? -1.0 : 1.0, (gl_VertexID & 2) == 0 ? -1.0 : 1.0);
    vec2 p = a_pixel + corner * (r + 1.0);
    v_local = corner * (r + 1.0) / r;
    v_radius = r;
    v_color = mix(u_low, u_high, t);
    gl_Position = vec4(p.x / u_viewport.x * 2.0 - 1.0, 1.0 - p.y / u_viewport.y * 2.0, 0.0, 1.0);
}
