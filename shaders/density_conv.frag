#version 330 core
// GPU density, step 2: the binned weights convolved with the kernel sampled at cell offsets
// (per km², the same table the CPU engine transforms). Direct sum: (2R+1)² taps per cell.
uniform sampler2D u_binned;  // R32F, weight per cell
uniform sampler2D u_kernel;  // R32F, (2R+1)², K(dx, dy) per km²
uniform int u_radius;        // R, cells
out vec4 o_value;
void main() {
    ivec2 p = ivec2(gl_FragCoord.xy);
    ivec2 size = textureSize(u_binned, 0);
    float sum = 0.0;
    for (int dy = -u_radius; dy <= u_radius; ++dy) {
        int y = p.y + dy;
        if (y < 0 || y >= size.y) continue;
        for (int dx = -u_radius; dx <= u_radius; ++dx) {
            int x = p.x + dx;
            if (x < 0 || x >= size.x) continue;
            float b = texelFetch(u_binned, ivec2(x, y), 0).r;
            if (b != 0.0) sum += b * texelFetch(u_kernel, ivec2(dx + u_radius, dy + u_radius), 0).r;
        }
    }
    // The binning-corrected kernel dips below zero near its rim: a density never does.
    o_value = vec4(max(sum, 0.0), 0.0, 0.0, 0.0);
}
