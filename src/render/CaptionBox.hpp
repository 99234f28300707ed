#pragma once
// Patient mode's caption (RenderOptions::caption): a plain-language sentence word-wrapped in
// large type inside a dark box across the lower part of the view, just above the watermark's
// band. Pure layout on the CPU; SkinRenderer draws it.
#include <string>
#include <string_view>
#include <vector>

#include "render/Font.hpp"
#include "render/SectionLegend.hpp"

namespace dermasim::render {

struct CaptionBox {
  int font_px = 0;
  int line_height = 0;  // baseline to baseline
  int padding = 0;      // between the box's edges and the text
  PixelRect box;        // (0, 0) at the view's top left; empty without a caption
  std::vector<std::string> lines;
};

// The words of `text` (split at spaces) packed greedily into lines no wider than `maxWidth`
// pixels at `pixelHeight`; a word wider than that gets a line of its own.
std::vector<std::string> wrapWords(Font& font, std::string_view text, int pixelHeight,
                                   float maxWidth);

// The caption box for `text` in a width x height view, just above `bandTop` (the top of the
// watermark's band, which stays free). Type is 1.6 times the panel captions' size, smaller only
// when the box would hide too much of the picture or a word would not fit.
CaptionBox placeCaptionBox(Font& font, std::string_view text, int width, int height, int bandTop,
                           float uiScale);

}  // namespace dermasim::render
