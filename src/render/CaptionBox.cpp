#include "render/CaptionBox.hpp"

#include <algorithm>
#include <cmath>

#include "render/UiMetrics.hpp"

namespace dermasim::render {

namespace {

// Readable from across a desk, against the panel captions meant for the person at the screen.
constexpr double kCaptionTypeScale = 1.6;
// The text may span this much of the view's width, and the box this much of its height, before
// the type gets smaller: the caption explains the picture and must not hide it.
constexpr float kMaxWidthShare = 0.88f;
constexpr float kMaxHeightShare = 0.4f;
constexpr int kMinFontPx = 6;

}  // namespace

std::vector<std::string> wrapWords(Font& font, std::string_view text, int pixelHeight,
                                   float maxWidth) {
  std::vector<std::string> lines;
  std::string line;
  std::size_t at = 0;
  while (at < text.size()) {
    const std::size_t space = std::min(text.find(' ', at), text.size());
    const std::string_view word = text.substr(at, space - at);
    at = space + 1;
    if (word.empty()) continue;
    std::string longer = line;
    if (!longer.empty()) longer += ' ';
    longer += word;
    if (!line.empty() && font.width(longer, pixelHeight) > maxWidth) {
      lines.push_back(std::move(line));
      line = std::string(word);
    } else {
      line = std::move(longer);
    }
  }
  if (!line.empty()) lines.push_back(std::move(line));
  return lines;
}

CaptionBox placeCaptionBox(Font& font, std::string_view text, int width, int height, int bandTop,
                           float uiScale) {
  CaptionBox c;
  if (text.find_first_not_of(' ') == std::string_view::npos || width < 1 || height < 1) return c;
  const int panelPx = panelFontPx(width, height, uiScale);
  c.font_px = static_cast<int>(std::lround(kCaptionTypeScale * panelPx));
  float widest = 0;
  for (;; --c.font_px) {
    const int fs = c.font_px;
    c.padding = fs * 3 / 5;
    c.line_height = fs * 13 / 10;
    const float maxText =
        kMaxWidthShare * static_cast<float>(width) - 2.0f * static_cast<float>(c.padding);
    c.lines = wrapWords(font, text, fs, maxText);
    widest = 0;
    for (const std::string& line : c.lines) widest = std::max(widest, font.width(line, fs));
    const int lines = static_cast<int>(c.lines.size());
    c.box.height = c.line_height * lines + 2 * c.padding - (c.line_height - fs) / 2;
    const bool fits = widest <= maxText && static_cast<float>(c.box.height) <=
                                               kMaxHeightShare * static_cast<float>(height);
    // Down to the panel captions' size for a long sentence; below it only for a word too wide.
    if (fits || fs <= kMinFontPx || (fs <= panelPx && widest <= maxText)) break;
  }
  c.box.width = static_cast<int>(std::ceil(widest)) + 2 * c.padding;
  c.box.x = (width - c.box.width) / 2;
  c.box.y = std::max(0, bandTop - c.font_px / 2 - c.box.height);
  return c;
}

}  // namespace dermasim::render
