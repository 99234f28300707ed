#include "render/ExportBand.hpp"

#include <algorithm>
#include <array>
#include <cmath>

#include "core/numerics/NumberText.hpp"
#include "render/UiMetrics.hpp"

namespace dermasim::render {

namespace {

constexpr Colour4 kBand{0.07f, 0.07f, 0.08f, 1.0f};
constexpr Colour4 kTitleInk{0.97f, 0.97f, 0.97f, 1.0f};
constexpr Colour4 kDetailInk{0.80f, 0.80f, 0.82f, 1.0f};
// The bar's length is the largest of these that takes at most this share of the width.
constexpr std::array<float, 9> kBarLengthsMm{0.1f, 0.2f, 0.25f, 0.5f, 1, 2, 5, 10, 20};
constexpr float kMaxBarShare = 0.2f;

bool showsSurface(View view) { return view != View::Section; }

}  // namespace

ExportFacts exportFacts(const std::string& scenarioName, const SkinSnapshot& s,
                        const RenderOptions& options, bool fancy) {
  const std::string dot = fancy ? "  \xC2\xB7  " : ", ";
  ExportFacts f;
  f.title = scenarioName;
  const NeedleReach& n = s.needle;
  if (n.known) {
    f.details = n.device + ", " + roundedNumber(n.needle_length_mm, 2) + " mm needles (reach " +
                roundedNumber(n.depth_mm, 2) + " mm" + (n.planned ? ", session to come)" : ")");
  } else {
    f.details = "no session";
  }
  f.details += dot + "day " + formatDay(s.day);
  const double relief = static_cast<double>(options.relief_exaggeration);
  if (showsSurface(options.view) && std::abs(relief - 1.0) > 1e-6) {
    f.details += dot + "relief exaggerated " + readableNumber(relief) + "x";
  }
  if (options.view == View::Surface || options.view == View::BeforeAfter)
    f.scale_note = " at centre";
  if (options.view == View::Split) f.scale_note = " (section)";
  return f;
}

int exportBandHeight(int width, int height, float uiScale) {
  return static_cast<int>(std::lround(3.2 * panelFontPx(width, height, uiScale)));
}

ExportBand layoutExportBand(Font& font, const ExportFacts& facts, int width, int height,
                            float uiScale, float mmPerPixel) {
  ExportBand b;
  b.facts = facts;
  const int bandHeight = std::min(exportBandHeight(width, height, uiScale), height / 2);
  b.band = {0, height - bandHeight, width, bandHeight};
  b.font_px = std::max(6, bandHeight * 10 / 32);
  const float margin = std::round(0.6f * static_cast<float>(b.font_px));

  // The scale bar, right-aligned, its label above it.
  float barRoom = 0;
  if (mmPerPixel > 0) {
    for (float mm : kBarLengthsMm) {
      if (mm / mmPerPixel <= kMaxBarShare * static_cast<float>(width)) b.bar_mm = mm;
    }
  }
  if (b.bar_mm > 0) {
    const int length = static_cast<int>(std::lround(b.bar_mm / mmPerPixel));
    const int thickness = std::max(2, b.font_px / 4);
    b.bar = {width - static_cast<int>(margin) - length,
             b.band.y + bandHeight * 7 / 10 - thickness / 2, length, thickness};
    b.bar_label = roundedNumber(static_cast<double>(b.bar_mm), 2) + " mm" + facts.scale_note;
    barRoom = std::max(static_cast<float>(length), font.width(b.bar_label, b.font_px)) + margin;
  }

  // Text shrinks (to 6 px) rather than run under the bar.
  const float room = static_cast<float>(width) - 2 * margin - barRoom;
  while (b.font_px > 6 && std::max(font.width(facts.title, b.font_px),
                                   font.width(facts.details, b.font_px)) > room) {
    --b.font_px;
  }
  b.text_x = margin;
  b.title_baseline = static_cast<float>(b.band.y) + 0.42f * static_cast<float>(bandHeight);
  b.details_baseline = static_cast<float>(b.band.y) + 0.82f * static_cast<float>(bandHeight);
  return b;
}

void drawExportBand(Painter2D& painter, const ExportBand& b) {
  painter.rect(static_cast<float>(b.band.x), static_cast<float>(b.band.y),
               static_cast<float>(b.band.width), static_cast<float>(b.band.height), kBand);
  painter.text(b.text_x, b.title_baseline, b.facts.title, b.font_px, kTitleInk);
  painter.text(b.text_x, b.details_baseline, b.facts.details, b.font_px, kDetailInk);
  if (b.bar.width <= 0) return;
  const auto x = static_cast<float>(b.bar.x), y = static_cast<float>(b.bar.y);
  const auto w = static_cast<float>(b.bar.width), h = static_cast<float>(b.bar.height);
  painter.rect(x, y, w, h, kTitleInk);
  // End ticks, so the bar's length reads exactly.
  const float tick = std::max(2.0f, hairline(b.font_px) * 2);
  painter.rect(x, y - h, tick, 3 * h, kTitleInk);
  painter.rect(x + w - tick, y - h, tick, 3 * h, kTitleInk);
  const float labelWidth = painter.textWidth(b.bar_label, b.font_px);
  painter.text(x + w - labelWidth, y - 1.4f * h - 0.2f * static_cast<float>(b.font_px), b.bar_label,
               b.font_px, kDetailInk);
}

}  // namespace dermasim::render
