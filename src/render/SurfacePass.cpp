#include "render/SurfacePass.hpp"

#include <algorithm>
#include <cmath>
#include <cstddef>

#include "render/Gl.hpp"
#include "render/GlUtil.hpp"
#include "render/Shaders.hpp"

namespace dermasim::render {

namespace {

constexpr float kAmbient = 0.22f;
constexpr float kSpecular = 0.035f;
constexpr float kShininess = 24.0f;
// Below this elevation the flat-skin normalisation would blow slopes out entirely.
constexpr float kMinLightElevationSin = 0.12f;

void setVec3(const ShaderProgram& program, const char* name, Vec3 v) {
  glUniform3f(glGetUniformLocation(program.id(), name), v.x, v.y, v.z);
}

}  // namespace

SurfacePass::SurfacePass() : program_(loadShaderProgram("surface.vert.glsl", "surface.frag.glsl")) {
  glGenVertexArrays(1, &vertexArray_);
  glGenBuffers(1, &vertexBuffer_);
  glGenBuffers(1, &indexBuffer_);
  glBindVertexArray(vertexArray_);
  glBindBuffer(GL_ARRAY_BUFFER, vertexBuffer_);
  glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, indexBuffer_);
  const auto stride = static_cast<GLsizei>(sizeof(SurfaceVertex));
  glEnableVertexAttribArray(0);
  glVertexAttribPointer(0, 3, GL_FLOAT, GL_FALSE, stride,
                        reinterpret_cast<const void*>(offsetof(SurfaceVertex, x)));
  glEnableVertexAttribArray(1);
  glVertexAttribPointer(1, 3, GL_FLOAT, GL_FALSE, stride,
                        reinterpret_cast<const void*>(offsetof(SurfaceVertex, nx)));
  glEnableVertexAttribArray(2);
  glVertexAttribPointer(2, 3, GL_FLOAT, GL_FALSE, stride,
                        reinterpret_cast<const void*>(offsetof(SurfaceVertex, r)));
  glBindVertexArray(0);
  glBindBuffer(GL_ARRAY_BUFFER, 0);
  // The shading maps repeat with the patch, which is periodic.
  for (unsigned int* map : {&normalMap_, &albedoMap_}) {
    glGenTextures(1, map);
    glBindTexture(GL_TEXTURE_2D, *map);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_REPEAT);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_REPEAT);
  }
  glBindTexture(GL_TEXTURE_2D, 0);
  program_.use();
  glUniform1i(glGetUniformLocation(program_.id(), "u_normal_map"), 0);
  glUniform1i(glGetUniformLocation(program_.id(), "u_albedo_map"), 1);
  glUseProgram(0);
  checkGlError("SurfacePass: creating buffers");
}

SurfacePass::~SurfacePass() {
  for (unsigned int* map : {&normalMap_, &albedoMap_}) {
    if (*map != 0) glDeleteTextures(1, map);
  }
  if (indexBuffer_ != 0) glDeleteBuffers(1, &indexBuffer_);
  if (vertexBuffer_ != 0) glDeleteBuffers(1, &vertexBuffer_);
  if (vertexArray_ != 0) glDeleteVertexArrays(1, &vertexArray_);
}

void SurfacePass::setMesh(const SurfaceMesh& mesh) {
  glBindVertexArray(vertexArray_);
  glBindBuffer(GL_ARRAY_BUFFER, vertexBuffer_);
  glBufferData(GL_ARRAY_BUFFER,
               static_cast<GLsizeiptr>(mesh.vertices.size() * sizeof(SurfaceVertex)),
               mesh.vertices.data(), GL_STATIC_DRAW);
  // The element buffer binding is part of the vertex array object.
  glBufferData(GL_ELEMENT_ARRAY_BUFFER,
               static_cast<GLsizeiptr>(mesh.indices.size() * sizeof(std::uint32_t)),
               mesh.indices.data(), GL_STATIC_DRAW);
  glBindVertexArray(0);
  glBindBuffer(GL_ARRAY_BUFFER, 0);
  glPixelStorei(GL_UNPACK_ALIGNMENT, 4);
  glBindTexture(GL_TEXTURE_2D, normalMap_);
  glTexImage2D(GL_TEXTURE_2D, 0, GL_RGB16F, mesh.map_nx, mesh.map_ny, 0, GL_RGB, GL_FLOAT,
               mesh.normal_map.data());
  glBindTexture(GL_TEXTURE_2D, albedoMap_);
  glTexImage2D(GL_TEXTURE_2D, 0, GL_RGB16F, mesh.map_nx, mesh.map_ny, 0, GL_RGB, GL_FLOAT,
               mesh.albedo_map.data());
  glBindTexture(GL_TEXTURE_2D, 0);
  indexCount_ = static_cast<int>(mesh.indices.size());
  stride_ = mesh.stride;
  patchMm_ = mesh.patch_mm;
  checkGlError("SurfacePass: uploading the mesh");
}

