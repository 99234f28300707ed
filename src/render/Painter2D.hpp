#pragma once
// Flat 2-D drawing in pixels over the current viewport: rectangles, gradients and text, batched
// into one vertex buffer. For legends, scales, captions and the watermark. Colours are
// gamma-encoded sRGB with straight alpha, written as given. Needs a current OpenGL 3.3 context.
#include <cstdint>
#include <map>
#include <string_view>
#include <vector>

#include "render/Font.hpp"
#include "render/ShaderProgram.hpp"

namespace dermasim::render {

struct Colour4 {
  float r = 0, g = 0, b = 0, a = 1;
};

class Painter2D {
 public:
  explicit Painter2D(Font& font);
  ~Painter2D();
  Painter2D(const Painter2D&) = delete;
  Painter2D& operator=(const Painter2D&) = delete;

  Font& font() { return font_; }

  // Starts drawing over the current viewport, `width` x `height` pixels, (0, 0) at its top left.
  void begin(int width, int height);
  // Draws what was queued since begin(), blended over the framebuffer.
  void end();

  void rect(float x, float y, float w, float h, Colour4 colour);
  // Colours interpolated from the left edge to the right edge.
  void gradient(float x, float y, float w, float h, Colour4 left, Colour4 right);
  // A filled circle with a one-pixel soft edge, so it stays round without supersampling.
  void disc(float cx, float cy, float radius, Colour4 colour);
  void triangle(float x0, float y0, float x1, float y1, float x2, float y2, Colour4 colour);
  // UTF-8 text with the pen at (x, baseline); returns its width in pixels.
  float text(float x, float baseline, std::string_view text, int pixelHeight, Colour4 colour);
  float textWidth(std::string_view text, int pixelHeight) { return font_.width(text, pixelHeight); }

 private:
  struct Vertex {
    float x, y, u, v, r, g, b, a;
  };
  void useFace(const FontFace& face);
  void quad(float x0, float y0, float x1, float y1, float u0, float v0, float u1, float v1,
            Colour4 left, Colour4 right);
  void flush();
  unsigned int textureFor(const FontFace& face);

  Font& font_;
  ShaderProgram program_;
  unsigned int vertexArray_ = 0, vertexBuffer_ = 0;
  std::map<std::uint64_t, unsigned int> textures_;  // by FontFace::generation
  const FontFace* face_ = nullptr;
  std::vector<Vertex> vertices_;
  int width_ = 0, height_ = 0;
};

}  // namespace dermasim::render
