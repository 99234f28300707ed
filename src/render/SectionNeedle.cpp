#include "render/SectionNeedle.hpp"

#include <algorithm>
#include <cmath>

#include "core/numerics/NumberText.hpp"
#include "render/UiMetrics.hpp"

namespace dermasim::render {

namespace {

constexpr Colour4 kNeedleSteel{0.42f, 0.46f, 0.52f, 1.0f};
constexpr Colour4 kNeedleEdge{0.12f, 0.13f, 0.16f, 1.0f};
constexpr Colour4 kLabelBack{1.0f, 1.0f, 1.0f, 0.82f};
// The needle stands this far across the image from its left edge: clear of the depth scale and
// of most of the section's middle, where scars are.
constexpr float kNeedleAt = 0.86f;

std::string mm(double value) { return roundedNumber(value, 2) + " mm"; }

}  // namespace

SkinLayer layerAtDepth(const SectionGeometry& g, float depthMm) {
  if (depthMm < g.epidermis_mm) return SkinLayer::Epidermis;
  if (depthMm < g.papillary_bottom_mm) return SkinLayer::PapillaryDermis;
  if (depthMm < g.dermis_bottom_mm) return SkinLayer::ReticularDermis;
  return SkinLayer::Subcutis;
}

std::string_view layerName(SkinLayer layer) {
  switch (layer) {
    case SkinLayer::Epidermis:
      return "epidermis";
    case SkinLayer::PapillaryDermis:
      return "papillary dermis";
    case SkinLayer::ReticularDermis:
      return "reticular dermis";
    case SkinLayer::Subcutis:
      return "subcutis";
  }
  return "?";
}

std::string needleReachLabel(const NeedleReach& needle, SkinLayer layer) {
  std::string session = "session " + std::to_string(needle.session);
  if (needle.planned) session += ", to come";
  return "Needles " + mm(needle.depth_mm) + " (" + mm(needle.needle_length_mm) + " " +
         needle.device + ", " + session + "): " + std::string(layerName(layer));
}

float sectionRowOf(const SectionLayout& l, float depthMm) {
  return static_cast<float>(l.image.y) +
         (depthMm - l.z_top_mm) * static_cast<float>(l.image.height) / (l.z_bottom_mm - l.z_top_mm);
}

void drawNeedleReach(Painter2D& painter, const SectionLayout& l, const SectionGeometry& g) {
  const auto depth = static_cast<float>(g.needle.depth_mm);
  const float row = sectionRowOf(l, depth);
  const int fs = l.font_px;
  const float line = 2 * hairline(fs);
  const auto left = static_cast<float>(l.image.x);
  const auto width = static_cast<float>(l.image.width);

  // The dashed line across the section at the needles' depth.
  const float dash = std::max(4.0f, 0.6f * static_cast<float>(fs));
  for (float x = left; x < left + width; x += 1.6f * dash) {
    painter.rect(x, row - line / 2, std::min(dash, left + width - x), line, kNeedleInk);
  }

  // The needle: a shaft from the top of the image (the air above the skin), its conical tip
  // ending on the line.
  const float cx = std::round(left + kNeedleAt * width);
  const float shaft = std::max(3.0f, 0.35f * static_cast<float>(fs));
  const auto top = static_cast<float>(l.image.y);
  const float tipLength = std::min(2.5f * shaft, std::max(row - top, 0.0f));
  const float tipTop = row - tipLength;
  const float edge = hairline(fs);
  painter.rect(cx - shaft / 2 - edge, top, shaft + 2 * edge, std::max(tipTop - top, 0.0f),
               kNeedleEdge);
  painter.rect(cx - shaft / 2, top, shaft, std::max(tipTop - top, 0.0f), kNeedleSteel);
  painter.triangle(cx - shaft / 2 - edge, tipTop, cx + shaft / 2 + edge, tipTop, cx, row + edge,
                   kNeedleEdge);
  painter.triangle(cx - shaft / 2, tipTop, cx + shaft / 2, tipTop, cx, row, kNeedleSteel);

  // The label above the line, ending left of the needle; shortened when the section is narrow.
  const SkinLayer layer = layerAtDepth(g, depth);
  std::string label = needleReachLabel(g.needle, layer);
  const float room = cx - shaft - left - 0.5f * static_cast<float>(fs);
  if (painter.textWidth(label, fs) > room) label = mm(depth) + ": " + std::string(layerName(layer));
  const float w = painter.textWidth(label, fs);
  const float pad = 0.25f * static_cast<float>(fs);
  const float x = std::max(left + pad, cx - shaft - pad - w);
  const float baseline = row - line - 0.45f * static_cast<float>(fs);
  painter.rect(x - pad, baseline - 0.95f * static_cast<float>(fs), w + 2 * pad,
               1.3f * static_cast<float>(fs), kLabelBack);
  painter.text(x, baseline, label, fs, kNeedleInk);
}

}  // namespace dermasim::render
