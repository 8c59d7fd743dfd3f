#version 330 core
// The density grid as a textured mesh: positions in the display CRS (a 2x2 mesh when the
// grid is in the display CRS, a finer projected mesh otherwise), texture coordinates in
// the grid, so the surface lands where its cells are whatever the display projection.
layout(location = 0) in vec2 a_pos;  // metres, relative to the renderer's origin
layout(location = 1) in vec2 a_uv;
uniform vec2 u_center;
uniform vec2 u_scale;
out vec2 v_uv;
void main() {
    v_uv = a_uv;
    gl_Position = vec4((a_pos - u_center) * u_scale, 0.0, 1.0);
}
