#pragma once
// Runs a fragment shader over the whole viewport (one triangle, no vertex buffers): the base of
// image-space passes such as the skin placeholder. Needs a current OpenGL 3.3 core context.
#include <string_view>

#include "render/ShaderProgram.hpp"

namespace dermasim::render {

class FullscreenPass {
 public:
  // `fragmentFile` names an embedded shader, paired with fullscreen.vert.glsl.
  explicit FullscreenPass(std::string_view fragmentFile);
  ~FullscreenPass();
  FullscreenPass(const FullscreenPass&) = delete;
  FullscreenPass& operator=(const FullscreenPass&) = delete;

  const ShaderProgram& program() const { return program_; }
  // Draws over the current viewport with the program; set its uniforms first.
  void draw() const;

 private:
  ShaderProgram program_;
  unsigned int vertexArray_ = 0;
};

}  // namespace dermasim::render
