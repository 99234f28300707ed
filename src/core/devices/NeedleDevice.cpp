#include "core/devices/NeedleDevice.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace dermasim {

double passDirectionDeg(int passIndex) {
  static constexpr double kCrossHatch[] = {0.0, 90.0, 45.0, 135.0};
  return kCrossHatch[passIndex % 4];
}

double openingWidthMm(double shaftDiameterMm, double depthMm, double tipHalfAngleDeg) {
  const double cone = 2.0 * depthMm * std::tan(tipHalfAngleDeg * std::numbers::pi / 180.0);
  return std::min(shaftDiameterMm, cone);
}

double wrapDeg(double deg) {
  const double w = std::fmod(deg, 360.0);
  return w < 0 ? w + 360.0 : w;
}

}  // namespace dermasim
