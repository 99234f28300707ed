#pragma once
// Surface features of the untreated skin, column by column, before BaselineSkin turns them
// into missing tissue. Internal to BaselineSkin.cpp and its helpers.

#include <Eigen/Core>
#include <cmath>
#include <cstdint>
#include <numbers>
#include <vector>

#include "core/numerics/CounterRandom.hpp"
#include "core/numerics/Periodic.hpp"
#include "core/tissue/BaselineSkin.hpp"

namespace dermasim {

// Where the deepest feature over a column shapes it.
struct FeatureMap {
  explicit FeatureMap(const Grid& g);

  Eigen::ArrayXd depth;            // surface depth, mm
  Eigen::ArrayXd range_bottom;     // its missing tissue spreads from the dermis top to here, mm
  Eigen::ArrayXd disorder;         // disorder of the feature's tissue
  Eigen::ArrayXd disorder_bottom;  // disordered from the dermis top to here, mm
  Field tether;
  Field lining;
  Field scar_index;
  std::vector<Scar> scars;

  // Returns true when this feature is now the deepest over the column.
  bool stamp(std::size_t column, double depthMm, double rangeBottomMm, double disorderValue,
             double disorderBottomMm);
};

struct FeatureFrame {
  Grid grid;
  Layers layers;
  double max_depth_mm = 0;  // deepest surface depth the dermis rows can hold
  std::uint64_t seed = 0;

  double patchMm() const { return grid.sizeXMm(); }
  // Depth below the surface at `fraction` of the dermis thickness.
  double dermisDepthMm(double fraction) const {
    return layers.dermisTopMm() + fraction * layers.dermis_mm;
  }
  CounterRandom stream(std::uint64_t key) const { return CounterRandom(seed, {0xBA5E, key}); }
};

// Offset a - b on a circle of circumference `period`, in [-period/2, period/2].
inline double wrappedOffsetMm(double a, double b, double period) {
  const double d = a - b;
  return d - period * std::round(d / period);
}

// 1 on the floor, a half-cosine down the wall: wall = 1 is a smooth bowl, small walls steep.
inline double flatFloorProfile(double r, double radius, double wall) {
  if (r >= radius) return 0.0;
  const double inner = radius * (1.0 - wall);
  if (r <= inner) return 1.0;
  return 0.5 * (1.0 + std::cos(std::numbers::pi * (r - inner) / (radius * wall)));
}

// Calls f(column, distance) for every column whose centre lies within `radius` of (x0, y0).
template <class F>
void forEachColumnNear(const Grid& g, double x0, double y0, double radius, F f) {
  const double period = g.sizeXMm();
  const int reach = static_cast<int>(std::ceil(radius / g.dx_mm)) + 1;
  const int ci = static_cast<int>(std::floor(x0 / g.dx_mm));
  const int cj = static_cast<int>(std::floor(y0 / g.dx_mm));
  // A footprint wider than the patch visits each column once, at its nearest image.
  const int i0 = 2 * reach + 1 >= g.nx ? 0 : ci - reach;
  const int i1 = 2 * reach + 1 >= g.nx ? g.nx - 1 : ci + reach;
  const int j0 = 2 * reach + 1 >= g.ny ? 0 : cj - reach;
  const int j1 = 2 * reach + 1 >= g.ny ? g.ny - 1 : cj + reach;
  for (int jj = j0; jj <= j1; ++jj) {
    const int j = periodicIndex(jj, g.ny);
    const double dy = wrappedOffsetMm((j + 0.5) * g.dx_mm, y0, period);
    for (int ii = i0; ii <= i1; ++ii) {
      const int i = periodicIndex(ii, g.nx);
      const double dx = wrappedOffsetMm((i + 0.5) * g.dx_mm, x0, period);
      const double r = std::hypot(dx, dy);
      if (r < radius) f(g.column(i, j), r);
    }
  }
}

// Log-normal factor with mean 1.
inline double spreadFactor(CounterRandom& rng, double sigma) {
  return std::exp(sigma * rng.normal() - 0.5 * sigma * sigma);
}

void addAcneScars(FeatureMap& m, const FeatureFrame& f, const BaselineScars& scars,
                  const BaselineParameters& p);
void addFineLines(FeatureMap& m, const FeatureFrame& f, const BaselineParameters& p);
void addStretchMarks(FeatureMap& m, const FeatureFrame& f, const BaselineParameters& p);
void addSurgicalScar(FeatureMap& m, const FeatureFrame& f, const BaselineParameters& p);
void addEnlargedPores(FeatureMap& m, const FeatureFrame& f, const BaselineParameters& p);

}  // namespace dermasim
