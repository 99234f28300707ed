#version 330 core
// Colour (gamma-encoded sRGB, written as is) times the atlas coverage: glyphs, or the atlas's
// opaque block for solid shapes.
in vec2 v_uv;
in vec4 v_colour;
uniform sampler2D u_atlas;
out vec4 frag_color;

void main() {
  frag_color = vec4(v_colour.rgb, v_colour.a * texture(u_atlas, v_uv).r);
}
