#version 330 core
// Incidents as screen-space discs, one instance each, from the markers the points pass chose
// for the frame (those in view and in the time window, the stacks' markers, the hovered and
// selected ones over screen bins). Area grows with fatalities (radius with their square root)
// so that a massacre reads as bigger without hiding its neighbours. A position that stands for
// a place (a municipality's, a state's, an estimated one) is drawn as a ring; a stack's marker
// (several incidents at one position) is big enough for the count written on it.
layout(location = 0) in vec2 a_pos;        // metres, relative to the layer origin
layout(location = 1) in float a_fatalities;
layout(location = 2) in uint a_category;
layout(location = 3) in uint a_visible;    // 0: filtered out
layout(location = 4) in ivec2 a_days;      // the incident's span, days since 1970
layout(location = 5) in uint a_flags;      // bit 0: hollow (a stand-in position), bit 1: a stack's marker
layout(location = 6) in int a_index;       // the incident whose hover or selection lights it

uniform vec2 u_center;
uniform vec2 u_scale;
uniform vec2 u_viewport;
uniform float u_base_radius;  // pixels
uniform float u_growth_cap;   // pixels: the most fatalities add to the radius
uniform float u_stack_min;    // pixels: a stack's marker at least this big (room for its count)
uniform float u_pixel_scale;
uniform vec4 u_category_colors[9];
uniform int u_hovered;
uniform int u_selected;
uniform ivec2 u_window;  // time window, inclusive

out vec2 v_local;     // -1..1 across the disc's bounding square
flat out vec4 v_color;
flat out float v_radius;
flat out float v_emphasis;
flat out float v_ring;  // > 0: hollow, a ring this many pixels wide inside the rim

void main() {
    if (a_visible == 0u || a_days.x > u_window.y || a_days.y < u_window.x) {
        gl_Position = vec4(2.0, 2.0, 2.0, 1.0);
        return;
    }
    // Capped: aggregated records (a year of deaths in one state) must not cover a region.
    float r = (u_base_radius + min(1.6 * sqrt(max(a_fatalities, 0.0)), u_growth_cap)) * u_pixel_scale;
    if ((a_flags & 2u) != 0u) r = max(r, u_stack_min * u_pixel_scale);  // room for the count
    v_emphasis = (a_index == u_selected) ? 2.0 : (a_index == u_hovered ? 1.0 : 0.0);
    r += v_emphasis * 1.5 * u_pixel_scale;
    // Hollow: a ring of the category's colour, thick enough to read on any fill.
    v_ring = (a_flags & 1u) != 0u ? max(2.0 * u_pixel_scale, 0.3 * r) : 0.0;
    vec2 corner = vec2((gl_VertexID & 1) == 0 ? -1.0 : 1.0, (gl_VertexID & 2) == 0 ? -1.0 : 1.0);
    vec2 clip = (a_pos - u_center) * u_scale;
    v_local = corner * (r + 1.0) / r;
    v_radius = r;
    v_color = u_category_colors[min(a_category, 8u)];
    gl_Position = vec4(clip + corner * (r + 1.0) * 2.0 / u_viewport, 0.0, 1.0);
}
