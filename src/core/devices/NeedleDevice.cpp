#include "core/devices/NeedleDevice.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>

#include "core/devices/Pen.hpp"
#include "core/devices/Roller.hpp"

namespace dermasim {

std::unique_ptr<NeedleDevice> makeNeedleDevice(const DeviceSettings& settings,
                                               const ModelParameters& parameters) {
  if (settings.type == DeviceType::Roller) return std::make_unique<Roller>(settings, parameters);
  return std::make_unique<Pen>(settings, parameters);
}

double passDirectionDeg(int passIndex) {
  static constexpr double kCrossHatch[] = {0.0, 90.0, 45.0, 135.0};
  return kCrossHatch[passIndex % 4];
}

double openingWidthMm(double shaftDiameterMm, double depthMm, double tipHalfAngleDeg) {
  const double cone = 2.0 * depthMm * std::tan(tipHalfAngleDeg * std::numbers::pi / 180.0);
  return std::min(shaftDiameterMm, cone);
}

double sampleNeedleDepthMm(CounterRandom& rng, double needleLengthMm, double meanFraction,
                           double spread) {
  const double mean = meanFraction * needleLengthMm;
  const double sd = spread * mean;
  // Redrawing rather than clamping keeps the limits from piling depths up on them; the
  // fallback after 16 misses only matters for spreads far wider than any device's.
  for (int attempt = 0; attempt < 16; ++attempt) {
    const double d = rng.normal(mean, sd);
    if (d > 0.02 * needleLengthMm && d <= needleLengthMm) return d;
  }
  return mean;
}

}  // namespace dermasim
