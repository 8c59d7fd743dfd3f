#version 330 core
in float v_across;
uniform float u_half_width;
uniform vec4 u_color;
uniform float u_coverage_only;  // 1: the coverage alone, for StrokeCoverage to keep the largest
out vec4 frag;

void main() {
    float coverage = clamp(u_half_width + 0.5 - abs(v_across), 0.0, 1.0);
    frag = u_coverage_only > 0.5 ? vec4(coverage) : vec4(u_color.rgb, u_color.a * coverage);
}
