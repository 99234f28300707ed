#include "render/Painter2D.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstddef>

#include "render/Gl.hpp"
#include "render/GlUtil.hpp"
#include "render/Math3d.hpp"
#include "render/Shaders.hpp"

namespace dermasim::render {

namespace {

// The default face: its opaque block serves solid shapes until text picks another face.
constexpr int kSolidFacePixels = 12;

}  // namespace

Painter2D::Painter2D(Font& font)
    : font_(font), program_(loadShaderProgram("painter2d.vert.glsl", "painter2d.frag.glsl")) {
  glGenVertexArrays(1, &vertexArray_);
  glGenBuffers(1, &vertexBuffer_);
  glBindVertexArray(vertexArray_);
  glBindBuffer(GL_ARRAY_BUFFER, vertexBuffer_);
  const auto stride = static_cast<GLsizei>(sizeof(Vertex));
  glEnableVertexAttribArray(0);
  glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, stride,
                        reinterpret_cast<const void*>(offsetof(Vertex, x)));
  glEnableVertexAttribArray(1);
  glVertexAttribPointer(1, 2, GL_FLOAT, GL_FALSE, stride,
                        reinterpret_cast<const void*>(offsetof(Vertex, u)));
  glEnableVertexAttribArray(2);
  glVertexAttribPointer(2, 4, GL_FLOAT, GL_FALSE, stride,
                        reinterpret_cast<const void*>(offsetof(Vertex, r)));
  glBindVertexArray(0);
  glBindBuffer(GL_ARRAY_BUFFER, 0);
  program_.setUniform("u_atlas", 0);
  checkGlError("Painter2D: creating buffers");
}

Painter2D::~Painter2D() {
  for (const auto& [generation, texture] : textures_) glDeleteTextures(1, &texture);
  if (vertexBuffer_ != 0) glDeleteBuffers(1, &vertexBuffer_);
  if (vertexArray_ != 0) glDeleteVertexArrays(1, &vertexArray_);
}

void Painter2D::begin(int width, int height) {
  width_ = width;
  height_ = height;
  vertices_.clear();
  face_ = &font_.face(kSolidFacePixels);
}

void Painter2D::end() {
  flush();
  face_ = nullptr;
}

void Painter2D::useFace(const FontFace& face) {
  if (face_ == &face) return;
  flush();
  face_ = &face;
}

void Painter2D::quad(float x0, float y0, float x1, float y1, float u0, float v0, float u1, float v1,
                     Colour4 left, Colour4 right) {
  const Vertex a{x0, y0, u0, v0, left.r, left.g, left.b, left.a};
  const Vertex b{x1, y0, u1, v0, right.r, right.g, right.b, right.a};
  const Vertex c{x1, y1, u1, v1, right.r, right.g, right.b, right.a};
  const Vertex d{x0, y1, u0, v1, left.r, left.g, left.b, left.a};
  vertices_.insert(vertices_.end(), {a, b, c, a, c, d});
}

void Painter2D::rect(float x, float y, float w, float h, Colour4 colour) {
  gradient(x, y, w, h, colour, colour);
}

void Painter2D::gradient(float x, float y, float w, float h, Colour4 left, Colour4 right) {
  const auto [u, v] = face_->solidUv();
  quad(x, y, x + w, y + h, u, v, u, v, left, right);
}

