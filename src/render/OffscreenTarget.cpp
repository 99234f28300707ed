#include "render/OffscreenTarget.hpp"

#include <stdexcept>
#include <string>

#include "render/Gl.hpp"
#include "render/GlUtil.hpp"

namespace dermasim::render {

OffscreenTarget::OffscreenTarget(int width, int height) : width_(width), height_(height) {
  if (width < 1 || height < 1) {
    throw std::invalid_argument("offscreen target: size " + std::to_string(width) + "x" +
                                std::to_string(height));
  }
  GLint previous = 0;
  glGetIntegerv(GL_FRAMEBUFFER_BINDING, &previous);
  glGenRenderbuffers(1, &colour_);
  glBindRenderbuffer(GL_RENDERBUFFER, colour_);
  glRenderbufferStorage(GL_RENDERBUFFER, GL_RGBA8, width, height);
  glGenRenderbuffers(1, &depth_);
  glBindRenderbuffer(GL_RENDERBUFFER, depth_);
  glRenderbufferStorage(GL_RENDERBUFFER, GL_DEPTH24_STENCIL8, width, height);
  glBindRenderbuffer(GL_RENDERBUFFER, 0);
  glGenFramebuffers(1, &framebuffer_);
  glBindFramebuffer(GL_FRAMEBUFFER, framebuffer_);
  glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_RENDERBUFFER, colour_);
  glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_DEPTH_STENCIL_ATTACHMENT, GL_RENDERBUFFER, depth_);
  const GLenum status = glCheckFramebufferStatus(GL_FRAMEBUFFER);
  glBindFramebuffer(GL_FRAMEBUFFER, static_cast<GLuint>(previous));
  if (status != GL_FRAMEBUFFER_COMPLETE) {
    glDeleteFramebuffers(1, &framebuffer_);
    glDeleteRenderbuffers(1, &colour_);
    glDeleteRenderbuffers(1, &depth_);
    throw std::runtime_error("offscreen framebuffer " + std::to_string(width) + "x" +
                             std::to_string(height) + " is incomplete (status " +
                             std::to_string(status) + ")");
  }
  checkGlError("creating an offscreen framebuffer");
}

OffscreenTarget::~OffscreenTarget() {
  glDeleteFramebuffers(1, &framebuffer_);
  glDeleteRenderbuffers(1, &colour_);
  glDeleteRenderbuffers(1, &depth_);
}

Image OffscreenTarget::readPixels() const {
  const BindFramebuffer bind(framebuffer_);
  return render::readPixels(0, 0, width_, height_);
}

void OffscreenTarget::blitTo(int x, int y, int width, int height) const {
  GLint draw = 0;
  glGetIntegerv(GL_DRAW_FRAMEBUFFER_BINDING, &draw);
  glBindFramebuffer(GL_READ_FRAMEBUFFER, framebuffer_);
  const bool same = width == width_ && height == height_;
  glBlitFramebuffer(0, 0, width_, height_, x, y, x + width, y + height, GL_COLOR_BUFFER_BIT,
                    same ? GL_NEAREST : GL_LINEAR);
  glBindFramebuffer(GL_READ_FRAMEBUFFER, static_cast<GLuint>(draw));
}

BindFramebuffer::BindFramebuffer(unsigned int framebuffer) {
  glGetIntegerv(GL_DRAW_FRAMEBUFFER_BINDING, &previousDraw_);
  glGetIntegerv(GL_READ_FRAMEBUFFER_BINDING, &previousRead_);
  glGetIntegerv(GL_VIEWPORT, previousViewport_);
  glBindFramebuffer(GL_FRAMEBUFFER, framebuffer);
}

BindFramebuffer::~BindFramebuffer() {
  glBindFramebuffer(GL_DRAW_FRAMEBUFFER, static_cast<GLuint>(previousDraw_));
  glBindFramebuffer(GL_READ_FRAMEBUFFER, static_cast<GLuint>(previousRead_));
  glViewport(previousViewport_[0], previousViewport_[1], previousViewport_[2],
             previousViewport_[3]);
}

}  // namespace dermasim::render
