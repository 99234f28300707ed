#pragma once
// How the section view encodes the tissue: layer tints and the stains of each overlay, shared
// by the section shader's uniforms and the legend, so the two cannot disagree. Colours are
// gamma-encoded sRGB.
#include <array>
#include <string_view>
#include <vector>

#include "render/RenderOptions.hpp"

namespace dermasim::render {

using Rgb = std::array<float, 3>;

struct SectionTints {
  static constexpr Rgb kEpidermis{0.70f, 0.50f, 0.40f};
  static constexpr Rgb kPapillary{0.98f, 0.87f, 0.86f};
  static constexpr Rgb kReticular{0.88f, 0.71f, 0.76f};
  static constexpr Rgb kSubcutis{0.98f, 0.94f, 0.76f};
  static constexpr Rgb kTrack{0.45f, 0.03f, 0.05f};  // an open needle channel, blood-filled
  static constexpr Rgb kOutline{0.22f, 0.13f, 0.12f};
};

// Stains cover the layer tint by up to this much, at or above their `full_scale`.
inline constexpr float kStainOpacity = 0.85f;

// Which snapshot field a stain reads (the section shader's channel numbers).
enum class SectionField { Collagen1 = 0, Collagen3 = 1, Elastin = 2, Fibroblasts = 3, Injury = 4 };

struct Stain {
  SectionField field;
  std::string_view label;
  std::string_view unit;
  Rgb colour;
  float full_scale;  // field value drawn at full strength
};

// The stains of an overlay, at most two (none for SectionOverlay::Layers).
std::vector<Stain> stainsFor(SectionOverlay overlay);

}  // namespace dermasim::render