void Painter2D::disc(float cx, float cy, float radius, Colour4 colour) {
  if (radius <= 0) return;
  const auto [u, v] = face_->solidUv();
  const Colour4 clear{colour.r, colour.g, colour.b, 0};
  const auto vertex = [&](float x, float y, Colour4 c) {
    return Vertex{x, y, u, v, c.r, c.g, c.b, c.a};
  };
  // Enough segments that the rim's chords stay well under a pixel from the circle.
  const int segments = std::clamp(static_cast<int>(std::ceil(radius * 1.5f)), 16, 128);
  const float inner = std::max(radius - 0.5f, 0.0f), outer = radius + 0.5f;
  for (int i = 0; i < segments; ++i) {
    const float a0 = 2 * kPi * static_cast<float>(i) / static_cast<float>(segments);
    const float a1 = 2 * kPi * static_cast<float>(i + 1) / static_cast<float>(segments);
    const float c0 = std::cos(a0), s0 = std::sin(a0), c1 = std::cos(a1), s1 = std::sin(a1);
    const Vertex i0 = vertex(cx + inner * c0, cy + inner * s0, colour);
    const Vertex i1 = vertex(cx + inner * c1, cy + inner * s1, colour);
    const Vertex o0 = vertex(cx + outer * c0, cy + outer * s0, clear);
    const Vertex o1 = vertex(cx + outer * c1, cy + outer * s1, clear);
    // The solid fan, then the rim fading from the colour to nothing over one pixel.
    vertices_.insert(vertices_.end(), {vertex(cx, cy, colour), i0, i1, i0, o0, o1, i0, o1, i1});
  }
}

void Painter2D::triangle(float x0, float y0, float x1, float y1, float x2, float y2,
                         Colour4 colour) {
  const auto [u, v] = face_->solidUv();
  const auto vertex = [&](float x, float y) {
    return Vertex{x, y, u, v, colour.r, colour.g, colour.b, colour.a};
  };
  vertices_.insert(vertices_.end(), {vertex(x0, y0), vertex(x1, y1), vertex(x2, y2)});
}

float Painter2D::text(float x, float baseline, std::string_view text, int pixelHeight,
                      Colour4 colour) {
  const TextLayout layout = font_.layout(text, pixelHeight);
  useFace(font_.face(pixelHeight));
  for (const GlyphQuad& g : layout.quads) {
    quad(x + g.x0, baseline + g.y0, x + g.x1, baseline + g.y1, g.u0, g.v0, g.u1, g.v1, colour,
         colour);
  }
  return layout.width;
}

unsigned int Painter2D::textureFor(const FontFace& face) {
  if (const auto found = textures_.find(face.generation); found != textures_.end()) {
    return found->second;
  }
  GLuint texture = 0;
  glGenTextures(1, &texture);
  glBindTexture(GL_TEXTURE_2D, texture);
  GLint unpackAlignment = 4;
  glGetIntegerv(GL_UNPACK_ALIGNMENT, &unpackAlignment);
  glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
  glTexImage2D(GL_TEXTURE_2D, 0, GL_R8, face.atlas_width, face.atlas_height, 0, GL_RED,
               GL_UNSIGNED_BYTE, face.atlas.data());
  glPixelStorei(GL_UNPACK_ALIGNMENT, unpackAlignment);
  // Glyphs are oversampled horizontally, which relies on bilinear filtering.
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
  textures_.emplace(face.generation, texture);
  return texture;
}

void Painter2D::flush() {
  if (vertices_.empty() || face_ == nullptr || width_ <= 0 || height_ <= 0) {
    vertices_.clear();
    return;
  }
  program_.use();
  glUniform2f(glGetUniformLocation(program_.id(), "u_viewport_px"), static_cast<float>(width_),
              static_cast<float>(height_));
  glActiveTexture(GL_TEXTURE0);
  glBindTexture(GL_TEXTURE_2D, textureFor(*face_));
  glDisable(GL_DEPTH_TEST);
  glEnable(GL_BLEND);
  // Alpha accumulates towards opaque, so exported PNGs stay opaque.
  glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
  glBindVertexArray(vertexArray_);
  glBindBuffer(GL_ARRAY_BUFFER, vertexBuffer_);
  glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(vertices_.size() * sizeof(Vertex)),
               vertices_.data(), GL_STREAM_DRAW);
  glDrawArrays(GL_TRIANGLES, 0, static_cast<GLsizei>(vertices_.size()));
  glBindVertexArray(0);
  glBindBuffer(GL_ARRAY_BUFFER, 0);
  glDisable(GL_BLEND);
  vertices_.clear();
  checkGlError("Painter2D: drawing");
}

}  // namespace dermasim::render
