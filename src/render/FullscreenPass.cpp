#include "render/FullscreenPass.hpp"

#include "render/Gl.hpp"
#include "render/GlUtil.hpp"
#include "render/Shaders.hpp"

namespace dermasim::render {

FullscreenPass::FullscreenPass(std::string_view fragmentFile)
    : program_(loadShaderProgram("fullscreen.vert.glsl", fragmentFile)) {
  // Core profile draws need a vertex array object bound, even an empty one.
  glGenVertexArrays(1, &vertexArray_);
}

FullscreenPass::~FullscreenPass() {
  if (vertexArray_ != 0) glDeleteVertexArrays(1, &vertexArray_);
}

void FullscreenPass::draw() const {
  program_.use();
  glBindVertexArray(vertexArray_);
  glDrawArrays(GL_TRIANGLES, 0, 3);
  glBindVertexArray(0);
  checkGlError("FullscreenPass::draw (" + program_.name() + ")");
}

}  // namespace dermasim::render
