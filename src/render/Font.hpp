#pragma once
// Text for images without ImGui (watermark, legends, scales): DejaVu Sans through stb_truetype,
// baked per pixel size into an alpha atlas; when no TrueType font is installed, stb_easy_font's
// built-in bitmap font. Pure CPU: Painter2D uploads the atlas and draws the quads.
#include <array>
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace dermasim::render {

// One glyph (or one bar of a bitmap-font glyph) as a rectangle in pixels, y down, relative to
// the pen position on the baseline, and its place in the atlas (0..1).
struct GlyphQuad {
  float x0 = 0, y0 = 0, x1 = 0, y1 = 0;
  float u0 = 0, v0 = 0, u1 = 0, v1 = 0;
};

// The glyphs of one pixel size. The atlas is single-channel coverage; its opaque block at
// solidUv() lets solid rectangles be drawn with the same texture.
struct FontFace {
  int pixel_height = 0;
  float ascent = 0;   // above the baseline, pixels
  float descent = 0;  // below the baseline, pixels (positive)
  int atlas_width = 0, atlas_height = 0;
  std::vector<std::uint8_t> atlas;
  std::uint64_t generation = 0;  // distinct per face, for texture caches

  std::array<float, 2> solidUv() const;
};

struct TextLayout {
  std::vector<GlyphQuad> quads;
  float width = 0;  // advance of the whole string, pixels
};

class Font {
 public:
  // DejaVu Sans from the usual Debian and Arch places, or the built-in bitmap font.
  Font();
  ~Font();
  Font(const Font&) = delete;
  Font& operator=(const Font&) = delete;

  // "DejaVuSans.ttf" path, or "built-in bitmap font".
  const std::string& name() const { return name_; }
  bool isTrueType() const { return trueType_ != nullptr; }

  // The face for a pixel height (clamped to 6..96), baked on first use.
  const FontFace& face(int pixelHeight);
  // Quads of UTF-8 `text` (Latin-1 range; other characters show as '?') at a pen starting at
  // x = 0 on the baseline.
  TextLayout layout(std::string_view text, int pixelHeight);
  float width(std::string_view text, int pixelHeight) { return layout(text, pixelHeight).width; }

 private:
  struct TrueType;
  std::string name_;
  std::unique_ptr<TrueType> trueType_;
  std::map<int, FontFace> faces_;
};

}  // namespace dermasim::render
