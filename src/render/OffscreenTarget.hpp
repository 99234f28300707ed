#pragma once
// A framebuffer object of a fixed size (RGBA8 colour, depth + stencil): what HeadlessContext draws
// into, and what the viewer draws the skin into once to show it many times, and its exports.

#include "render/Image.hpp"

namespace dermasim::render {

class OffscreenTarget {
 public:
  // Needs a current OpenGL context. Throws std::runtime_error if the framebuffer is incomplete.
  OffscreenTarget(int width, int height);
  ~OffscreenTarget();
  OffscreenTarget(const OffscreenTarget&) = delete;
  OffscreenTarget& operator=(const OffscreenTarget&) = delete;

  int width() const { return width_; }
  int height() const { return height_; }
  unsigned int framebuffer() const { return framebuffer_; }
  // Its pixels, top row first.
  Image readPixels() const;
  // Copies it into the rectangle (x, y, width, height) (bottom-left, pixels) of the framebuffer
  // bound for drawing, scaled with linear filtering when the sizes differ.
  void blitTo(int x, int y, int width, int height) const;

 private:
  int width_, height_;
  unsigned int framebuffer_ = 0, colour_ = 0, depth_ = 0;
};

// Binds a framebuffer for drawing and reading, and binds back the previous one on leaving.
class BindFramebuffer {
 public:
  explicit BindFramebuffer(unsigned int framebuffer);
  ~BindFramebuffer();
  BindFramebuffer(const BindFramebuffer&) = delete;
  BindFramebuffer& operator=(const BindFramebuffer&) = delete;

 private:
  int previousDraw_ = 0, previousRead_ = 0;
  int previousViewport_[4] = {0, 0, 0, 0};
};

}  // namespace dermasim::render
