#version 300 es
precision highp float;
in float v_dist;
uniform float u_half_width;
uniform vec4 u_color;
out vec4 o_color;
void main() {
    float a = clamp(u_half_width + 0.5 - abs(v_dist), 0.0, 1.0);
    if (a <= 0.0) discard;
    o_color = vec4(u_color.rgb, u_color.a * a);
}
