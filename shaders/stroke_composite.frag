#version 330 core
// A translucent stroke's colour laid once over each pixel, in the coverage StrokeCoverage
// collected (the largest of the segments that reached it).
uniform sampler2D u_coverage;
uniform ivec2 u_origin;  // the viewport's lower-left corner, framebuffer pixels
uniform vec4 u_color;    // straight alpha, the layer's opacity included
out vec4 frag;

void main() {
    float c = texelFetch(u_coverage, ivec2(gl_FragCoord.xy) - u_origin, 0).r;
    if (c <= 0.0) discard;
    frag = vec4(u_color.rgb, u_color.a * c);
}
