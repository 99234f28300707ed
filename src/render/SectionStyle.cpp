#include "render/SectionStyle.hpp"

#include <algorithm>
#include <cstddef>

namespace dermasim::render {

namespace {

// Picrosirius colours, like the ends of CollagenMix's hues. Both collagens are measured against
// the normal reticular dermis's total collagen.
constexpr Stain kCollagen1{
    SectionField::Collagen1, "Collagen I", "x normal dermal collagen", {0.80f, 0.10f, 0.07f}, 1.5f};
constexpr Stain kCollagen3{SectionField::Collagen3,
                           "Collagen III",
                           "x normal dermal collagen",
                           {0.24f, 0.68f, 0.18f},
                           0.6f};
// Verhoeff-van Gieson stains elastic fibres black.
constexpr Stain kElastin{
    SectionField::Elastin, "Elastin", "x normal dermal elastin", {0.10f, 0.09f, 0.12f}, 1.5f};
// Haematoxylin-blue, for cells.
constexpr Stain kFibroblasts{SectionField::Fibroblasts,
                             "Activated fibroblasts",
                             "per resting fibroblast",
                             {0.12f, 0.28f, 0.85f},
                             1.0f};
constexpr Stain kInjury{
    SectionField::Injury, "Injury", "0 none - 1 destroyed", {0.78f, 0.46f, 0.04f}, 1.0f};

}  // namespace

std::vector<Stain> stainsFor(SectionOverlay overlay) {
  switch (overlay) {
    case SectionOverlay::Collagen1:
      return {kCollagen1};
    case SectionOverlay::Collagen3:
      return {kCollagen3};
    case SectionOverlay::Elastin:
      return {kElastin};
    case SectionOverlay::Fibroblasts:
      return {kFibroblasts};
    case SectionOverlay::Injury:
      return {kInjury};
    case SectionOverlay::Collagen:
    case SectionOverlay::Layers:
      break;
  }
  return {};
}

Rgb collagenHue(float share) {
  const auto& hues = CollagenMix::kHues;
  const float position = std::clamp(share / CollagenMix::kShareFullScale, 0.0f, 1.0f) *
                         static_cast<float>(hues.size() - 1);
  const auto lower = std::min(static_cast<std::size_t>(position), hues.size() - 2);
  const float t = position - static_cast<float>(lower);
  const Rgb& a = hues[lower];
  const Rgb& b = hues[lower + 1];
  return {a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t, a[2] + (b[2] - a[2]) * t};
}

}  // namespace dermasim::render
