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
  static constexpr Rgb kEpidermis{0.60f, 0.46f, 0.66f};  // haematoxylin-lilac, as in H&E
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

// The stain of a single-field overlay; none for SectionOverlay::Layers and ::Collagen.
std::vector<Stain> stainsFor(SectionOverlay overlay);

// SectionOverlay::Collagen colours both types at once, as picrosirius red under polarised light
// shows them: opacity from the total (I + III), hue from type III's share, red (mature, thick
// type I fibres) through orange and yellow to green (young, thin type III fibres).
struct CollagenMix {
  static constexpr float kTotalFullScale = 1.6f;  // x normal dermal collagen, drawn opaque
  static constexpr float kShareFullScale = 0.6f;  // type III share at the last hue stop
  static constexpr std::array<Rgb, 4> kHues{{
      {0.80f, 0.10f, 0.07f},  // share 0
      {0.93f, 0.45f, 0.06f},  // share 0.2
      {0.86f, 0.76f, 0.10f},  // share 0.4
      {0.24f, 0.68f, 0.18f},  // share 0.6 and more
  }};
};

// The hue of a type III share (0..1), interpolated between CollagenMix::kHues.
Rgb collagenHue(float share);

}  // namespace dermasim::render
