#pragma once
// Folding back into one period: the patch repeats sideways (Grid), and azimuths repeat every
// turn. The one place that knows how C++'s remainders treat negative numbers.
//
//   const int i = periodicIndex(ii, grid.nx);                // ii = -1 -> nx - 1
//   const double azimuth = periodicPosition(-90.0, 360.0);   // 270

#include <cmath>

namespace dermasim {

// i folded into [0, n) for n > 0: `%` alone keeps the sign of i.
constexpr int periodicIndex(int i, int n) { return ((i % n) + n) % n; }

// x folded into [0, period) for period > 0 (a negative x within rounding of a whole period
// can land on `period` itself).
inline double periodicPosition(double x, double period) {
  const double w = std::fmod(x, period);
  return w < 0 ? w + period : w;
}

}  // namespace dermasim
