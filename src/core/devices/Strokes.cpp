#include "core/devices/Strokes.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace dermasim {

std::vector<Stroke> coverPatch(const Patch& patch, double directionDeg, double strokeWidthMm,
                               double marginMm, CounterRandom& rng) {
  const double theta = directionDeg * std::numbers::pi / 180.0;
  const double ux = std::cos(theta), uy = std::sin(theta);
  const double nx = -uy, ny = ux;
  const double c = 0.5 * patch.size_mm;
  // Half the patch's extent projected on any axis at angle theta, plus the margin.
  const double reach = 0.5 * patch.size_mm * (std::abs(ux) + std::abs(uy)) + marginMm;

  const double offset = rng.uniform(0.0, strokeWidthMm);
  const int first = static_cast<int>(std::floor((-reach - offset) / strokeWidthMm));
  const int last = static_cast<int>(std::ceil((reach - offset) / strokeWidthMm));
  std::vector<Stroke> strokes;
  for (int k = first; k <= last; ++k) {
    const double across = offset + (k + 0.5) * strokeWidthMm;
    if (across < -reach - 0.5 * strokeWidthMm || across > reach + 0.5 * strokeWidthMm) continue;
    const double sign = (k % 2 == 0) ? 1.0 : -1.0;  // back and forth
    strokes.push_back(Stroke{c + across * nx, c + across * ny, sign * ux, sign * uy, nx, ny, reach,
                             static_cast<int>(strokes.size())});
  }
  return strokes;
}

}  // namespace dermasim
