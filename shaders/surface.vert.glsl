#version 330 core
// The skin surface mesh, drawn once per tile (instanced): tile t sits at column t % u_tiles and
// row t / u_tiles of a grid centred on the origin, one patch apart.
layout(location = 0) in vec3 a_position;  // mm, z already exaggerated
// Normal and colour come from the full-resolution maps in the fragment shader; the mesh's own
// (locations 1 and 2) are for CPU use.
uniform mat4 u_view_projection;
uniform float u_patch_mm;
uniform int u_tiles;
out vec3 v_world;
out vec2 v_local;  // position within the patch, mm, before tiling
flat out int v_centre_tile;

void main() {
  ivec2 tile = ivec2(gl_InstanceID % u_tiles, gl_InstanceID / u_tiles);
  vec2 offset = (vec2(tile) - 0.5 * float(u_tiles - 1)) * u_patch_mm;
  v_world = a_position + vec3(offset, 0.0);
  v_local = a_position.xy;
  v_centre_tile = (tile.x == u_tiles / 2 && tile.y == u_tiles / 2) ? 1 : 0;
  gl_Position = u_view_projection * vec4(v_world, 1.0);
}
