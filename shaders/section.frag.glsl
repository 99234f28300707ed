#version 330 core
// The vertical section as a stained-slide diagram: layer tints by depth below the (displaced)
// skin surface, a stain laid over them in proportion to its field (or both collagens as hue and
// strength), needle tracks on top. Colours are gamma-encoded sRGB and mixed as such, like the legend's gradients.
in vec2 v_uv;  // 0..1 over the image rectangle, (0, 0) at its bottom left
uniform sampler2D u_fields_a;  // collagen I, collagen III, elastin, activated fibroblasts
uniform sampler2D u_fields_b;  // injury, lumen
uniform sampler2D u_height;    // surface height along the section, mm (up positive)
uniform vec2 u_x_mm;           // patch x at the image's left and right edges
uniform vec2 u_z_mm;           // depth at the image's top and bottom edges (down positive)
uniform float u_patch_mm;
uniform float u_grid_depth_mm;
uniform vec3 u_layer_depth_mm;  // bottoms of the epidermis, papillary and reticular dermis
uniform vec3 u_tint_epidermis;
uniform vec3 u_tint_papillary;
uniform vec3 u_tint_reticular;
uniform vec3 u_tint_subcutis;
uniform vec3 u_tint_track;
uniform vec3 u_outline;
uniform int u_mode;  // 0: layers only, 1: one stain, 2: the collagen mix
uniform int u_stain_channel;
uniform float u_stain_max;
uniform vec3 u_stain_colour;
uniform float u_stain_opacity;
uniform float u_collagen_full;  // total collagen drawn opaque
uniform float u_share_full;     // type III share at the last hue
uniform vec3 u_hues[4];
out vec4 frag_color;

float field(int channel, vec2 uv) {
  if (channel < 4) return texture(u_fields_a, uv)[channel];
  return texture(u_fields_b, uv)[channel - 4];
}

// 0 above `edge`, 1 below, blended over about a pixel.
float below(float depth, float edge, float pixel) {
  return smoothstep(edge - 0.5 * pixel, edge + 0.5 * pixel, depth);
}

void main() {
  float x = mix(u_x_mm.x, u_x_mm.y, v_uv.x);
  float z = mix(u_z_mm.y, u_z_mm.x, v_uv.y);
  float u = x / u_patch_mm;
  // The whole column moves with its surface: a scar's floor is drawn lower, layers follow it.
  float depth = z + texture(u_height, vec2(u, 0.5)).r;
  float pixel = fwidth(depth);
  if (depth < -pixel) discard;

  vec3 colour = u_tint_epidermis;
  colour = mix(colour, u_tint_papillary, below(depth, u_layer_depth_mm.x, pixel));
  colour = mix(colour, u_tint_reticular, below(depth, u_layer_depth_mm.y, pixel));
  float dermis = 1.0 - below(depth, u_layer_depth_mm.z, pixel);
  colour = mix(colour, u_tint_subcutis, 1.0 - dermis);

  vec2 uv = vec2(u, clamp(depth / u_grid_depth_mm, 0.0, 1.0));
  // Cells, injury and tracks show wherever the grid reaches, the subcutis a deep needle entered
  // included; below the grid the texture would only repeat its last row. The matrix stains
  // (collagen, elastin) stay in the dermis: the fat has none, and the dermis's last row would
  // otherwise bleed into it.
  float onGrid = 1.0 - below(depth, u_grid_depth_mm, pixel);
  float stainable = u_stain_channel < 3 ? dermis : onGrid;
  if (u_mode == 1) {
    float a = clamp(field(u_stain_channel, uv) / u_stain_max, 0.0, 1.0);
    colour = mix(colour, u_stain_colour, u_stain_opacity * a * stainable);
  } else if (u_mode == 2) {
    vec2 collagen = texture(u_fields_a, uv).rg;
    float total = collagen.x + collagen.y;
    float position = 3.0 * clamp(collagen.y / max(total, 1e-4) / u_share_full, 0.0, 1.0);
    int lower = min(int(position), 2);
    vec3 hue = mix(u_hues[lower], u_hues[lower + 1], position - float(lower));
    float a = clamp(total / u_collagen_full, 0.0, 1.0);
    colour = mix(colour, hue, u_stain_opacity * a * dermis);
  }

  float track = 0.9 * clamp(texture(u_fields_b, uv).g, 0.0, 1.0) * onGrid;
  colour = mix(colour, u_tint_track, track);

  // A dark line along the skin's surface, about 1.5 pixels wide.
  float edge = 1.0 - smoothstep(0.5 * pixel, 2.0 * pixel, depth);
  colour = mix(colour, u_outline, 0.8 * edge);
  float coverage = smoothstep(-pixel, 0.0, depth);
  frag_color = vec4(colour, coverage);
}
