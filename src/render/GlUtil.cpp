#include "render/GlUtil.hpp"

#include <stdexcept>

#include "render/Gl.hpp"

namespace dermasim::render {

namespace {

const char* glErrorName(GLenum error) {
  switch (error) {
    case GL_INVALID_ENUM:
      return "GL_INVALID_ENUM";
    case GL_INVALID_VALUE:
      return "GL_INVALID_VALUE";
    case GL_INVALID_OPERATION:
      return "GL_INVALID_OPERATION";
    case GL_INVALID_FRAMEBUFFER_OPERATION:
      return "GL_INVALID_FRAMEBUFFER_OPERATION";
    case GL_OUT_OF_MEMORY:
      return "GL_OUT_OF_MEMORY";
    default:
      return "unknown GL error";
  }
}

std::string glString(GLenum name) {
  const GLubyte* value = glGetString(name);
  return value != nullptr ? std::string(reinterpret_cast<const char*>(value)) : std::string();
}

}  // namespace

void checkGlError(std::string_view what) {
  std::string errors;
  // glGetError can queue several flags; bound the loop in case no context is current.
  for (int i = 0; i < 16; ++i) {
    const GLenum error = glGetError();
    if (error == GL_NO_ERROR) break;
    if (!errors.empty()) errors += ", ";
    errors += glErrorName(error);
  }
  if (!errors.empty()) throw std::runtime_error(std::string(what) + ": OpenGL error " + errors);
}

std::string glRendererString() { return glString(GL_RENDERER); }
std::string glVersionString() { return glString(GL_VERSION); }

Image readPixels(int x, int y, int width, int height) {
  Image image(width, height);
  if (image.empty()) return image;
  GLint packAlignment = 4;
  glGetIntegerv(GL_PACK_ALIGNMENT, &packAlignment);
  glPixelStorei(GL_PACK_ALIGNMENT, 1);
  glReadPixels(x, y, width, height, GL_RGBA, GL_UNSIGNED_BYTE, image.data());
  glPixelStorei(GL_PACK_ALIGNMENT, packAlignment);
  checkGlError("glReadPixels");
  image.flipVertically();
  return image;
}

}  // namespace dermasim::render
