#version 330 core
// One triangle that covers the target: the convolution runs once per cell.
void main() {
    vec2 p = vec2((gl_VertexID & 1) * 4 - 1, (gl_VertexID & 2) * 2 - 1);
    gl_Position = vec4(p, 0.0, 1.0);
}
