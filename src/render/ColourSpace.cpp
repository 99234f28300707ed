#include "render/ColourSpace.hpp"

#include <cmath>

namespace dermasim::render {

float srgbToLinear(float encoded) {
  return encoded <= 0.04045f ? encoded / 12.92f : std::pow((encoded + 0.055f) / 1.055f, 2.4f);
}

float linearToSrgb(float linear) {
  return linear <= 0.0031308f ? 12.92f * linear : 1.055f * std::pow(linear, 1 / 2.4f) - 0.055f;
}

Lab labFromSrgb(const std::array<double, 3>& srgb) {
  std::array<double, 3> rgb{};
  for (int c = 0; c < 3; ++c) {
    const double v = srgb[static_cast<std::size_t>(c)];
    rgb[static_cast<std::size_t>(c)] =
        v <= 0.04045 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4);
  }
  // IEC 61966-2-1 primaries. Their D65 (0.95047, 1, 1.08883) and kD65White differ by < 5e-5,
  // which moves a* by < 0.01: well inside what pixels can show.
  return labFromXyz({0.4124564 * rgb[0] + 0.3575761 * rgb[1] + 0.1804375 * rgb[2],
                     0.2126729 * rgb[0] + 0.7151522 * rgb[1] + 0.0721750 * rgb[2],
                     0.0193339 * rgb[0] + 0.1191920 * rgb[1] + 0.9503041 * rgb[2]});
}

}  // namespace dermasim::render
