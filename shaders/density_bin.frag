#version 330 core
flat in vec2 v_g;
flat in float v_w;
out vec4 o_value;
void main() {
    vec2 share = max(vec2(0.0), 1.0 - abs(gl_FragCoord.xy - v_g));
    o_value = vec4(v_w * share.x * share.y, 0.0, 0.0, 0.0);
}
