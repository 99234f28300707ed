#pragma once
// Draws the skin surface mesh as a lit relief, tiled, from an orbit camera. Needs a current
// OpenGL 3.3 core context.
#include "render/Math3d.hpp"
#include "render/RenderOptions.hpp"
#include "render/ShaderProgram.hpp"
#include "render/SurfaceMesh.hpp"

namespace dermasim::render {

// Where the section view cuts the patch: the line y = y_mm from x_from_mm to x_to_mm, in the
// patch's coordinates (centre at 0).
struct SectionCut {
  float y_mm = 0, x_from_mm = 0, x_to_mm = 0;
};

class SurfacePass {
 public:
  SurfacePass();
  ~SurfacePass();
  SurfacePass(const SurfacePass&) = delete;
  SurfacePass& operator=(const SurfacePass&) = delete;

  // Uploads a mesh (replacing the previous one).
  void setMesh(const SurfaceMesh& mesh);
  bool hasMesh() const { return indexCount_ > 0; }
  int stride() const { return stride_; }

  // Draws into the current viewport, `aspect` = its width / height, with depth testing (clearing
  // the depth buffer in the scissor box). `cut` marks the section's cut in the centre tile, in
  // View::Split when options.show_section_line is set.
  void draw(const RenderOptions& options, float aspect, const SectionCut& cut) const;

  // The camera's view-projection matrix and eye position for a tiled patch of side `patchMm`.
  static Mat4 viewProjection(const OrbitCamera& camera, float aspect, float patchMm, int tiles,
                             Vec3* eye = nullptr);

 private:
  ShaderProgram program_;
  unsigned int vertexArray_ = 0, vertexBuffer_ = 0, indexBuffer_ = 0;
  unsigned int normalMap_ = 0, albedoMap_ = 0;
  int indexCount_ = 0;
  int stride_ = 1;
  float patchMm_ = 0;
};

}  // namespace dermasim::render
