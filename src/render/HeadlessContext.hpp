#pragma once
// An OpenGL 3.3 core context with no window and no display server: EGL on Mesa's surfaceless
// platform, drawing into an offscreen framebuffer of a fixed size. For image export and pixel
// tests; set LIBGL_ALWAYS_SOFTWARE=1 for results that do not depend on the machine's GPU.
#include <memory>
#include <string>

#include "render/Image.hpp"

namespace dermasim::render {

class OffscreenTarget;

class HeadlessContext {
 public:
  // Creates the context and a width x height RGBA8 + depth/stencil framebuffer, and leaves both
  // current and bound, with the viewport covering it. Throws std::runtime_error with a readable
  // reason when EGL or OpenGL 3.3 core is not available.
  HeadlessContext(int width, int height);
  ~HeadlessContext();
  HeadlessContext(const HeadlessContext&) = delete;
  HeadlessContext& operator=(const HeadlessContext&) = delete;

  int width() const { return width_; }
  int height() const { return height_; }

  // Makes the context current on the calling thread and binds its framebuffer and viewport
  // (needed again only after another context was made current).
  void makeCurrent();

  // GL_RENDERER, e.g. "llvmpipe (LLVM 15.0.6, 256 bits)".
  std::string renderer() const;

  // The framebuffer's pixels, top row first (waits for drawing to finish).
  Image readPixels();

 private:
  struct Egl;
  std::unique_ptr<Egl> egl_;
  int width_ = 0;
  int height_ = 0;
  std::unique_ptr<OffscreenTarget> target_;
};

}  // namespace dermasim::render
