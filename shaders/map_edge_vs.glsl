#version 300 es
// Antialiased borders: every segment is a quad extruded in screen space by half the line width
// plus one pixel of feather; the fragment shader fades the feather by distance from the centre line.
precision highp float;
layout(location = 0) in vec4 a_seg;    // ax, ay, bx, by at the boundaries
layout(location = 1) in vec4 a_tseg;   // the same at the tiles
layout(location = 2) in vec3 a_meta;   // side (-1, 1), along (0 at a, 1 at b), area index
uniform vec2 u_centre;
uniform float u_scale;
uniform vec2 u_view;
uniform float u_t;
uniform float u_half_width;  // framebuffer pixels
out float v_dist;
void main() {
    vec4 s = mix(a_seg, a_tseg, u_t);
    vec2 a = (s.xy - u_centre) * u_scale;
    vec2 b = (s.zw - u_centre) * u_scale;
    vec2 d = b - a;
    float len = length(d);
    vec2 dir = len > 1e-4 ? d / len : vec2(1.0, 0.0);
    vec2 n = vec2(-dir.y, dir.x);
    float e = u_half_width + 1.0;
    float side = a_meta.x, along = a_meta.y;
    vec2 p = mix(a, b, along) + n * side * e + dir * (along * 2.0 - 1.0) * u_half_width;
    v_dist = side * e;
    gl_Position = vec4(p / (0.5 * u_view), 0.0, 1.0);
}
