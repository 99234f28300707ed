#include "render/SectionLegend.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>
#include <vector>

#include "render/SectionStyle.hpp"

namespace dermasim::render {

namespace {

Colour4 opaque(const Rgb& c) { return {c[0], c[1], c[2], 1}; }

Rgb mixRgb(const Rgb& a, const Rgb& b, float t) {
  return {a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t, a[2] + (b[2] - a[2]) * t};
}

// "0.5", "1", "1.25": shortest form of a tick value.
std::string tickLabel(double value) {
  char text[32];
  std::snprintf(text, sizeof text, "%.2f", value);
  std::string s(text);
  while (s.back() == '0') s.pop_back();
  if (s.back() == '.') s.pop_back();
  return s == "-0" ? "0" : s;
}

struct Swatch {
  Rgb colour;
  const char* label;
};

}  // namespace

int drawSectionLegend(Painter2D* painter, Font& font, PixelRect area, int fontPx,
                      SectionOverlay overlay) {
  const float fs = static_cast<float>(fontPx);
  const float swatch = std::round(fs * 0.9f);
  const float gap = std::round(fs * 1.2f);
  const float line = std::round(fs * 1.6f);
  float x = static_cast<float>(area.x);
  float y = static_cast<float>(area.y);
  const float right = static_cast<float>(area.x + area.width);

  // Layer swatches, flowing onto further lines when the area is narrow.
  const Swatch swatches[] = {
      {SectionTints::kEpidermis, "Epidermis"},
      {SectionTints::kPapillary, "Papillary dermis"},
      {SectionTints::kReticular, "Reticular dermis"},
      {SectionTints::kSubcutis, "Subcutis (not modelled)"},
      {SectionTints::kTrack, "Open needle channel"},
  };
  for (const Swatch& s : swatches) {
    const float w = swatch + 0.4f * fs + font.width(s.label, fontPx);
    if (x > static_cast<float>(area.x) && x + w > right) {
      x = static_cast<float>(area.x);
      y += line;
    }
    if (painter != nullptr) {
      const float top = y + (line - swatch) / 2;
      painter->rect(x - 1, top - 1, swatch + 2, swatch + 2, kSectionInkSoft);
      painter->rect(x, top, swatch, swatch, opaque(s.colour));
      painter->text(x + swatch + 0.4f * fs, y + 0.5f * line + 0.35f * fs, s.label, fontPx,
                    kSectionInk);
    }
    x += w + gap;
  }
  y += line + 0.4f * fs;

  // One colour bar per stain: from the bare reticular tint to the stain at full strength.
  const float labelWidth = std::round(fs * 9.5f);
  const float barWidth =
      std::max(4 * fs, std::min(16 * fs, right - static_cast<float>(area.x) - labelWidth));
  const float barHeight = std::round(fs * 0.8f);
  for (const Stain& stain : stainsFor(overlay)) {
    const float barX = static_cast<float>(area.x) + labelWidth;
    if (painter != nullptr) {
      painter->text(static_cast<float>(area.x), y + 0.9f * fs, std::string(stain.label), fontPx,
                    kSectionInk);
      const int small = std::max(8, fontPx * 4 / 5);
      painter->text(static_cast<float>(area.x), y + 2.0f * fs, std::string(stain.unit), small,
                    kSectionInkSoft);
      const Rgb full = mixRgb(SectionTints::kReticular, stain.colour, kStainOpacity);
      painter->rect(barX - 1, y + 0.2f * fs - 1, barWidth + 2, barHeight + 2, kSectionInkSoft);
      painter->gradient(barX, y + 0.2f * fs, barWidth, barHeight,
                        opaque(SectionTints::kReticular), opaque(full));
      for (int t = 0; t <= 2; ++t) {
        const float tx = barX + barWidth * static_cast<float>(t) / 2;
        const std::string label =
            tickLabel(static_cast<double>(stain.full_scale) * t / 2) + (t == 2 ? "+" : "");
        const float w = painter->textWidth(label, small);
        painter->rect(tx - 0.5f, y + 0.2f * fs + barHeight, 1, 0.3f * fs, kSectionInkSoft);
        painter->text(std::clamp(tx - w / 2, barX - w / 2, barX + barWidth - w / 2),
                      y + 0.2f * fs + barHeight + 0.35f * fs + static_cast<float>(small),
                      label, small, kSectionInk);
      }
    }
    y += std::round(fs * 2.8f);
  }
  return static_cast<int>(std::ceil(y)) - area.y;
}

void drawDepthScale(Painter2D& painter, PixelRect image, float zTopMm, float zBottomMm,
                    int fontPx) {
  const float fs = static_cast<float>(fontPx);
  const float pxPerMm = static_cast<float>(image.height) / (zBottomMm - zTopMm);
  // The finest of these steps that keeps ticks at least ~2.5 text heights apart.
  float step = 1.0f;
  for (float candidate : {0.1f, 0.2f, 0.25f, 0.5f, 1.0f}) {
    if (candidate * pxPerMm >= 2.5f * fs) {
      step = candidate;
      break;
    }
  }
  const float axisX = static_cast<float>(image.x) - std::round(0.4f * fs);
  const auto rowOf = [&](float z) { return static_cast<float>(image.y) + (z - zTopMm) * pxPerMm; };
  painter.rect(axisX, static_cast<float>(image.y), 1, static_cast<float>(image.height),
               kSectionInkSoft);
  for (float z = std::ceil(zTopMm / step) * step; z <= zBottomMm + 1e-4f; z += step) {
    const float row = rowOf(z);
    painter.rect(axisX - 0.4f * fs, row - 0.5f, 0.4f * fs, 1, kSectionInkSoft);
    const std::string label = tickLabel(static_cast<double>(z));
    const float w = painter.textWidth(label, fontPx);
    painter.text(axisX - 0.6f * fs - w, row + 0.35f * fs, label, fontPx, kSectionInk);
  }
  const float w = painter.textWidth("mm", fontPx);
  painter.text(axisX - 0.6f * fs - w, static_cast<float>(image.y) - 0.5f * fs, "mm", fontPx,
               kSectionInkSoft);
}

void drawLengthBar(Painter2D& painter, PixelRect image, float mmPerPixel, int fontPx) {
  const float fs = static_cast<float>(fontPx);
  const float widthMm = mmPerPixel * static_cast<float>(image.width);
  float lengthMm = 1.0f;
  if (widthMm < 2.0f) lengthMm = 0.5f;
  if (widthMm < 1.0f) lengthMm = 0.2f;
  const float length = lengthMm / mmPerPixel;
  const float x1 = static_cast<float>(image.x + image.width);
  const float y = static_cast<float>(image.y + image.height) + 0.6f * fs;
  painter.rect(x1 - length, y, length, std::max(2.0f, 0.2f * fs), kSectionInk);
  const std::string label = tickLabel(static_cast<double>(lengthMm)) + " mm";
  const float w = painter.textWidth(label, fontPx);
  painter.text(x1 - length - 0.5f * fs - w, y + 0.45f * fs, label, fontPx, kSectionInk);
}

}  // namespace dermasim::render
