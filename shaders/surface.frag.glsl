#version 330 core
// Skin lit by one directional light: Lambert diffuse scaled so that flat skin shows exactly its
// own colour whatever the light's elevation (a grazing light then brightens slopes facing it and
// darkens those facing away, as in a clinical examination), a soft shoulder instead of hard
// clipping, and a faint Blinn-Phong sheen. Lighting in linear light, output gamma-encoded.
in vec3 v_world;
in vec2 v_local;
flat in int v_centre_tile;
// Full-resolution normal and colour, so a coarse mesh still shades every grid column.
uniform sampler2D u_normal_map;
uniform sampler2D u_albedo_map;
uniform float u_patch_mm;
uniform vec3 u_light_dir;  // unit vector towards the light
uniform vec3 u_eye;
uniform float u_ambient;
uniform float u_diffuse_gain;
uniform float u_specular;
uniform float u_shininess;
uniform int u_show_section;
uniform vec3 u_section_cut_mm;  // y of the cut, then its x range
out vec4 frag_color;

vec3 encodeSrgb(vec3 c) {
  c = clamp(c, 0.0, 1.0);
  return mix(12.92 * c, 1.055 * pow(c, vec3(1.0 / 2.4)) - 0.055, step(0.0031308, c));
}

// Identity up to 1, then rolls off towards 1 + k.
float shoulder(float s) {
  const float k = 0.35;
  return s <= 1.0 ? s : 1.0 + k * (1.0 - exp(-(s - 1.0) / k));
}

void main() {
  // Texel centres sit at the grid's column centres: (i + 0.5) / nx of the way across.
  vec2 uv = v_local / u_patch_mm + 0.5;
  vec3 n = normalize(texture(u_normal_map, uv).xyz);
  vec3 albedo = texture(u_albedo_map, uv).rgb;
  float lambert = max(dot(n, u_light_dir), 0.0);
  // Less sky reaches surfaces that face sideways (the walls of scars).
  float ambient = u_ambient * (0.55 + 0.45 * n.z);
  vec3 colour = albedo * shoulder(ambient + u_diffuse_gain * lambert);

  vec3 view = normalize(u_eye - v_world);
  vec3 halfway = normalize(u_light_dir + view);
  float sheen = lambert > 0.0 ? u_specular * pow(max(dot(n, halfway), 0.0), u_shininess) : 0.0;
  colour += vec3(sheen);

  if (u_show_section == 1 && v_centre_tile == 1) {
    float distance = abs(v_local.y - u_section_cut_mm.x);
    float width = 1.5 * fwidth(v_local.y);
    float line = 1.0 - smoothstep(0.5 * width, width, distance);
    line *= step(u_section_cut_mm.y, v_local.x) * step(v_local.x, u_section_cut_mm.z);
    colour = mix(colour, vec3(0.9, 0.95, 1.0), 0.85 * line);
  }
  frag_color = vec4(encodeSrgb(colour), 1.0);
}
