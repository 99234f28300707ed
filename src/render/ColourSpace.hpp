#pragma once
// sRGB transfer functions and CIELAB, so rendered pixels can be compared with the simulation's
// colour outputs (redness_a is a mean CIELAB a*, against the simulation's own white).
#include <array>

#include "core/optics/Cielab.hpp"

namespace dermasim::render {

float srgbToLinear(float encoded);
float linearToSrgb(float linear);

// CIELAB (kD65White) of a gamma-encoded sRGB colour with channels in 0..1.
Lab labFromSrgb(const std::array<double, 3>& srgb);

}  // namespace dermasim::render
