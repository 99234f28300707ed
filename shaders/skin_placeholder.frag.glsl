#version 330 core
// Placeholder for the skin shader: a flat skin tone. The real skin shading arrives with the
// rendering issue.
in vec2 v_uv;
uniform vec3 u_skin_color;  // linear 0..1 RGB, written as is
out vec4 frag_color;

void main() {
  frag_color = vec4(u_skin_color, 1.0);
}
