#include "render/SectionLegend.hpp"

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "core/numerics/NumberText.hpp"
#include "render/SectionStyle.hpp"
#include "render/UiMetrics.hpp"

namespace dermasim::render {

namespace {

Colour4 opaque(const Rgb& c) { return {c[0], c[1], c[2], 1}; }

Rgb mixRgb(const Rgb& a, const Rgb& b, float t) {
  return {a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t, a[2] + (b[2] - a[2]) * t};
}

// "0.5", "1", "1.25": shortest form of a tick value.
std::string tickLabel(double value) { return roundedNumber(value, 2); }

struct Swatch {
  Rgb colour;
  const char* label;
};

struct LegendBar {
  std::string label, unit;
  std::vector<Rgb> stops;          // evenly spaced along the bar
  std::vector<std::string> ticks;  // evenly spaced, first at the left end
};

Rgb stained(const Rgb& colour, float strength) {
  return mixRgb(SectionTints::kReticular, colour, kStainOpacity * strength);
}

std::vector<LegendBar> legendBars(SectionOverlay overlay) {
  std::vector<LegendBar> bars;
  if (overlay == SectionOverlay::Collagen) {
    // Strength shown at the normal dermis's type III share.
    constexpr float kNormalShare = 0.17f;
    const auto full = static_cast<double>(CollagenMix::kTotalFullScale);
    bars.push_back({"Collagen I + III",
                    "x normal dermal collagen",
                    {SectionTints::kReticular, stained(collagenHue(kNormalShare), 1)},
                    {"0", tickLabel(full / 2.0), tickLabel(full) + "+"}});
    LegendBar share{"Type III share", "of all collagen", {}, {}};
    for (const Rgb& hue : CollagenMix::kHues) share.stops.push_back(stained(hue, 1));
    const int percent = static_cast<int>(std::lround(100 * CollagenMix::kShareFullScale));
    share.ticks = {"0%", std::to_string(percent / 2) + "%", std::to_string(percent) + "%+"};
    bars.push_back(share);
  }
  for (const Stain& stain : stainsFor(overlay)) {
    const double full = static_cast<double>(stain.full_scale);
    bars.push_back({std::string(stain.label),
                    std::string(stain.unit),
                    {SectionTints::kReticular, stained(stain.colour, 1)},
                    {"0", tickLabel(full / 2), tickLabel(full) + "+"}});
  }
  return bars;
}

}  // namespace

int drawSectionLegend(Painter2D* painter, Font& font, PixelRect area, int fontPx,
                      SectionOverlay overlay) {
  const float fs = static_cast<float>(fontPx);
  const float swatch = std::round(fs * 0.9f);
  const float gap = std::round(fs * 1.2f);
  const float line = std::round(fs * 1.6f);
  const float hair = hairline(fontPx);
  float x = static_cast<float>(area.x);
  float y = static_cast<float>(area.y);
  const float right = static_cast<float>(area.x + area.width);

  // Layer swatches, flowing onto further lines when the area is narrow.
  const Swatch swatches[] = {
      {SectionTints::kEpidermis, "Epidermis"},
      {SectionTints::kPapillary, "Papillary dermis"},
      {SectionTints::kReticular, "Reticular dermis"},
      {SectionTints::kSubcutis, "Subcutis (fat)"},
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
      painter->rect(x - hair, top - hair, swatch + 2 * hair, swatch + 2 * hair, kSectionInkSoft);
      painter->rect(x, top, swatch, swatch, opaque(s.colour));
      painter->text(x + swatch + 0.4f * fs, y + 0.5f * line + 0.35f * fs, s.label, fontPx,
                    kSectionInk);
    }
    x += w + gap;
  }
  y += line + 0.4f * fs;

  // Colour bars, each from the bare reticular tint (or a hue scale) to full strength.
  const std::vector<LegendBar> bars = legendBars(overlay);
  const int small = std::max(8, fontPx * 4 / 5);
  float labelWidth = 0;
  for (const LegendBar& bar : bars) {
    labelWidth = std::max({labelWidth, font.width(bar.label, fontPx), font.width(bar.unit, small)});
  }
  labelWidth = std::round(std::min(labelWidth + fs, 0.5f * (right - static_cast<float>(area.x))));
  const float barWidth =
      std::max(4 * fs, std::min(16 * fs, right - static_cast<float>(area.x) - labelWidth));
  const float barHeight = std::round(fs * 0.8f);
  for (const LegendBar& bar : bars) {
    const float barX = static_cast<float>(area.x) + labelWidth;
    const float barY = y + 0.2f * fs;
    if (painter != nullptr) {
      painter->text(static_cast<float>(area.x), y + 0.9f * fs, bar.label, fontPx, kSectionInk);
      painter->text(static_cast<float>(area.x), y + 2.0f * fs, bar.unit, small, kSectionInkSoft);
      painter->rect(barX - hair, barY - hair, barWidth + 2 * hair, barHeight + 2 * hair,
                    kSectionInkSoft);
      const auto segments = static_cast<float>(bar.stops.size() - 1);
      for (std::size_t i = 0; i + 1 < bar.stops.size(); ++i) {
        painter->gradient(barX + barWidth * static_cast<float>(i) / segments, barY,
                          barWidth / segments, barHeight, opaque(bar.stops[i]),
                          opaque(bar.stops[i + 1]));
      }
      for (std::size_t t = 0; t < bar.ticks.size(); ++t) {
        const float tx =
            barX + barWidth * static_cast<float>(t) / static_cast<float>(bar.ticks.size() - 1);
        const std::string& label = bar.ticks[t];
        const float w = painter->textWidth(label, small);
        painter->rect(tx - hair / 2, barY + barHeight, hair, 0.3f * fs, kSectionInkSoft);
        painter->text(std::clamp(tx - w / 2, barX - w / 2, barX + barWidth - w / 2),
                      barY + barHeight + 0.35f * fs + static_cast<float>(small), label, small,
                      kSectionInk);
      }
    }
    y += std::round(fs * 2.8f);
  }
  return static_cast<int>(std::ceil(y)) - area.y;
}

void drawDepthScale(Painter2D& painter, PixelRect image, float zTopMm, float zBottomMm,
                    int fontPx) {
  const float fs = static_cast<float>(fontPx);
  const float hair = hairline(fontPx);
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
  painter.rect(axisX, static_cast<float>(image.y), hair, static_cast<float>(image.height),
               kSectionInkSoft);
  for (float z = std::ceil(zTopMm / step) * step; z <= zBottomMm + 1e-4f; z += step) {
    const float row = rowOf(z);
    painter.rect(axisX - 0.4f * fs, row - hair / 2, 0.4f * fs, hair, kSectionInkSoft);
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
