#include "render/ColourSpace.hpp"

#include <cmath>

namespace dermasim::render {

float srgbToLinear(float encoded) {
  return encoded <= 0.04045f ? encoded / 12.92f : std::pow((encoded + 0.055f) / 1.055f, 2.4f);
}

float linearToSrgb(float linear) {
  return linear <= 0.0031308f ? 12.92f * linear : 1.055f * std::pow(linear, 1 / 2.4f) - 0.055f;
}

LabColour labFromSrgb(const std::array<double, 3>& srgb) {
  std::array<double, 3> rgb{};
  for (int c = 0; c < 3; ++c) {
    const double v = srgb[static_cast<std::size_t>(c)];
    rgb[static_cast<std::size_t>(c)] =
        v <= 0.04045 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4);
  }
  // IEC 61966-2-1 primaries; the white point of the matrix is D65.
  const double x = 0.4124564 * rgb[0] + 0.3575761 * rgb[1] + 0.1804375 * rgb[2];
  const double y = 0.2126729 * rgb[0] + 0.7151522 * rgb[1] + 0.0721750 * rgb[2];
  const double z = 0.0193339 * rgb[0] + 0.1191920 * rgb[1] + 0.9503041 * rgb[2];
  const auto f = [](double t) {
    constexpr double kDelta = 6.0 / 29.0;
    return t > kDelta * kDelta * kDelta ? std::cbrt(t) : t / (3 * kDelta * kDelta) + 4.0 / 29.0;
  };
  const double fx = f(x / 0.95047);
  const double fy = f(y / 1.0);
  const double fz = f(z / 1.08883);
  return {116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)};
}

}  // namespace dermasim::render