Mat4 SurfacePass::viewProjection(const OrbitCamera& camera, float aspect, float patchMm, int tiles,
                                 Vec3* eyeOut) {
  const float extent = patchMm * static_cast<float>(std::max(tiles, 1));
  const float fov = radians(std::clamp(camera.fov_y_deg, 5.0f, 120.0f));
  const float zoom = std::max(camera.zoom, 0.05f);
  // Far enough that the tiled area's width fills the view at the orbited point; a tall view
  // crops its sides rather than leave the oblique patch a strip across its middle.
  const float halfWidth = 0.5f * extent * 0.92f;
  const float distance = halfWidth / (std::tan(fov / 2) * std::max(aspect, 1.0f)) / zoom;
  const Vec3 target{camera.pan_x_mm, camera.pan_y_mm, 0};
  const float elevation = std::clamp(camera.elevation_deg, 1.0f, 89.9f);
  const Vec3 eye = target + distance * directionFromAngles(camera.azimuth_deg, elevation);
  if (eyeOut != nullptr) *eyeOut = eye;
  const float near = distance * 0.02f;
  const float far = distance + 2 * extent;
  return multiply(perspective(fov, aspect, near, far), lookAt(eye, target, {0, 0, 1}));
}

void SurfacePass::draw(const RenderOptions& options, float aspect, const SectionCut& cut) const {
  if (!hasMesh()) return;
  const int tiles = std::clamp(options.tiles, 1, 15);
  Vec3 eye;
  const Mat4 viewProjection =
      SurfacePass::viewProjection(options.camera, aspect, patchMm_, tiles, &eye);
  const Vec3 light = directionFromAngles(options.light.azimuth_deg,
                                         std::clamp(options.light.elevation_deg, 1.0f, 90.0f));
  const float gain = (1 - kAmbient) / std::max(light.z, kMinLightElevationSin);

  program_.use();
  const GLuint id = program_.id();
  glUniformMatrix4fv(glGetUniformLocation(id, "u_view_projection"), 1, GL_FALSE,
                     viewProjection.data());
  glUniform1f(glGetUniformLocation(id, "u_patch_mm"), patchMm_);
  glUniform1i(glGetUniformLocation(id, "u_tiles"), tiles);
  setVec3(program_, "u_light_dir", light);
  setVec3(program_, "u_eye", eye);
  glUniform1f(glGetUniformLocation(id, "u_ambient"), kAmbient);
  glUniform1f(glGetUniformLocation(id, "u_diffuse_gain"), gain);
  glUniform1f(glGetUniformLocation(id, "u_specular"), kSpecular);
  glUniform1f(glGetUniformLocation(id, "u_shininess"), kShininess);
  glUniform1i(glGetUniformLocation(id, "u_show_section"),
              options.view == View::Split && options.show_section_line ? 1 : 0);
  glUniform3f(glGetUniformLocation(id, "u_section_cut_mm"), cut.y_mm, cut.x_from_mm, cut.x_to_mm);

  glEnable(GL_DEPTH_TEST);
  glDepthFunc(GL_LESS);
  glClear(GL_DEPTH_BUFFER_BIT);
  glActiveTexture(GL_TEXTURE0);
  glBindTexture(GL_TEXTURE_2D, normalMap_);
  glActiveTexture(GL_TEXTURE1);
  glBindTexture(GL_TEXTURE_2D, albedoMap_);
  glActiveTexture(GL_TEXTURE0);
  glBindVertexArray(vertexArray_);
  glDrawElementsInstanced(GL_TRIANGLES, indexCount_, GL_UNSIGNED_INT, nullptr, tiles * tiles);
  glBindVertexArray(0);
  glActiveTexture(GL_TEXTURE1);
  glBindTexture(GL_TEXTURE_2D, 0);
  glActiveTexture(GL_TEXTURE0);
  glBindTexture(GL_TEXTURE_2D, 0);
  glDisable(GL_DEPTH_TEST);
  checkGlError("SurfacePass::draw");
}

}  // namespace dermasim::render
