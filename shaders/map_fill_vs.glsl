#version 300 es
// Map fills: each vertex has its boundary position and its tile position (metres, relative to the
// mesh origin); u_t morphs between them. Colours come per area from a small uniform array.
precision highp float;
layout(location = 0) in vec2 a_pos;
layout(location = 1) in vec2 a_tile;
layout(location = 2) in float a_area;
uniform vec2 u_centre;    // world point at the viewport centre (relative to the mesh origin)
uniform float u_scale;    // framebuffer pixels per metre
uniform vec2 u_view;      // viewport size, framebuffer pixels
uniform float u_t;        // 0 boundaries .. 1 tiles
uniform vec4 u_colors[64];
uniform float u_alpha;
flat out vec4 v_color;
void main() {
    vec2 w = mix(a_pos, a_tile, u_t);
    vec2 px = (w - u_centre) * u_scale;
    gl_Position = vec4(px / (0.5 * u_view), 0.0, 1.0);
    int i = int(a_area + 0.5);
    vec4 c = u_colors[i % 64];
    v_color = vec4(c.rgb, c.a * u_alpha);
}
