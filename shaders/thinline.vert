#version 330 core
// Hairline borders (one pixel or less) as GL_LINES: llvmpipe sets up one line primitive for
// what the quad path needs two triangles and four vertices, which halves the cost of the
// 50k municipal borders at national zoom.
layout(location = 0) in vec2 a_pos;   // metres, relative to the layer origin
uniform vec2 u_center;
uniform vec2 u_scale;

void main() {
    gl_Position = vec4((a_pos - u_center) * u_scale, 0.0, 1.0);
}
