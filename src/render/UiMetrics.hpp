#pragma once
// Sizes of text and lines in the renderer's 2-D layers, from the panel's size and the UI scale
// (RenderOptions::ui_scale), so captions stay readable in small images and crisp in large ones.
#include <algorithm>
#include <cmath>

namespace dermasim::render {

// Text height in pixels for a width x height panel: about 1/36 of its height, 10 to 20 pixels
// before scaling.
inline int panelFontPx(int width, int height, float uiScale) {
  const double scale = std::max(0.25, static_cast<double>(uiScale));
  const double unscaled = std::min(height / 36.0, width / 40.0) / scale;
  return static_cast<int>(std::lround(std::clamp(std::round(unscaled), 10.0, 20.0) * scale));
}

// Width of frames, ticks and borders: one pixel, more at large UI scales.
inline float hairline(int fontPx) {
  return std::max(1.0f, std::floor(static_cast<float>(fontPx) / 16.0f));
}

}  // namespace dermasim::render
