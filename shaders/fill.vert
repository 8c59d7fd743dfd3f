#version 330 core
// Municipal polygons. Positions are metres in the display CRS relative to the layer origin,
// so single precision keeps ~0.25 m at Mexico's extent.
layout(location = 0) in vec2 a_pos;
layout(location = 1) in uint a_feature;

uniform vec2 u_center;      // view centre, same frame as a_pos
uniform vec2 u_scale;       // metres -> clip units

flat out int v_feature;

void main() {
    v_feature = int(a_feature);
    gl_Position = vec4((a_pos - u_center) * u_scale, 0.0, 1.0);
}
