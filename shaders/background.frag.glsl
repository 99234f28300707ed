#version 330 core
// A vertical gradient behind the views (neutral greys, so they do not tint the skin's look).
in vec2 v_uv;
uniform vec3 u_top;     // gamma-encoded sRGB, written as is
uniform vec3 u_bottom;
out vec4 frag_color;

void main() {
  frag_color = vec4(mix(u_bottom, u_top, v_uv.y), 1.0);
}
