#version 330 core
// One triangle that covers the whole viewport, made from gl_VertexID alone: draw it with
// glDrawArrays(GL_TRIANGLES, 0, 3) and an empty vertex array object bound.
out vec2 v_uv;  // 0..1 across the viewport, (0, 0) at the bottom left

void main() {
  vec2 corner = vec2(float((gl_VertexID << 1) & 2), float(gl_VertexID & 2));
  v_uv = corner;
  gl_Position = vec4(corner * 2.0 - 1.0, 0.0, 1.0);
}
