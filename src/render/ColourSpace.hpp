#pragma once
// sRGB transfer functions and CIELAB, so rendered pixels can be compared with the simulation's
// colour outputs (redness_a is a mean CIELAB a*, D65 white).
#include <array>

namespace dermasim::render {

float srgbToLinear(float encoded);
float linearToSrgb(float linear);

struct LabColour {
  double L = 0, a = 0, b = 0;
};

// CIELAB (D65, 2-degree observer) of a gamma-encoded sRGB colour with channels in 0..1.
LabColour labFromSrgb(const std::array<double, 3>& srgb);

}  // namespace dermasim::render
