#include "core/tissue/SurfaceTexture.hpp"

#include <algorithm>
#include <cmath>
#include <vector>

#include "core/numerics/Periodic.hpp"

namespace dermasim {
namespace {

std::vector<double> gaussianKernel(double sigmaCells) {
  const int radius = static_cast<int>(std::ceil(3.0 * sigmaCells));
  std::vector<double> k(static_cast<std::size_t>(2 * radius + 1));
  double sum = 0;
  for (int i = -radius; i <= radius; ++i) {
    const double w = std::exp(-0.5 * i * i / (sigmaCells * sigmaCells));
    k[static_cast<std::size_t>(i + radius)] = w;
    sum += w;
  }
  for (double& w : k) w /= sum;
  return k;
}

// One periodic 1-D pass along x (step 1) or y (step nx); a kernel wider than the patch
// simply wraps round more than once, which is still the periodic convolution.
Eigen::ArrayXd smoothAxis(const Eigen::ArrayXd& f, const Grid& g, const std::vector<double>& k,
                          bool alongX) {
  Eigen::ArrayXd out = Eigen::ArrayXd::Zero(f.size());
  const int radius = static_cast<int>(k.size() / 2);
  for (int j = 0; j < g.ny; ++j)
    for (int i = 0; i < g.nx; ++i) {
      double sum = 0;
      for (int o = -radius; o <= radius; ++o) {
        const std::size_t c = alongX ? g.column(periodicIndex(i + o, g.nx), j)
                                     : g.column(i, periodicIndex(j + o, g.ny));
        sum += k[static_cast<std::size_t>(o + radius)] * f[static_cast<Eigen::Index>(c)];
      }
      out[static_cast<Eigen::Index>(g.column(i, j))] = sum;
    }
  return out;
}

}  // namespace

double roughnessRa(const Eigen::ArrayXd& depth) {
  if (depth.size() == 0) return 0.0;
  return (depth - depth.mean()).abs().mean();
}

Eigen::ArrayXd surfaceTexture(const Grid& grid, double ra_mm, double correlation_mm,
                              CounterRandom rng) {
  const auto n = static_cast<Eigen::Index>(grid.columns());
  Eigen::ArrayXd f(n);
  for (Eigen::Index c = 0; c < n; ++c) f[c] = rng.normal();
  const double sigmaCells = correlation_mm / grid.dx_mm;
  // Below a third of a cell the kernel is a delta: the grid cannot show finer texture.
  if (sigmaCells > 0.33) {
    const std::vector<double> k = gaussianKernel(sigmaCells);
    f = smoothAxis(smoothAxis(f, grid, k, true), grid, k, false);
  }
  // Skin relief is plateaus cut by furrows: the field clipped at its median leaves half the
  // surface at the reference level and keeps the mean missing tissue near Ra rather than
  // the ~4 Ra a full Gaussian would need to stay non-negative.
  std::vector<double> sorted(f.begin(), f.end());
  std::nth_element(sorted.begin(), sorted.begin() + n / 2, sorted.end());
  const double median = sorted[static_cast<std::size_t>(n / 2)];
  f = (f - median).max(0.0);
  const double ra = roughnessRa(f);
  if (ra <= 0.0 || ra_mm <= 0.0) return Eigen::ArrayXd::Zero(n);
  return f * (ra_mm / ra);
}

}  // namespace dermasim
